import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { BlockText } from './BlockText.tsx';
import { PdfOriginal } from './PdfOriginal.tsx';
import { buildRows, findAll } from './rows.ts';
import { SourceDetails } from './SourceDetails.tsx';

/** Reads a source: the normalised text (virtualised), find-in-source, the original PDF, details. */
export function Reader({ sourceId }: { sourceId: string }) {
  const { data: source, error, reload } = useAsync(() => invoke('source.get', { id: sourceId }), [sourceId]);
  const [view, setView] = useState<'text' | 'original'>('text');
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const scrollRef = useRef<HTMLElement>(null);

  const rows = useMemo(() => (source ? buildRows(source.blocks, source.pages) : []), [source]);
  const matches = useMemo(() => (source ? findAll(source.text, query) : []), [source, query]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.type === 'page' ? 36 : 96),
    overscan: 8,
  });

  // Bring the current match into view.
  const currentMatch = matches[current] ?? null;
  useEffect(() => {
    if (!currentMatch) return;
    const row = rows.findIndex(
      (r) => r.type === 'block' && r.block.start <= currentMatch[0] && currentMatch[0] < r.block.end,
    );
    if (row >= 0) virtualizer.scrollToIndex(row, { align: 'center' });
  }, [currentMatch, rows, virtualizer]);

  if (error) return <ErrorNote message={error} />;
  if (!source) return <p className="hint">Opening…</p>;

  const step = (delta: number) => matches.length && setCurrent((c) => (c + delta + matches.length) % matches.length);

  return (
    <section className="reader" aria-labelledby="reader-title">
      <header className="reader-head">
        <h1 id="reader-title">{source.title}</h1>
        <div className="reader-tools">
          {view === 'text' && (
            <search className="find" aria-label="Find in source">
              <input
                type="search"
                aria-label="Find in source"
                placeholder="Find in source"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setCurrent(0);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    step(e.shiftKey ? -1 : 1);
                  }
                }}
              />
              <span className="find-count" role="status">
                {query.trim().length >= 2
                  ? matches.length
                    ? `${current + 1} of ${matches.length}`
                    : 'No matches'
                  : ''}
              </span>
              <button type="button" onClick={() => step(-1)} disabled={!matches.length} aria-label="Previous match">
                ↑
              </button>
              <button type="button" onClick={() => step(1)} disabled={!matches.length} aria-label="Next match">
                ↓
              </button>
            </search>
          )}
          {source.format === 'pdf' && (
            <fieldset className="segmented">
              <legend className="visually-hidden">View</legend>
              <button type="button" aria-pressed={view === 'text'} onClick={() => setView('text')}>
                Text
              </button>
              <button type="button" aria-pressed={view === 'original'} onClick={() => setView('original')}>
                Original PDF
              </button>
            </fieldset>
          )}
        </div>
      </header>
      <div className="reader-body">
        {view === 'text' ? (
          <article
            className="reader-scroll"
            ref={scrollRef}
            data-testid="reader-text"
            aria-label={`Text of ${source.title}`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling text must be reachable by keyboard (WCAG 2.1.1)
            tabIndex={0}
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
                      <p className="page-marker">Page {row.page}</p>
                    ) : (
                      <BlockText
                        text={source.text}
                        block={row.block}
                        pages={source.pages}
                        matches={matches.filter(([s, e]) => e > row.block.start && s < row.block.end)}
                        currentMatch={currentMatch}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          </article>
        ) : (
          <PdfOriginal sourceId={source.id} />
        )}
        <aside className="reader-side">
          <SourceDetails key={source.id} source={source} onSaved={reload} />
        </aside>
      </div>
    </section>
  );
}
