import { type KeyboardEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Excerpt } from '../../../../shared/api.ts';
import {
  ENTITY_KIND_LOWER_MESSAGES,
  ENTITY_KIND_MESSAGES,
  ENTITY_KINDS,
  type EntityKind,
} from '../../../../shared/domain.ts';
import { mutate, useApiAll } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { findByName } from './names.ts';

/**
 * The excerpt inspector's Entities field: type a name or alias, Enter links the entity, or creates
 * it (as the kind chosen beside the field) when no entity goes by that name. The vault's entities
 * come from the query cache (read once for every excerpt shown); its writes go through it too, so
 * the highlights, the lists and the entity pages follow.
 */
export function EntityField({ excerpt }: { excerpt: Excerpt }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const kindLabels = useLabels(ENTITY_KIND_MESSAGES);
  const entities = useApiAll('entity.list', {});
  const [typed, setTyped] = useState('');
  const [kind, setKind] = useState<EntityKind>('person');
  const [error, setError] = useState<string | null>(null);
  const list = entities.data ?? [];
  const byId = new Map(list.map((e) => [e.id, e]));
  const known = findByName(list, typed);
  const name = typed.trim();

  async function add() {
    // Until the entities are loaded, a known name would look new and be created twice.
    if (!name || !entities.data) return;
    setError(null);
    try {
      const entity = known ?? (await mutate('entity.create', { kind, name }));
      if (!excerpt.entityIds.includes(entity.id))
        await mutate('excerpt.update', { id: excerpt.id, entityIds: [...excerpt.entityIds, entity.id] });
      setTyped('');
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function remove(entityId: string) {
    setError(null);
    try {
      await mutate('excerpt.update', { id: excerpt.id, entityIds: excerpt.entityIds.filter((e) => e !== entityId) });
    } catch (e) {
      setError(errorText(e));
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
      <label htmlFor={`${id}-entities`}>
        <FormattedMessage id="entities.field.label" defaultMessage="Entities" />
      </label>
      <ul
        className="code-chips entity-chips"
        aria-label={intl.formatMessage({ id: 'entities.field.chips', defaultMessage: 'Entities of this excerpt' })}
      >
        {excerpt.entityIds.map((entityId) => {
          const entity = byId.get(entityId);
          return (
            <li key={entityId} title={entity ? kindLabels[entity.kind] : undefined}>
              {entity?.name ?? '…'}
              <button
                type="button"
                aria-label={intl.formatMessage(
                  { id: 'entities.field.remove', defaultMessage: 'Remove entity {name}' },
                  { name: entity?.name ?? '' },
                )}
                onClick={() => remove(entityId)}
              >
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
        placeholder={intl.formatMessage({
          id: 'entities.field.placeholder',
          defaultMessage: 'Name or acronym, Enter to link',
        })}
        autoComplete="off"
        aria-describedby={`${id}-entity-hint`}
      />
      <div className="entity-new-kind">
        <label htmlFor={`${id}-entity-kind`}>
          <FormattedMessage id="entities.field.newKind" defaultMessage="Add new names as" />
        </label>
        <select id={`${id}-entity-kind`} value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {intl.formatMessage(ENTITY_KIND_LOWER_MESSAGES[k])}
            </option>
          ))}
        </select>
      </div>
      <datalist id={`${id}-entity-names`}>
        {list.flatMap((e) => [
          <option key={e.id} value={e.name} label={kindLabels[e.kind]} />,
          ...e.aliases.map((a) => <option key={`${e.id}-${a}`} value={a} label={e.name} />),
        ])}
      </datalist>
      <p className="hint entity-hint" id={`${id}-entity-hint`} aria-live="polite">
        {name &&
          (known ? (
            <FormattedMessage
              id="entities.field.hint.link"
              defaultMessage="Enter links {name} ({kind})."
              values={{ name: known.name, kind: intl.formatMessage(ENTITY_KIND_LOWER_MESSAGES[known.kind]) }}
            />
          ) : (
            <FormattedMessage
              id="entities.field.hint.add"
              defaultMessage="Enter adds “{name}” as a new {kind, select, person {person} organisation {organisation} place {place} legal_provision {legal provision} instrument {international instrument} other {entity}}."
              values={{ name, kind }}
            />
          ))}
      </p>
      <ErrorNote message={error ?? (entities.error ? errorText(entities.error) : null)} />
    </div>
  );
}
