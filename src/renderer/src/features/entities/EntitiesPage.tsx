import { useCallback, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { EntityExcerpt, LinkedMention, MentioningSource } from '../../../../shared/api.ts';
import { ENTITY_KIND_PLURAL_MESSAGES, ENTITY_KINDS, type EntityKind } from '../../../../shared/domain.ts';
import { mutate, useApiPages } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { VirtualList } from '../../components/VirtualList.tsx';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
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
  const intl = useIntl();
  const errorText = useErrorText();
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [text, setText] = useState('');
  const words = useDebounced(text.trim(), 200);
  // The previous answer stays on screen while the next words load, as the list did before the cache.
  const filter = { ...(kind ? { kind } : {}), ...(words ? { text: words } : {}) };
  // One row is enough to know whether anything matches; each kind's group pages through its own rows.
  const entities = useApiPages('entity.list', filter, { pageSize: 1 });
  const filtering = kind !== '' || text.trim() !== '';

  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>
        <FormattedMessage id="entities.title" defaultMessage="Entities" />
      </h1>
      <p className="hint">
        <FormattedMessage
          id="entities.intro"
          defaultMessage="The persons, organisations, places, legal provisions and international instruments your sources name, across all dossiers. Link them to excerpts in the reader; each entity’s page lists every excerpt and source that mentions it."
        />
      </p>
      <EntityForm
        initial={null}
        onSubmit={async (draft) => {
          // The cache reloads this list, and the reader's entity names, after the write.
          await mutate('entity.create', draft);
          return true;
        }}
      />
      <fieldset className="filters entity-filters">
        <legend className="visually-hidden">
          <FormattedMessage id="entities.filters" defaultMessage="Find entities" />
        </legend>
        <div className="filter">
          <label htmlFor={`${id}-kind`}>
            <FormattedMessage id="entities.filters.kind" defaultMessage="Show" />
          </label>
          <VocabularySelect
            id={`${id}-kind`}
            value={kind}
            values={ENTITY_KINDS}
            labels={ENTITY_KIND_PLURAL_MESSAGES}
            blank={intl.formatMessage({ id: 'entities.filters.kind.all', defaultMessage: 'All kinds' })}
            onChange={setKind}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-text`}>
            <FormattedMessage id="entities.filters.text" defaultMessage="Find" />
          </label>
          <input
            id={`${id}-text`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={intl.formatMessage({
              id: 'entities.filters.text.placeholder',
              defaultMessage: 'Name, alias or acronym',
            })}
          />
        </div>
      </fieldset>
      <ErrorNote message={entities.error ? errorText(entities.error) : null} />
      {entities.total === 0 && (
        <p className="hint">
          {filtering ? (
            <FormattedMessage id="entities.none.matching" defaultMessage="No entity matches." />
          ) : (
            <FormattedMessage
              id="entities.none"
              defaultMessage="No entities yet. Add one above, or type a name in an excerpt’s Entities field in the reader."
            />
          )}
        </p>
      )}
      {(kind ? [kind] : ENTITY_KINDS).map((k) => (
        <EntityGroup key={k} kind={k} words={words} onOpen={onOpen} />
      ))}
    </section>
  );
}

/** One kind's entities by name, drawn where scrolled to and loaded a page at a time. */
function EntityGroup({ kind, words, onOpen }: { kind: EntityKind; words: string; onOpen: (id: string) => void }) {
  const id = useId();
  const kindPlurals = useLabels(ENTITY_KIND_PLURAL_MESSAGES);
  const entities = useApiPages('entity.list', { kind, ...(words ? { text: words } : {}) });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = entities;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  if (!entities.items || entities.items.length === 0) return null;
  return (
    <section className="card entity-group" aria-labelledby={`${id}-${kind}`}>
      <h2 id={`${id}-${kind}`}>
        <FormattedMessage
          id="entities.group.title"
          defaultMessage="{kind} ({count, number})"
          values={{ kind: kindPlurals[kind], count: entities.total ?? entities.items.length }}
        />
      </h2>
      <VirtualList
        items={entities.items}
        keyOf={(e) => e.id}
        hasMore={hasNextPage}
        loadingMore={isFetchingNextPage}
        onLoadMore={loadMore}
        estimateSize={32}
        gap={8}
        maxHeight="60vh"
        className="entity-list"
        label={kindPlurals[kind]}
        renderItem={(e) => (
          <div className="entity-row">
            <div className="entity-main">
              <button type="button" className="link entity-name" onClick={() => onOpen(e.id)}>
                {e.name}
              </button>
              {(e.aliases.length > 0 || e.pseudonym) && (
                <span className="entity-aliases">
                  {e.aliases.length > 0 && (
                    <FormattedMessage
                      id="entities.list.aliases"
                      defaultMessage="also: {aliases}"
                      values={{ aliases: e.aliases.join(' · ') }}
                    />
                  )}
                  {e.aliases.length > 0 && e.pseudonym && ' — '}
                  {e.pseudonym && (
                    <FormattedMessage
                      id="entities.list.pseudonym"
                      defaultMessage="exported as “{pseudonym}”"
                      values={{ pseudonym: e.pseudonym }}
                    />
                  )}
                </span>
              )}
            </div>
            <span className="entity-counts">
              <FormattedMessage
                id="entities.list.counts"
                defaultMessage="{excerpts, plural, one {# excerpt} other {# excerpts}}{mentions, plural, =0 {} one { · # mention} other { · # mentions}}{anywhere, select, yes { in {sources, plural, one {# source} other {# sources}}} other {}}"
                values={{
                  excerpts: e.excerptCount,
                  mentions: e.mentionCount,
                  sources: e.sourceCount,
                  anywhere: e.excerptCount + e.mentionCount > 0 ? 'yes' : 'no',
                }}
              />
            </span>
          </div>
        )}
      />
    </section>
  );
}
