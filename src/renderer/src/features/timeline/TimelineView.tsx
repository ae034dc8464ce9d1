// The chronology itself: events grouped by decade, year, month or day, each with its date as it was
// known, its participants, how many sources support it and whether its evidence is disputed.
// Presentational (no fetching); `npm run bench -- timeline` renders it with a thousand events.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Event } from '../../../../shared/api.ts';
import { bucketOf, type TimelineZoom } from '../../../../shared/fuzzy-date.ts';
import { bucketLabel, fuzzyDateIn, ROLE_MESSAGES } from './words.ts';

const UNDATED = '';

export function groupEvents(events: readonly Event[], zoom: TimelineZoom): { bucket: string; events: Event[] }[] {
  const groups: { bucket: string; events: Event[] }[] = [];
  // Events arrive in chronological order (undated last): a new group starts where the bucket changes.
  for (const event of events) {
    const bucket = event.date ? bucketOf(event.date, zoom) : UNDATED;
    const last = groups[groups.length - 1];
    if (last && last.bucket === bucket) last.events.push(event);
    else groups.push({ bucket, events: [event] });
  }
  return groups;
}

type Row = { kind: 'bucket'; bucket: string } | { kind: 'event'; event: Event };

/** The groups as one list of rows (a heading, then its events), which the virtualiser draws. */
function rowsOf(events: readonly Event[], zoom: TimelineZoom): Row[] {
  const rows: Row[] = [];
  for (const group of groupEvents(events, zoom)) {
    rows.push({ kind: 'bucket', bucket: group.bucket });
    for (const event of group.events) rows.push({ kind: 'event', event });
  }
  return rows;
}

// Only the rows on screen are drawn (measured after they render, as they differ in height): a
// thousand events drew 1,000 rows with their participants before the first paint.
export const TimelineView = memo(function TimelineView({
  events,
  zoom,
  onOpenEvent,
}: {
  events: readonly Event[];
  zoom: TimelineZoom;
  onOpenEvent?: (event: Event) => void;
}) {
  const intl = useIntl();
  const rows = useMemo(() => rowsOf(events, zoom), [events, zoom]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'bucket' ? 44 : 34),
    overscan: 10,
    getItemKey: (index) => {
      const row = rows[index];
      if (!row) return index;
      return row.kind === 'bucket' ? `bucket:${row.bucket}` : row.event.id;
    },
  });
  return (
    <div ref={scroller} className="virtual-scroll timeline-scroll" style={{ maxHeight: '70vh', overflowY: 'auto' }}>
      <ol
        className="timeline"
        data-testid="timeline"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = {
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            transform: `translateY(${item.start}px)`,
            boxSizing: 'border-box',
          } as const;
          if (row.kind === 'bucket') {
            return (
              <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={style}>
                <h3 className="timeline-bucket">
                  {row.bucket ? (
                    bucketLabel(intl, row.bucket, zoom)
                  ) : (
                    <FormattedMessage id="timeline.undated" defaultMessage="Undated" />
                  )}
                </h3>
              </li>
            );
          }
          const event = row.event;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={style}
              className={event.disputed ? 'timeline-event disputed' : 'timeline-event'}
            >
              <span className="timeline-date">
                {event.date ? fuzzyDateIn(intl, event.date) : (event.dateText ?? '')}
              </span>
              <span className="timeline-body">
                {onOpenEvent ? (
                  <button type="button" className="link timeline-title" onClick={() => onOpenEvent(event)}>
                    {event.title}
                  </button>
                ) : (
                  <span className="timeline-title">{event.title}</span>
                )}
                {event.disputed && (
                  <span className="badge disputed-badge">
                    <FormattedMessage id="timeline.disputed" defaultMessage="Disputed" />
                  </span>
                )}
                {event.participants.length > 0 && (
                  <span className="timeline-participants">
                    {event.participants
                      .map((p) => `${p.name} (${intl.formatMessage(ROLE_MESSAGES[p.role]).toLowerCase()})`)
                      .join(', ')}
                  </span>
                )}
                {event.place && <span className="timeline-place">{event.place}</span>}
                <span className="timeline-sources">
                  <FormattedMessage
                    id="timeline.sources"
                    defaultMessage="{count, plural, =0 {no sources} one {# source} other {# sources}}"
                    values={{ count: event.sourceCount }}
                  />
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
});
