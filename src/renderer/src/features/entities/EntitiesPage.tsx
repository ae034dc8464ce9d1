import { useId, useState } from 'react';
import type { EntityExcerpt, LinkedMention, MentioningSource } from '../../../../shared/api.ts';
import { ENTITY_KIND_PLURALS, ENTITY_KINDS, type EntityKind } from '../../../../shared/domain.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { EntityForm } from './EntityForm.tsx';
import { EntityPage } from './EntityPage.tsx';

/**
 * The Entities area: every person, organisation, place, legal provision and instrument of the vault,
 * grouped by kind, with a form to add one; or, once one is opened, its own page.
 */
export function EntitiesPage({
  entityId,
  onOpenEntity,
  onOpenExcerpt,
  onOpenSource,
  onOpenMention,
}: {
  entityId: string | null;
  onOpenEntity: (id: string | null) => void;
  onOpenExcerpt: (excerpt: EntityExcerpt) => void;
  onOpenSource: (source: MentioningSource) => void;
  onOpenMention: (mention: LinkedMention) => void;
}) {
  if (entityId) {
    return (
      <EntityPage
        key={entityId}
        entityId={entityId}
        onBack={() => onOpenEntity(null)}
        onOpenEntity={onOpenEntity}
        onOpenExcerpt={onOpenExcerpt}
        onOpenSource={onOpenSource}
        onOpenMention={onOpenMention}
      />
    );
  }
  return <EntityIndex onOpen={onOpenEntity} />;
}

function EntityIndex({ onOpen }: { onOpen: (id: string) => void }) {
  const id = useId();
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [text, setText] = useState('');
  const words = useDebounced(text.trim(), 200);
  const entities = useAsync(
    () => invoke('entity.list', { ...(kind ? { kind } : {}), ...(words ? { text: words } : {}) }),
    [kind, words],
  );
  const list = entities.data ?? [];
  const filtering = kind !== '' || text.trim() !== '';

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Entities</h1>
      <p className="hint">
        The persons, organisations, places, legal provisions and international instruments your sources name, across all
        dossiers. Link them to excerpts in the reader; each entity’s page lists every excerpt and source that mentions
        it.
      </p>
      <EntityForm
        initial={null}
        title="Add an entity"
        label="New entity"
        submitLabel="Add entity"
        onSubmit={async (draft) => {
          await invoke('entity.create', draft);
          entities.reload();
          return true;
        }}
      />
      <fieldset className="filters entity-filters">
        <legend className="visually-hidden">Find entities</legend>
        <div className="filter">
          <label htmlFor={`${id}-kind`}>Show</label>
          <VocabularySelect
            id={`${id}-kind`}
            value={kind}
            values={ENTITY_KINDS}
            labels={ENTITY_KIND_PLURALS}
            blank="All kinds"
            onChange={setKind}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-text`}>Find</label>
          <input
            id={`${id}-text`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Name, alias or acronym"
          />
        </div>
      </fieldset>
      <ErrorNote message={entities.error} />
      {entities.data && list.length === 0 && (
        <p className="hint">
          {filtering
            ? 'No entity matches.'
            : 'No entities yet. Add one above, or type a name in an excerpt’s Entities field in the reader.'}
        </p>
      )}
      {ENTITY_KINDS.map((k) => {
        const ofKind = list.filter((e) => e.kind === k);
        if (ofKind.length === 0) return null;
        return (
          <section key={k} className="card entity-group" aria-labelledby={`${id}-${k}`}>
            <h2 id={`${id}-${k}`}>
              {ENTITY_KIND_PLURALS[k]} ({ofKind.length})
            </h2>
            <ul className="entity-list" aria-label={ENTITY_KIND_PLURALS[k]}>
              {ofKind.map((e) => (
                <li key={e.id}>
                  <div className="entity-main">
                    <button type="button" className="link entity-name" onClick={() => onOpen(e.id)}>
                      {e.name}
                    </button>
                    {(e.aliases.length > 0 || e.pseudonym) && (
                      <span className="entity-aliases">
                        {e.aliases.length > 0 && `also: ${e.aliases.join(' · ')}`}
                        {e.aliases.length > 0 && e.pseudonym && ' — '}
                        {e.pseudonym && `exported as “${e.pseudonym}”`}
                      </span>
                    )}
                  </div>
                  <span className="entity-counts">
                    {e.excerptCount} {e.excerptCount === 1 ? 'excerpt' : 'excerpts'}
                    {e.mentionCount > 0 && ` · ${e.mentionCount} ${e.mentionCount === 1 ? 'mention' : 'mentions'}`}
                    {e.excerptCount + e.mentionCount > 0 &&
                      ` in ${e.sourceCount} ${e.sourceCount === 1 ? 'source' : 'sources'}`}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
