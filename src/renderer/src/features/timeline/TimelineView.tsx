// The chronology itself: events grouped by decade, year, month or day, each with its date as it was
// known, its participants, how many sources support it and whether its evidence is disputed.
// Presentational (no fetching), so the benchmark renders it with a thousand events.
import { memo, useMemo } from 'react';
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
  const groups = useMemo(() => groupEvents(events, zoom), [events, zoom]);
  return (
    <ol className="timeline" data-testid="timeline">
      {groups.map((group) => (
        <li key={group.bucket || 'undated'} className="timeline-group">
          <h3 className="timeline-bucket">
            {group.bucket ? (
              bucketLabel(intl, group.bucket, zoom)
            ) : (
              <FormattedMessage id="timeline.undated" defaultMessage="Undated" />
            )}
          </h3>
          <ol className="timeline-events">
            {group.events.map((event) => (
              <li key={event.id} className={event.disputed ? 'timeline-event disputed' : 'timeline-event'}>
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
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
});
