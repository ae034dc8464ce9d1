import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Dossier, DraftSummary, ExcerptListItem, SourceSummary } from '../../../../shared/api.ts';
import { useApi, useApiMutation, useApiPages } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FORMAT_LABELS, FormatBadge } from '../../components/FormatBadge.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { usePartialDate } from '../../i18n/partialDate.ts';
import { ExportBundleDialog } from '../bundles/ExportBundleDialog.tsx';
import { ImportBundleDialog } from '../bundles/ImportBundleDialog.tsx';
import { ClaimsView } from '../claims/ClaimsView.tsx';
import { DraftList } from '../drafts/DraftList.tsx';
import { ExcerptList } from '../excerpts/ExcerptList.tsx';
import { RecommendationsPage } from '../recommendations/RecommendationsPage.tsx';
import { Importer } from '../sources/Importer.tsx';
import { SOURCE_KIND_MESSAGES } from '../sources/sourceKinds.ts';
import { TimelinePage } from '../timeline/TimelinePage.tsx';
import { DossierForm } from './DossierForm.tsx';
import { reviewLabel } from './reviewLabel.ts';

export type DossierTab = 'sources' | 'excerpts' | 'claims' | 'timeline' | 'recommendations' | 'drafts';

/** One dossier: what it is about, its sources, and the importer. */
export function DossierView({
  dossierId,
  tab = 'sources',
  recommendationId,
  onTab,
  onOpenRecommendation,
  onOpenSource,
  onOpenExcerpt,
  onOpenDraft,
  onSearch,
}: {
  dossierId: string;
  /** The tab is part of the address, so Back from a source or a draft returns to it. */
  tab?: DossierTab | undefined;
  /** The recommendation whose page the Recommendations tab shows (part of the address). */
  recommendationId?: string | undefined;
  onTab: (tab: DossierTab) => void;
  /** Open a recommendation's page, or (null) go back to the list. */
  onOpenRecommendation: (recommendationId: string | null) => void;
  onOpenSource: (source: SourceSummary) => void;
  /** Open an excerpt in its source (from the excerpt list or the Claims view). */
  onOpenExcerpt: (excerpt: Pick<ExcerptListItem, 'id' | 'sourceId'>) => void;
  onOpenDraft: (draft: DraftSummary) => void;
  /** Search this dossier's sources, excerpts, entities and drafts. */
  onSearch?: () => void;
}) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [bundleDialog, setBundleDialog] = useState<'export' | 'import' | null>(null);
  const dossier = useApi('dossier.get', { id: dossierId });
  const sources = useApiPages('source.list', { dossierId });
  const archive = useApiMutation('dossier.archive');
  const update = useApiMutation('dossier.update');
  const d = dossier.data;
  const failure = dossier.error ?? sources.error ?? archive.error;

  return (
    <section className="page" aria-labelledby="dossier-title">
      <ErrorNote message={failure ? errorText(failure) : null} />
      {d && !editing && (
        <header className="page-head">
          <div>
            <h1 id="dossier-title">
              {d.title}
              {d.status === 'archived' && (
                <span className="badge">
                  <FormattedMessage id="dossier.archived" defaultMessage="Archived" />
                </span>
              )}
            </h1>
            <p className="dossier-meta">
              {[d.country, reviewLabel(intl, d.targetReview), d.themes.join(', ')].filter(Boolean).join(' · ')}
            </p>
            {d.summary && <p className="summary">{d.summary}</p>}
          </div>
          <div className="actions">
            {onSearch && (
              <button type="button" onClick={onSearch}>
                <FormattedMessage id="dossier.search" defaultMessage="Search this dossier" />
              </button>
            )}
            <button type="button" onClick={() => setEditing(true)}>
              <FormattedMessage id="dossier.edit" defaultMessage="Edit details" />
            </button>
            <button type="button" onClick={() => setBundleDialog('export')}>
              <FormattedMessage id="dossier.exportBundle" defaultMessage="Export bundle…" />
            </button>
            <button type="button" onClick={() => setBundleDialog('import')}>
              <FormattedMessage id="dossier.importBundle" defaultMessage="Import bundle…" />
            </button>
            <button
              type="button"
              onClick={() => archive.mutate({ id: dossierId, archived: d.status !== 'archived' })}
              disabled={archive.isPending}
            >
              {d.status === 'archived' ? (
                <FormattedMessage id="dossier.restore" defaultMessage="Restore" />
              ) : (
                <FormattedMessage id="dossier.archive" defaultMessage="Archive" />
              )}
            </button>
          </div>
        </header>
      )}
      {bundleDialog === 'export' && <ExportBundleDialog dossierId={dossierId} onClose={() => setBundleDialog(null)} />}
      {bundleDialog === 'import' && <ImportBundleDialog onClose={() => setBundleDialog(null)} />}
      {d && editing && (
        <>
          <h1 id="dossier-title">
            <FormattedMessage id="dossier.edit.title" defaultMessage="Edit dossier" />
          </h1>
          <DossierForm
            initial={d as Dossier}
            submitLabel={intl.formatMessage({ id: 'dossier.edit.save', defaultMessage: 'Save details' })}
            onCancel={() => setEditing(false)}
            onSubmit={async (draft) => {
              await update.mutateAsync({ id: dossierId, ...draft });
              setEditing(false);
            }}
          />
        </>
      )}
      <div
        className="tabs"
        role="tablist"
        aria-label={intl.formatMessage({ id: 'dossier.tabs', defaultMessage: 'Dossier' })}
      >
        <button type="button" role="tab" aria-selected={tab === 'sources'} onClick={() => onTab('sources')}>
          <FormattedMessage id="dossier.tab.sources" defaultMessage="Sources" />
        </button>
        <button type="button" role="tab" aria-selected={tab === 'excerpts'} onClick={() => onTab('excerpts')}>
          <FormattedMessage id="dossier.tab.excerpts" defaultMessage="Excerpts" />
        </button>
        <button type="button" role="tab" aria-selected={tab === 'claims'} onClick={() => onTab('claims')}>
          <FormattedMessage id="dossier.tab.claims" defaultMessage="Claims" />
        </button>
        <button type="button" role="tab" aria-selected={tab === 'timeline'} onClick={() => onTab('timeline')}>
          <FormattedMessage id="dossier.tab.timeline" defaultMessage="Timeline" />
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'recommendations'}
          onClick={() => onTab('recommendations')}
        >
          <FormattedMessage id="dossier.tab.recommendations" defaultMessage="Recommendations" />
        </button>
        <button type="button" role="tab" aria-selected={tab === 'drafts'} onClick={() => onTab('drafts')}>
          <FormattedMessage id="dossier.tab.drafts" defaultMessage="Drafts" />
        </button>
      </div>
      {tab === 'claims' && <ClaimsView dossierId={dossierId} onOpen={onOpenExcerpt} />}
      {tab === 'timeline' && <TimelinePage dossierId={dossierId} />}
      {tab === 'recommendations' && (
        <RecommendationsPage
          dossierId={dossierId}
          openId={recommendationId ?? null}
          onOpen={onOpenRecommendation}
          onOpenExcerpt={onOpenExcerpt}
        />
      )}
      {tab === 'drafts' && <DraftList dossierId={dossierId} onOpen={onOpenDraft} />}
      {tab === 'excerpts' && <ExcerptList dossierId={dossierId} onOpen={onOpenExcerpt} />}
      {tab === 'sources' && d && d.status !== 'archived' && <Importer dossierId={dossierId} />}
      {tab === 'sources' && (
        <section className="card" aria-labelledby="sources-title">
          <h2 id="sources-title">
            {sources.total !== undefined ? (
              <FormattedMessage
                id="dossier.sources.titleCount"
                defaultMessage="Sources ({count, number})"
                values={{ count: sources.total }}
              />
            ) : (
              <FormattedMessage id="dossier.tab.sources" defaultMessage="Sources" />
            )}
          </h2>
          {sources.items?.length === 0 && (
            <p className="hint">
              <FormattedMessage id="dossier.sources.none" defaultMessage="No sources yet. Import documents above." />
            </p>
          )}
          {sources.items && sources.items.length > 0 && (
            <SourcesTable
              sources={sources.items}
              hasMore={sources.hasNextPage}
              loadingMore={sources.isFetchingNextPage}
              onLoadMore={sources.fetchNextPage}
              onOpenSource={onOpenSource}
            />
          )}
        </section>
      )}
    </section>
  );
}

