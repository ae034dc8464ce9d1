// A list that draws only the rows on screen and asks for the next page as its end scrolls into view:
// a dossier of 100,000 excerpts paints as fast as one of ten (issue 12: the unvirtualised Excerpts tab
// built 444k DOM nodes). Rows are measured after they render, so they may differ in height.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';

export function VirtualList<T>({
  items,
  keyOf,
  renderItem,
  hasMore,
  loadingMore,
  onLoadMore,
  estimateSize = 72,
  gap = 6,
  maxHeight = '70vh',
  className,
  testId,
  label,
}: {
  items: readonly T[];
  keyOf: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** A row's height before it is measured, in pixels. */
  estimateSize?: number;
  /** Space under each row, in pixels (a CSS gap does not reach absolutely placed rows). */
  gap?: number;
  maxHeight?: string;
  className?: string;
  testId?: string;
  label?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = items.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateSize + gap,
    overscan: 6,
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined ? '(more)' : keyOf(item);
    },
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows[rows.length - 1]?.index ?? -1;
  // The row after the last loaded one came into view: ask for the next page.
  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= items.length - 1) onLoadMore();
  }, [hasMore, loadingMore, lastShown, items.length, onLoadMore]);

  return (
    <div ref={scroller} className="virtual-scroll" style={{ maxHeight, overflowY: 'auto' }}>
      <ul
        className={className}
        data-testid={testId}
        aria-label={label}
        style={{ height: virtualizer.getTotalSize(), position: 'relative', display: 'block' }}
      >
        {rows.map((row) => {
          const item = items[row.index];
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${row.start}px)`,
                paddingBottom: gap,
                boxSizing: 'border-box',
              }}
            >
              {item === undefined ? (
                <span className="hint">
                  <FormattedMessage id="list.loadingMore" defaultMessage="Loading more…" />
                </span>
              ) : (
                renderItem(item, row.index)
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * For lists kept whole in the page (a combobox whose keyboard walks its rows): asks for the next page
 * when this mark at the list's end scrolls into view, whichever element scrolls.
 */
export function LoadMore({
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => unknown;
}) {
  const mark = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = mark.current;
    if (!element || !hasMore || loadingMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void onLoadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loadingMore, onLoadMore]);
  if (!hasMore) return null;
  return (
    <div ref={mark} className="hint">
      <FormattedMessage id="list.loadingMore" defaultMessage="Loading more…" />
    </div>
  );
}
