import { useId, useState } from 'react';
import type { EntityExcerpt, LinkedMention, MentioningSource } from '../../../../shared/api.ts';
import { ENTITY_KIND_LABELS, SOURCE_KIND_LABELS, type SourceKind } from '../../../../shared/domain.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FormatBadge } from '../../components/FormatBadge.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { ExcerptPlace } from '../excerpts/ExcerptPlace.tsx';
import { EntityForm } from './EntityForm.tsx';
import { snippetParts } from './names.ts';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function kindLabel(kind: string): string {
  return SOURCE_KIND_LABELS[kind as SourceKind] ?? kind;
}

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
  const entity = useAsync(() => invoke('entity.get', { id: entityId }), [entityId]);
  const mentions = useAsync(() => invoke('entity.mentions', { id: entityId }), [entityId]);
  const others = useAsync(() => invoke('entity.list', {}), [entityId]);
  const [target, setTarget] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const e = entity.data;

  async function act(action: () => Promise<void>) {
    setActionError(null);
    try {
      await action();
    } catch (err) {
      setActionError((err as Error).message);
    }
  }

  const excerpts = mentions.data?.excerpts ?? [];
  const sources = mentions.data?.sources ?? [];
  const linked = mentions.data?.linked ?? [];
  const linkedBySource = groupBySource(linked);
  return (
    <section className="page entity-page" aria-labelledby={`${id}-title`}>
      <button type="button" className="link" onClick={onBack}>
        ← All entities
      </button>
      <ErrorNote message={entity.error ?? mentions.error ?? others.error ?? actionError} />
      {e && (
        <header className="page-head">
          <div>
            <h1 id={`${id}-title`}>
              {e.name} <span className="badge kind-badge">{ENTITY_KIND_LABELS[e.kind]}</span>
            </h1>
            <p className="dossier-meta">
              {plural(e.excerptCount, 'linked excerpt', 'linked excerpts')}
              {e.mentionCount > 0 ? ` · ${plural(e.mentionCount, 'linked mention', 'linked mentions')}` : ''}
              {e.excerptCount + e.mentionCount > 0 ? ` in ${plural(e.sourceCount, 'source', 'sources')}` : ''}
              {e.aliases.length > 0 ? ` · also: ${e.aliases.join(', ')}` : ''}
              {e.pseudonym ? ` · exported as “${e.pseudonym}”` : ''}
            </p>
          </div>
        </header>
      )}
      <section className="card" aria-labelledby={`${id}-excerpts`}>
        <h2 id={`${id}-excerpts`}>Linked excerpts{mentions.data ? ` (${excerpts.length})` : ''}</h2>
        {mentions.data && excerpts.length === 0 && (
          <p className="hint">No excerpts linked yet. In the reader, type this name in an excerpt’s Entities field.</p>
        )}
        {excerpts.length > 0 && (
          <ul className="excerpt-list" data-testid="entity-excerpts">
            {excerpts.map((x) => (
              <li key={x.id}>
                <button type="button" className="excerpt-item" onClick={() => onOpenExcerpt(x)}>
                  <span className="excerpt-quote">“{x.exact}”</span>
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
        <h2 id={`${id}-linked`}>Linked mentions{mentions.data ? ` (${linked.length})` : ''}</h2>
        <p className="hint">
          Places where a source names it, linked by accepting a suggestion in the reader. They are not excerpts: they do
          not appear in the excerpt list or the citation picker.
        </p>
        {mentions.data && linked.length === 0 && <p className="hint">No mentions linked yet.</p>}
        {linkedBySource.length > 0 && (
          <ul className="linked-mentions" data-testid="entity-linked-mentions">
            {linkedBySource.map(({ sourceId, items }) => (
              <li key={sourceId}>
                <p className="linked-source">
                  <strong>{items[0]?.sourceTitle}</strong>
                  <FormatBadge format={items[0]?.sourceFormat ?? null} />
                  <span className="excerpt-meta">
                    {' '}
                    · {items[0]?.dossierTitle} · {plural(items.length, 'mention', 'mentions')}
                  </span>
                </p>
                <ol>
                  {items.map((m) => (
                    <li key={m.id}>
                      {m.status === 'orphaned' ? (
                        <span className="mention-snippet">
                          “{m.exact}” — no longer found after the source was read again
                        </span>
                      ) : (
                        <button type="button" className="mention-open" onClick={() => onOpenMention(m)}>
                          <span className="visually-hidden">Open in the reader: </span>
                          {m.page ? <span className="suggestion-page">p. {m.page}</span> : null}
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
        <h2 id={`${id}-sources`}>Sources that name it{mentions.data ? ` (${sources.length})` : ''}</h2>
        <p className="hint">Every source whose title or text contains the name or one of the aliases.</p>
        {mentions.data && sources.length === 0 && <p className="hint">No source names it.</p>}
        {sources.length > 0 && (
          <ul className="mention-list" data-testid="entity-sources">
            {sources.map((s) => (
              <li key={s.id}>
                <button type="button" className="link" onClick={() => onOpenSource(s)}>
                  {s.title}
                </button>
                <FormatBadge format={s.format} />
                <span className="excerpt-meta">
                  {kindLabel(s.kind)} · {s.dossierTitle}
                  {s.linkedExcerpts > 0 ? ` · ${plural(s.linkedExcerpts, 'linked excerpt', 'linked excerpts')}` : ''}
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
          title="Details"
          label="Edit entity"
          submitLabel="Save changes"
          onSubmit={async (draft) => {
            await invoke('entity.update', { id: e.id, ...draft });
            entity.reload();
            mentions.reload();
            return false;
          }}
        />
      )}
      {e && (
        <section className="card" aria-labelledby={`${id}-merge`}>
          <h2 id={`${id}-merge`}>Merge or delete</h2>
          <p className="hint">
            Merging moves this entity’s excerpt links to the other one, and keeps its names there as aliases.
          </p>
          <div className="inline-form">
            <label>
              Merge into
              <select value={target} onChange={(ev) => setTarget(ev.target.value)}>
                <option value="">Choose another entity…</option>
                {(others.data ?? [])
                  .filter((o) => o.id !== e.id)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name} ({ENTITY_KIND_LABELS[o.kind]})
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="button"
              disabled={!target}
              onClick={() =>
                act(async () => {
                  const merged = await invoke('entity.merge', { fromId: e.id, intoId: target });
                  onOpenEntity(merged.id);
                })
              }
            >
              Merge into it
            </button>
            {confirmDelete ? (
              <>
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    act(async () => {
                      await invoke('entity.delete', { id: e.id });
                      onBack();
                    })
                  }
                >
                  Yes, delete {e.name}
                </button>
                <button type="button" onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
                Delete entity
              </button>
            )}
          </div>
          {confirmDelete && (
            <p className="hint warn" role="status">
              Its names are erased and its links removed; the excerpts themselves stay.
            </p>
          )}
        </section>
      )}
    </section>
  );
}