/**
 * The dossier's sources, drawn only where the table is scrolled to (spacer rows keep the scroll bar
 * true) and loaded a page at a time as its end comes into view.
 */
function SourcesTable({
  sources,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpenSource,
}: {
  sources: SourceSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => unknown;
  onOpenSource: (source: SourceSummary) => void;
}) {
  const intl = useIntl();
  const partialDate = usePartialDate();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sources.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 10,
    getItemKey: (index) => sources[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= sources.length - 1) void onLoadMore();
  }, [hasMore, loadingMore, lastShown, sources.length, onLoadMore]);
  const before = rows[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (rows[rows.length - 1]?.end ?? 0);
  return (
    <div ref={scroller} className="virtual-scroll" style={{ maxHeight: '70vh', overflowY: 'auto' }}>
      <table className="sources-table">
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="dossier.sources.col.title" defaultMessage="Title" />
            </th>
            <th scope="col">
              <FormattedMessage id="dossier.sources.col.kind" defaultMessage="Kind" />
            </th>
            <th scope="col">
              <FormattedMessage id="dossier.sources.col.date" defaultMessage="Date" />
            </th>
            <th scope="col">
              <FormattedMessage id="dossier.sources.col.symbol" defaultMessage="Symbol" />
            </th>
            <th scope="col">
              <FormattedMessage id="dossier.sources.col.pages" defaultMessage="Pages" />
            </th>
            <th scope="col">
              <FormattedMessage id="dossier.sources.col.language" defaultMessage="Language" />
            </th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr className="virtual-spacer">
              <td colSpan={6} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {rows.map((row) => {
            const s = sources[row.index];
            if (!s) return null;
            return (
              <tr key={row.key} data-index={row.index} ref={virtualizer.measureElement}>
                <td>
                  <button type="button" className="link" onClick={() => onOpenSource(s)}>
                    {s.title}
                  </button>
                  <FormatBadge format={s.format} />
                  <span className="file-name">{s.fileName}</span>
                  {s.renditionGroup && (
                    <span className="renditions">
                      <FormattedMessage
                        id="dossier.sources.sameDocumentAs"
                        defaultMessage="Same document as {formats}"
                        values={{
                          formats: intl.formatList(
                            sources
                              .filter((o) => o.renditionGroup === s.renditionGroup && o.id !== s.id)
                              .map((o) => intl.formatMessage(FORMAT_LABELS[o.format ?? 'text'])),
                            { type: 'conjunction' },
                          ),
                        }}
                      />
                    </span>
                  )}
                </td>
                <td>{intl.formatMessage(SOURCE_KIND_MESSAGES[s.kind])}</td>
                <td>{partialDate(s.date)}</td>
                <td className="mono">{s.symbol}</td>
                <td>{s.pageCount ? intl.formatNumber(s.pageCount) : ''}</td>
                <td>{s.language?.toUpperCase()}</td>
              </tr>
            );
          })}
          {after > 0 && (
            <tr className="virtual-spacer">
              <td colSpan={6} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
