import { useState } from 'react';
import type { Dossier, DraftSummary, ExcerptListItem, SourceSummary } from '../../../../shared/api.ts';
import { formatPartialDate, SOURCE_KIND_LABELS } from '../../../../shared/domain.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FORMAT_LABELS, FormatBadge } from '../../components/FormatBadge.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { DraftList } from '../drafts/DraftList.tsx';
import { ExcerptList } from '../excerpts/ExcerptList.tsx';
import { Importer } from '../sources/Importer.tsx';
import { DossierForm } from './DossierForm.tsx';
import { reviewLabel } from './reviewLabel.ts';

export type DossierTab = 'sources' | 'excerpts' | 'drafts';

/** One dossier: what it is about, its sources, and the importer. */
export function DossierView({
  dossierId,
  initialTab = 'sources',
  onOpenSource,
  onOpenExcerpt,
  onOpenDraft,
}: {
  dossierId: string;
  initialTab?: DossierTab | undefined;
  onOpenSource: (source: SourceSummary) => void;
  onOpenExcerpt: (excerpt: ExcerptListItem) => void;
  onOpenDraft: (draft: DraftSummary) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<DossierTab>(initialTab);
  const [actionError, setActionError] = useState<string | null>(null);
  const dossier = useAsync(() => invoke('dossier.get', { id: dossierId }), [dossierId]);
  const sources = useAsync(() => invoke('source.list', { dossierId }), [dossierId]);
  const d = dossier.data;

  async function setArchived(archived: boolean) {
    setActionError(null);
    try {
      await invoke('dossier.archive', { id: dossierId, archived });
      dossier.reload();
    } catch (e) {
      setActionError((e as Error).message);
    }
  }

  return (
    <section className="page" aria-labelledby="dossier-title">
      <ErrorNote message={dossier.error ?? sources.error ?? actionError} />
      {d && !editing && (
        <header className="page-head">
          <div>
            <h1 id="dossier-title">
              {d.title}
              {d.status === 'archived' && <span className="badge">Archived</span>}
            </h1>
            <p className="dossier-meta">
              {[d.country, reviewLabel(d.targetReview), d.themes.join(', ')].filter(Boolean).join(' · ')}
            </p>
            {d.summary && <p className="summary">{d.summary}</p>}
          </div>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              Edit details
            </button>
            <button type="button" onClick={() => setArchived(d.status !== 'archived')}>
              {d.status === 'archived' ? 'Restore' : 'Archive'}
            </button>
          </div>
        </header>
      )}
      {d && editing && (
        <>
          <h1 id="dossier-title">Edit dossier</h1>
          <DossierForm
            initial={d as Dossier}
            submitLabel="Save details"
            onCancel={() => setEditing(false)}
            onSubmit={async (draft) => {
              await invoke('dossier.update', { id: dossierId, ...draft });
              setEditing(false);
              dossier.reload();
            }}
          />
        </>
      )}
      <div className="tabs" role="tablist" aria-label="Dossier">
        <button type="button" role="tab" aria-selected={tab === 'sources'} onClick={() => setTab('sources')}>
          Sources
        </button>
        <button type="button" role="tab" aria-selected={tab === 'excerpts'} onClick={() => setTab('excerpts')}>
          Excerpts
        </button>
        <button type="button" role="tab" aria-selected={tab === 'drafts'} onClick={() => setTab('drafts')}>
          Drafts
        </button>
      </div>
      {tab === 'drafts' && <DraftList dossierId={dossierId} onOpen={onOpenDraft} />}
      {tab === 'excerpts' && <ExcerptList dossierId={dossierId} sources={sources.data ?? []} onOpen={onOpenExcerpt} />}
      {tab === 'sources' && d && d.status !== 'archived' && (
        <Importer dossierId={dossierId} onImported={sources.reload} />
      )}
      {tab === 'sources' && (
        <section className="card" aria-labelledby="sources-title">
          <h2 id="sources-title">Sources{sources.data ? ` (${sources.data.length})` : ''}</h2>
          {sources.data?.length === 0 && <p className="hint">No sources yet. Import documents above.</p>}
          {sources.data && sources.data.length > 0 && (
            <table className="sources-table">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Date</th>
                  <th scope="col">Symbol</th>
                  <th scope="col">Pages</th>
                  <th scope="col">Language</th>
                </tr>
              </thead>
              <tbody>
                {sources.data.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <button type="button" className="link" onClick={() => onOpenSource(s)}>
                        {s.title}
                      </button>
                      <FormatBadge format={s.format} />
                      <span className="file-name">{s.fileName}</span>
                      {s.renditionGroup && (
                        <span className="renditions">
                          Same document as{' '}
                          {(sources.data ?? [])
                            .filter((o) => o.renditionGroup === s.renditionGroup && o.id !== s.id)
                            .map((o) => FORMAT_LABELS[o.format ?? 'text'])
                            .join(', ')}
                        </span>
                      )}
                    </td>
                    <td>{SOURCE_KIND_LABELS[s.kind]}</td>
                    <td>{formatPartialDate(s.date)}</td>
                    <td className="mono">{s.symbol}</td>
                    <td>{s.pageCount || ''}</td>
                    <td>{s.language?.toUpperCase()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}
