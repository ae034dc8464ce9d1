import { type KeyboardEvent, useId, useState } from 'react';
import type { Entity, Excerpt } from '../../../../shared/api.ts';
import { ENTITY_KIND_LABELS, ENTITY_KINDS, type EntityKind } from '../../../../shared/domain.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { findByName } from './names.ts';

/**
 * The excerpt inspector's Entities field: type a name or alias, Enter links the entity, or creates
 * it (as the kind chosen beside the field) when no entity goes by that name.
 */
export function EntityField({
  excerpt,
  entities,
  onChanged,
}: {
  excerpt: Excerpt;
  /** The vault's entities, loaded once by the reader (not again for every excerpt shown). */
  entities: { data: Entity[] | null; error: string | null; reload: () => void };
  onChanged: () => void;
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [kind, setKind] = useState<EntityKind>('person');
  const [error, setError] = useState<string | null>(null);
  const list = entities.data ?? [];
  const byId = new Map(list.map((e) => [e.id, e]));
  const known = findByName(list, typed);

  async function link(entityIds: string[]) {
    await invoke('excerpt.update', { id: excerpt.id, entityIds });
    onChanged();
  }

  async function add() {
    const name = typed.trim();
    // Until the entities are loaded, a known name would look new and be created twice.
    if (!name || !entities.data) return;
    setError(null);
    try {
      const entity = known ?? (await invoke('entity.create', { kind, name }));
      if (!excerpt.entityIds.includes(entity.id)) await link([...excerpt.entityIds, entity.id]);
      setTyped('');
      if (!known) entities.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function remove(entityId: string) {
    setError(null);
    try {
      await link(excerpt.entityIds.filter((e) => e !== entityId));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void add();
    }
  }

  return (
    <div className="field">
      <label htmlFor={`${id}-entities`}>Entities</label>
      <ul className="code-chips entity-chips" aria-label="Entities of this excerpt">
        {excerpt.entityIds.map((entityId) => {
          const entity = byId.get(entityId);
          return (
            <li key={entityId} title={entity ? ENTITY_KIND_LABELS[entity.kind] : undefined}>
              {entity?.name ?? '…'}
              <button type="button" aria-label={`Remove entity ${entity?.name ?? ''}`} onClick={() => remove(entityId)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <input
        id={`${id}-entities`}
        list={`${id}-entity-names`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={onKey}
        placeholder="Name or acronym, Enter to link"
        autoComplete="off"
        aria-describedby={`${id}-entity-hint`}
      />
      <div className="entity-new-kind">
        <label htmlFor={`${id}-entity-kind`}>Add new names as</label>
        <select id={`${id}-entity-kind`} value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {ENTITY_KIND_LABELS[k].toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <datalist id={`${id}-entity-names`}>
        {list.flatMap((e) => [
          <option key={e.id} value={e.name} label={ENTITY_KIND_LABELS[e.kind]} />,
          ...e.aliases.map((a) => <option key={`${e.id}-${a}`} value={a} label={`${e.name}`} />),
        ])}
      </datalist>
      <p className="hint entity-hint" id={`${id}-entity-hint`} aria-live="polite">
        {typed.trim()
          ? known
            ? `Enter links ${known.name} (${ENTITY_KIND_LABELS[known.kind].toLowerCase()}).`
            : `Enter adds “${typed.trim()}” as a new ${ENTITY_KIND_LABELS[kind].toLowerCase()}.`
          : ''}
      </p>
      <ErrorNote message={error ?? entities.error} />
    </div>
  );
}
