import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { EntityExcerpt, LinkedMention, MentioningSource, Method, Params, Result } from '../../../../shared/api.ts';
import { ENTITY_KIND_MESSAGES, SOURCE_KIND_MESSAGES, type SourceKind } from '../../../../shared/domain.ts';
import { invoke } from '../../api/client.ts';
import { areasChangedBy } from '../../api/invalidation.ts';
import { invalidateAreas, mutate, useApi, useApiAll } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FormatBadge } from '../../components/FormatBadge.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { ExcerptPlace } from '../excerpts/ExcerptPlace.tsx';
import { EntityEvents } from '../timeline/EntityEvents.tsx';
import { EntityForm } from './EntityForm.tsx';
import { snippetParts } from './names.ts';

function groupBySource(mentions: LinkedMention[]): { sourceId: string; items: LinkedMention[] }[] {
  const groups: { sourceId: string; items: LinkedMention[] }[] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    if (last?.sourceId === m.sourceId) last.items.push(m);
    else groups.push({ sourceId: m.sourceId, items: [m] });
  }
  return groups;
}

/**
 * A write after which this page shows another (a merge, a delete): the page is left first and the
 * cache invalidated after, so it never reads again an entity that is gone and flashes "not found".
 */
async function writeThenLeave<M extends Method>(
  method: M,
  params: Params<M>,
  leave: (result: Result<M>) => void,
): Promise<void> {
  const result = await invoke(method, params);
  leave(result);
  await invalidateAreas(areasChangedBy(method));
}

/**
 * One entity: its fields to edit, every excerpt linked to it (one click opens it in the reader) and
 * every source whose text names it or one of its aliases; merge into another entity, or delete.
 */
