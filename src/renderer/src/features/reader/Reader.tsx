import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Excerpt } from '../../../../shared/api.ts';
import { mutate, useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FormatBadge } from '../../components/FormatBadge.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useGo } from '../../routes/navigation.ts';
import { LINKS_REMOVED } from '../excerpts/ExcerptLinks.tsx';
import { BlockText, type Highlight, selectionOffsets } from './BlockText.tsx';
import { ExcerptInspector } from './ExcerptInspector.tsx';
import { OrphanedExcerpts } from './OrphanedExcerpts.tsx';
import { PdfOriginal } from './PdfOriginal.tsx';
import { buildRows, estimateRowHeight, findAll, perBlock } from './rows.ts';
import { SourceDetails } from './SourceDetails.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

const DEFAULT_HIGHLIGHT = '#ffe08a';

/** Excerpts that have a place in the text (orphans are listed apart until placed again). */
function placedExcerpts(excerpts: Excerpt[] | undefined): Excerpt[] {
  return (excerpts ?? []).filter((e) => e.anchorStatus !== 'orphaned');
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Reads and annotates a source: the normalised text (virtualised) with its excerpts highlighted,
 * find-in-source, the original PDF, and an inspector for the selected excerpt.
 * Keyboard: E marks the selected text as an excerpt, J/K go to the next/previous excerpt.
 */
export function Reader({
  sourceId,
  initialExcerpt = null,
  initialRange = null,
}: {
  sourceId: string;
  initialExcerpt?: string | null;
  /** Words to show when the source opens (a mention, from an entity's page). */
  initialRange?: [number, number] | null;
}) {
  const intl = useIntl();
  const errorText = useErrorText();
  // Cached reads: an edit anywhere (here, the code book, the excerpt list) marks them stale and
  // they load again, so nothing here reloads by hand.
  const { data: source, error } = useApi('source.get', { id: sourceId });
  const excerpts = useApi('excerpt.forSource', { sourceId });
  const codes = useApi('code.list', {});
  const [selected, setSelected] = useState<string | null>(initialExcerpt);
  const [justCreated, setJustCreated] = useState(false);
  const [selection, setSelection] = useState<[number, number] | null>(null);
  const [markError, setMarkError] = useState<string | null>(null);
  // Said after a deletion that took links with it: "Excerpt deleted; 2 links removed."
  const [notice, setNotice] = useState<string | null>(null);
  const go = useGo();
  const [view, setView] = useState<'text' | 'original'>('text');
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [panel, setPanel] = useState<'details' | 'suggestions'>('details');
  /** A suggestion's mention shown in the text (drawn like the current find match). */
  const [shownRange, setShownRange] = useState<[number, number] | null>(initialRange);
  const scrollRef = useRef<HTMLElement>(null);

  const rows = useMemo(() => (source ? buildRows(source.blocks, source.pages) : []), [source]);
  const matches = useMemo(() => (source ? findAll(source.text, query) : []), [source, query]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimateRowHeight(rows[i]),
    overscan: 8,
  });

  const highlights = useMemo<Highlight[]>(() => {
    const colourOf = new Map((codes.data ?? []).map((c) => [c.id, c.colour]));
    // An orphan's offsets point at words that are no longer its own: it is listed, not drawn.
    return placedExcerpts(excerpts.data).map((e) => ({
      id: e.id,
      start: e.start,
      end: e.end,
      colour: (e.codeIds[0] && colourOf.get(e.codeIds[0])) || DEFAULT_HIGHLIGHT,
    }));
  }, [excerpts.data, codes.data]);
  // Each block gets its own lists, the same arrays until they change, so scrolling redraws only the
  // rows that come into view (BlockText is memoised).
  const highlightsByBlock = useMemo(
    () => perBlock(source?.blocks ?? [], highlights, (h) => [h.start, h.end]),
    [source, highlights],
  );
  // A mention shown from the suggestions (or an entity's page) is drawn like the current find match.
  const marked = useMemo<[number, number][]>(
    () => (shownRange ? [...matches, shownRange] : matches),
    [matches, shownRange],
  );
  const matchesByBlock = useMemo(() => perBlock(source?.blocks ?? [], marked, (m) => m), [source, marked]);
  const selectExcerpt = useCallback((excerptId: string) => {
    setSelected(excerptId);
    setJustCreated(false);
  }, []);
  // Worked out once per change, not on every scroll frame (the reader re-renders as it scrolls).
  const selectedExcerpt = useMemo(
    () => (excerpts.data ?? []).find((e) => e.id === selected) ?? null,
    [excerpts.data, selected],
  );
  const orphans = useMemo(() => (excerpts.data ?? []).filter((e) => e.anchorStatus === 'orphaned'), [excerpts.data]);

  const scrollToOffset = useCallback(
    (offset: number) => {
      const row = rows.findIndex((r) => r.type === 'block' && r.block.start <= offset && offset < r.block.end);
      if (row >= 0) virtualizer.scrollToIndex(row, { align: 'center' });
    },
    [rows, virtualizer],
  );

  const markExcerpt = useCallback(async () => {
    if (!selection) return;
    setMarkError(null);
    try {
      const created = await mutate('excerpt.create', { sourceId, start: selection[0], end: selection[1] });
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      setSelected(created.id);
      setJustCreated(true);
    } catch (e) {
      setMarkError(errorText(e));
    }
  }, [selection, sourceId, errorText]);

  const stepExcerpt = useCallback(
    (delta: number) => {
      const list = placedExcerpts(excerpts.data);
      if (list.length === 0) return;
      const index = list.findIndex((e) => e.id === selected);
      const next = list[index < 0 ? (delta > 0 ? 0 : list.length - 1) : (index + delta + list.length) % list.length];
      if (!next) return;
      setSelected(next.id);
      setJustCreated(false);
      scrollToOffset(next.start);
    },
    [excerpts.data, selected, scrollToOffset],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'e' && selection) {
        event.preventDefault();
        void markExcerpt();
      } else if (event.key === 'j') {
        event.preventDefault();
        stepExcerpt(1);
      } else if (event.key === 'k') {
        event.preventDefault();
        stepExcerpt(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, markExcerpt, stepExcerpt]);

  // Opened from the excerpt list: bring the excerpt into view once the text is there — once, not
  // again each time the excerpts reload after an edit.
  const broughtIntoView = useRef(false);
  useEffect(() => {
    if (broughtIntoView.current) return;
    const target = (excerpts.data ?? []).find((e) => e.id === initialExcerpt);
    if (target && rows.length > 0) {
      broughtIntoView.current = true;
      scrollToOffset(target.start);
    }
  }, [initialExcerpt, excerpts.data, rows.length, scrollToOffset]);

  // Bring the current find match, or the suggestion being shown, into view.
  const currentMatch = shownRange ?? matches[current] ?? null;
  useEffect(() => {
    if (currentMatch) scrollToOffset(currentMatch[0]);
  }, [currentMatch, scrollToOffset]);

  if (error) return <ErrorNote message={errorText(error)} />;
  if (!source)
    return (
      <p className="hint">
        <FormattedMessage id="reader.opening" defaultMessage="Opening…" />
      </p>
    );

  const placeOrphan = async (orphan: Excerpt) => {
    if (!selection) return;
    setMarkError(null);
    try {
      await mutate('excerpt.place', { id: orphan.id, start: selection[0], end: selection[1] });
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      setSelected(orphan.id);
    } catch (e) {
      setMarkError(errorText(e));
    }
  };
  const deleteOrphan = (orphan: Excerpt) =>
    void mutate('excerpt.delete', { id: orphan.id }).catch((e: unknown) => setMarkError(errorText(e)));
  const step = (delta: number) => matches.length && setCurrent((c) => (c + delta + matches.length) % matches.length);

  return (
    <section className="reader" aria-labelledby="reader-title">
      <header className="reader-head">
        <h1 id="reader-title">
          {source.title}
          <FormatBadge format={source.format} />
        </h1>
        <div className="reader-tools">
          {view === 'text' && (
            <button
              type="button"
              className="primary"
              disabled={!selection}
              onClick={() => void markExcerpt()}
              title={intl.formatMessage({ id: 'reader.mark.hint', defaultMessage: 'Select text, then press E' })}
            >
              <FormattedMessage id="reader.mark" defaultMessage="Mark excerpt (E)" />
            </button>
          )}
          {view === 'text' && (
            <search className="find" aria-label={intl.formatMessage({ id: 'reader.find', defaultMessage: 'Find' })}>
              <input
                type="search"
                aria-label={intl.formatMessage({ id: 'reader.find.field', defaultMessage: 'Find in source' })}
                placeholder={intl.formatMessage({ id: 'reader.find.field', defaultMessage: 'Find in source' })}
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setCurrent(0);
                  setShownRange(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    step(e.shiftKey ? -1 : 1);
                  }
                }}
              />
              <span className="find-count" role="status">
                {query.trim().length >= 2 ? (
                  matches.length ? (
                    <FormattedMessage
                      id="reader.find.count"
                      defaultMessage="{current, number} of {total, number}"
                      values={{ current: current + 1, total: matches.length }}
                    />
                  ) : (
                    <FormattedMessage id="reader.find.none" defaultMessage="No matches" />
                  )
                ) : null}
              </span>
              <button
                type="button"
                onClick={() => step(-1)}
                disabled={!matches.length}
                aria-label={intl.formatMessage({ id: 'reader.find.previous', defaultMessage: 'Previous match' })}
              >
                ↑
              </button>
              <button
                type="button"
                onClick={() => step(1)}
                disabled={!matches.length}
                aria-label={intl.formatMessage({ id: 'reader.find.next', defaultMessage: 'Next match' })}
              >
                ↓
              </button>
            </search>
          )}
          <button
            type="button"
            aria-pressed={panel === 'suggestions'}
            onClick={() => {
              setPanel(panel === 'suggestions' ? 'details' : 'suggestions');
              setSelected(null);
              setShownRange(null);
            }}
          >
            <FormattedMessage id="reader.suggestions" defaultMessage="Suggestions" />
          </button>
          {source.format === 'pdf' && (
            <fieldset className="segmented">
              <legend className="visually-hidden">
                <FormattedMessage id="reader.view" defaultMessage="View" />
              </legend>
              <button type="button" aria-pressed={view === 'text'} onClick={() => setView('text')}>
                <FormattedMessage id="reader.view.text" defaultMessage="Text" />
              </button>
              <button type="button" aria-pressed={view === 'original'} onClick={() => setView('original')}>
                <FormattedMessage id="reader.view.original" defaultMessage="Original PDF" />
              </button>
            </fieldset>
          )}
        </div>
      </header>
      <div className={panel === 'suggestions' && !selectedExcerpt ? 'reader-body reviewing' : 'reader-body'}>
        {view === 'text' ? (
          // The pane draws the frame and the scroller inside it draws nothing, so the canvas growing
          // as rows are measured does not repaint the whole pane (styles.css, "Reader scrolling").
          <div className="reader-pane">
            <article
              className="reader-scroll"
              ref={scrollRef}
              data-testid="reader-text"
              aria-label={intl.formatMessage(
                { id: 'reader.text.label', defaultMessage: 'Text of {title}' },
                { title: source.title },
              )}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling text must be reachable by keyboard (WCAG 2.1.1)
              tabIndex={0}
              onMouseUp={() => scrollRef.current && setSelection(selectionOffsets(scrollRef.current))}
              onKeyUp={() => scrollRef.current && setSelection(selectionOffsets(scrollRef.current))}
            >
              <div style={{ height: virtualizer.getTotalSize() }} className="reader-canvas">
                {virtualizer.getVirtualItems().map((item) => {
                  const row = rows[item.index];
                  if (!row) return null;
                  return (
                    <div
                      key={item.key}
                      data-index={item.index}
                      ref={virtualizer.measureElement}
                      className="reader-row"
                      style={{ transform: `translateY(${item.start}px)` }}
                    >
                      {row.type === 'page' ? (
                        <p className="page-marker">
                          <FormattedMessage id="reader.page" defaultMessage="Page {page}" values={{ page: row.page }} />
                        </p>
                      ) : (
                        <BlockText
                          text={source.text}
                          block={row.block}
                          pages={source.pages}
                          matches={matchesByBlock[row.index] ?? []}
                          currentMatch={
                            currentMatch && currentMatch[1] > row.block.start && currentMatch[0] < row.block.end
                              ? currentMatch
                              : null
                          }
                          highlights={highlightsByBlock[row.index] ?? []}
                          selectedExcerpt={selected}
                          onSelectExcerpt={selectExcerpt}
                        />
                      )}
                    </div>
                  );
                })}
              </div>
            </article>
          </div>
        ) : (
          <PdfOriginal
            sourceId={source.id}
            text={source.text}
            pages={source.pages}
            highlights={highlights}
            selectedExcerpt={selected}
          />
        )}
        <aside className="reader-side">
          <ErrorNote
            message={
              markError ??
              (excerpts.error ? errorText(excerpts.error) : null) ??
              (codes.error ? errorText(codes.error) : null)
            }
          />
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          <OrphanedExcerpts
            orphans={orphans}
            canPlace={selection !== null}
            onPlace={(e) => void placeOrphan(e)}
            onDelete={deleteOrphan}
          />
          {selectedExcerpt ? (
            <ExcerptInspector
              key={selectedExcerpt.id}
              excerpt={selectedExcerpt}
              codes={codes.data ?? []}
              focusCodes={justCreated}
              dossierId={source.dossierId}
              onDeleted={(linksRemoved) => {
                setSelected(null);
                setNotice(linksRemoved > 0 ? intl.formatMessage(LINKS_REMOVED.notice, { count: linksRemoved }) : null);
              }}
              onOpenExcerpt={(other) =>
                go({ area: 'source', dossierId: source.dossierId, sourceId: other.sourceId, excerptId: other.id })
              }
              onClose={() => setSelected(null)}
            />
          ) : panel === 'suggestions' ? (
            <SuggestionsPanel
              sourceId={source.id}
              onShow={(m) => {
                setView('text');
                setShownRange([m.start, m.end]);
              }}
              onAccepted={() => setShownRange(null)}
            />
          ) : (
            <SourceDetails key={source.id} source={source} />
          )}
          <p className="hint reader-keys">
            <FormattedMessage
              id="reader.keys"
              defaultMessage="{count, plural, one {# excerpt} other {# excerpts}} · select text and press E to mark · J/K next/previous excerpt"
              values={{ count: (excerpts.data ?? []).length }}
            />
          </p>
        </aside>
      </div>
    </section>
  );
}