export function EntityPage({
  entityId,
  onBack,
  onOpenEntity,
  onOpenExcerpt,
  onOpenSource,
  onOpenMention,
}: {
  entityId: string;
  onBack: () => void;
  onOpenEntity: (id: string) => void;
  onOpenExcerpt: (excerpt: EntityExcerpt) => void;
  onOpenSource: (source: MentioningSource) => void;
  onOpenMention: (mention: LinkedMention) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const kindLabels = useLabels(ENTITY_KIND_MESSAGES);
  const entity = useApi('entity.get', { id: entityId });
  const mentions = useApi('entity.mentions', { id: entityId });
  const others = useApiAll('entity.list', {});
  const [target, setTarget] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const e = entity.data;

  async function act(action: () => Promise<void>) {
    setActionError(null);
    try {
      await action();
    } catch (err) {
      setActionError(errorText(err));
    }
  }

  const loadError = entity.error ?? mentions.error ?? others.error;
  const excerpts = mentions.data?.excerpts ?? [];
  const sources = mentions.data?.sources ?? [];
  const linked = mentions.data?.linked ?? [];
  const linkedBySource = groupBySource(linked);
  return (
    <section className="page entity-page" aria-labelledby={`${id}-title`}>
      <button type="button" className="link" onClick={onBack}>
        <FormattedMessage id="entities.page.back" defaultMessage="← All entities" />
      </button>
      <ErrorNote message={loadError ? errorText(loadError) : actionError} />
      {e && (
        <header className="page-head">
          <div>
            <h1 id={`${id}-title`}>
              {e.name} <span className="badge kind-badge">{kindLabels[e.kind]}</span>
            </h1>
            <p className="dossier-meta">
              <FormattedMessage
                id="entities.page.counts"
                defaultMessage="{excerpts, plural, one {# linked excerpt} other {# linked excerpts}}{mentions, plural, =0 {} one { · # linked mention} other { · # linked mentions}}{anywhere, select, yes { in {sources, plural, one {# source} other {# sources}}} other {}}"
                values={{
                  excerpts: e.excerptCount,
                  mentions: e.mentionCount,
                  sources: e.sourceCount,
                  anywhere: e.excerptCount + e.mentionCount > 0 ? 'yes' : 'no',
                }}
              />
              {e.aliases.length > 0 && (
                <>
                  {' · '}
                  <FormattedMessage
                    id="entities.page.aliases"
                    defaultMessage="also: {aliases}"
                    values={{ aliases: e.aliases.join(', ') }}
                  />
                </>
              )}
              {e.pseudonym && (
                <>
                  {' · '}
                  <FormattedMessage
                    id="entities.page.pseudonym"
                    defaultMessage="exported as “{pseudonym}”"
                    values={{ pseudonym: e.pseudonym }}
                  />
                </>
              )}
            </p>
          </div>
        </header>
      )}
      <EntityEvents entityId={entityId} />
      <section className="card" aria-labelledby={`${id}-excerpts`}>
        <h2 id={`${id}-excerpts`}>
          {mentions.data ? (
            <FormattedMessage
              id="entities.page.excerpts.count"
              defaultMessage="Linked excerpts ({count, number})"
              values={{ count: excerpts.length }}
            />
          ) : (
            <FormattedMessage id="entities.page.excerpts" defaultMessage="Linked excerpts" />
          )}
        </h2>
        {mentions.data && excerpts.length === 0 && (
          <p className="hint">
            <FormattedMessage
              id="entities.page.excerpts.none"
              defaultMessage="No excerpts linked yet. In the reader, type this name in an excerpt’s Entities field."
            />
          </p>
        )}
        {excerpts.length > 0 && (
          <ul className="excerpt-list" data-testid="entity-excerpts">
            {excerpts.map((x) => (
              <li key={x.id}>
                <button type="button" className="excerpt-item" onClick={() => onOpenExcerpt(x)}>
                  <span className="excerpt-quote">
                    <FormattedMessage id="entities.page.quote" defaultMessage="“{quote}”" values={{ quote: x.exact }} />
                  </span>
                  <span className="excerpt-meta">
                    <ExcerptPlace excerpt={x} /> · {x.dossierTitle}
                  </span>
                  {x.note && <span className="excerpt-note">{x.note}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby={`${id}-linked`}>
        <h2 id={`${id}-linked`}>
          {mentions.data ? (
            <FormattedMessage
              id="entities.page.linked.count"
              defaultMessage="Linked mentions ({count, number})"
              values={{ count: linked.length }}
            />
          ) : (
            <FormattedMessage id="entities.page.linked" defaultMessage="Linked mentions" />
          )}
        </h2>
        <p className="hint">
          <FormattedMessage
            id="entities.page.linked.hint"
            defaultMessage="Places where a source names it, linked by accepting a suggestion in the reader. They are not excerpts: they do not appear in the excerpt list or the citation picker."
          />
        </p>
        {mentions.data && linked.length === 0 && (
          <p className="hint">
            <FormattedMessage id="entities.page.linked.none" defaultMessage="No mentions linked yet." />
          </p>
        )}
        {linkedBySource.length > 0 && (
          <ul className="linked-mentions" data-testid="entity-linked-mentions">
            {linkedBySource.map(({ sourceId, items }) => (
              <li key={sourceId}>
                <p className="linked-source">
                  <strong>{items[0]?.sourceTitle}</strong>
                  <FormatBadge format={items[0]?.sourceFormat ?? null} />
                  <span className="excerpt-meta">
                    {' · '}
                    {items[0]?.dossierTitle}
                    {' · '}
                    <FormattedMessage
                      id="entities.page.linked.mentions"
                      defaultMessage="{count, plural, one {# mention} other {# mentions}}"
                      values={{ count: items.length }}
                    />
                  </span>
                </p>
                <ol>
                  {items.map((m) => (
                    <li key={m.id}>
                      {m.status === 'orphaned' ? (
                        <span className="mention-snippet">
                          <FormattedMessage
                            id="entities.page.linked.orphaned"
                            defaultMessage="“{quote}” — no longer found after the source was read again"
                            values={{ quote: m.exact }}
                          />
                        </span>
                      ) : (
                        <button type="button" className="mention-open" onClick={() => onOpenMention(m)}>
                          <span className="visually-hidden">
                            <FormattedMessage
                              id="entities.page.linked.open"
                              defaultMessage="Open in the reader:"
                            />{' '}
                          </span>
                          {m.page ? (
                            <span className="suggestion-page">
                              <FormattedMessage
                                id="entities.page.linked.page"
                                defaultMessage="p. {page}"
                                values={{ page: m.page }}
                              />
                            </span>
                          ) : null}
                          <span className="mention-snippet">
                            …{m.prefix}
                            <mark>{m.exact}</mark>
                            {m.suffix}…
                          </span>
                        </button>
                      )}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby={`${id}-sources`}>
        <h2 id={`${id}-sources`}>
          {mentions.data ? (
            <FormattedMessage
              id="entities.page.sources.count"
              defaultMessage="Sources that name it ({count, number})"
              values={{ count: sources.length }}
            />
          ) : (
            <FormattedMessage id="entities.page.sources" defaultMessage="Sources that name it" />
          )}
        </h2>
        <p className="hint">
          <FormattedMessage
            id="entities.page.sources.hint"
            defaultMessage="Every source whose title or text contains the name or one of the aliases."
          />
        </p>
        {mentions.data && sources.length === 0 && (
          <p className="hint">
            <FormattedMessage id="entities.page.sources.none" defaultMessage="No source names it." />
          </p>
        )}
        {sources.length > 0 && (
          <ul className="mention-list" data-testid="entity-sources">
            {sources.map((s) => (
              <li key={s.id}>
                <button type="button" className="link" onClick={() => onOpenSource(s)}>
                  {s.title}
                </button>
                <FormatBadge format={s.format} />
                <span className="excerpt-meta">
                  {s.kind in SOURCE_KIND_MESSAGES
                    ? intl.formatMessage(SOURCE_KIND_MESSAGES[s.kind as SourceKind])
                    : s.kind}
                  {' · '}
                  {s.dossierTitle}
                  {s.linkedExcerpts > 0 && (
                    <>
                      {' · '}
                      <FormattedMessage
                        id="entities.page.sources.linkedExcerpts"
                        defaultMessage="{count, plural, one {# linked excerpt} other {# linked excerpts}}"
                        values={{ count: s.linkedExcerpts }}
                      />
                    </>
                  )}
                </span>
                <p className="mention-snippet">
                  {snippetParts(s.snippet).map((part, i) =>
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
                    part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {e && (
        <EntityForm
          key={e.id}
          initial={e}
          onSubmit={async (draft) => {
            // The cache reloads this page's entity, its mentions (the names may have changed) and the lists.
            await mutate('entity.update', { id: e.id, ...draft });
            return false;
          }}
        />
      )}
      {e && (
        <section className="card" aria-labelledby={`${id}-merge`}>
          <h2 id={`${id}-merge`}>
            <FormattedMessage id="entities.page.merge.title" defaultMessage="Merge or delete" />
          </h2>
          <p className="hint">
            <FormattedMessage
              id="entities.page.merge.hint"
              defaultMessage="Merging moves this entity’s excerpt links to the other one, and keeps its names there as aliases."
            />
          </p>
          <div className="inline-form">
            <label>
              <FormattedMessage id="entities.page.merge.into" defaultMessage="Merge into" />
              <select value={target} onChange={(ev) => setTarget(ev.target.value)}>
                <option value="">
                  {intl.formatMessage({ id: 'entities.page.merge.choose', defaultMessage: 'Choose another entity…' })}
                </option>
                {(others.data ?? [])
                  .filter((o) => o.id !== e.id)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {intl.formatMessage(
                        { id: 'entities.page.merge.option', defaultMessage: '{name} ({kind})' },
                        { name: o.name, kind: kindLabels[o.kind] },
                      )}
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="button"
              disabled={!target}
              onClick={() =>
                act(() =>
                  writeThenLeave('entity.merge', { fromId: e.id, intoId: target }, (merged) => onOpenEntity(merged.id)),
                )
              }
            >
              <FormattedMessage id="entities.page.merge.do" defaultMessage="Merge into it" />
            </button>
            {confirmDelete ? (
              <>
                <button
                  type="button"
                  className="danger"
                  onClick={() => act(() => writeThenLeave('entity.delete', { id: e.id }, onBack))}
                >
                  <FormattedMessage
                    id="entities.page.delete.confirm"
                    defaultMessage="Yes, delete {name}"
                    values={{ name: e.name }}
                  />
                </button>
                <button type="button" onClick={() => setConfirmDelete(false)}>
                  <FormattedMessage id="entities.page.delete.keep" defaultMessage="Keep it" />
                </button>
              </>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
                <FormattedMessage id="entities.page.delete" defaultMessage="Delete entity" />
              </button>
            )}
          </div>
          {confirmDelete && (
            <p className="hint warn" role="status">
              <FormattedMessage
                id="entities.page.delete.warning"
                defaultMessage="Its names are erased and its links removed; the excerpts themselves stay."
              />
            </p>
          )}
        </section>
      )}
    </section>
  );
}
