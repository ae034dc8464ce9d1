// The timeline's words: participant roles, and fuzzy dates printed in the interface's language with
// the open end ("since 2018") worded from the catalog.
import { useCallback } from 'react';
import { type IntlShape, useIntl } from 'react-intl';
import type { EventRole } from '../../../../shared/api.ts';
import { type FuzzyDate, formatFuzzyDate, type TimelineZoom } from '../../../../shared/fuzzy-date.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';

export const ROLE_MESSAGES = defineMessages({
  victim: { id: 'event.role.victim', defaultMessage: 'Victim' },
  perpetrator: { id: 'event.role.perpetrator', defaultMessage: 'Perpetrator' },
  complainant: { id: 'event.role.complainant', defaultMessage: 'Complainant' },
  authority: { id: 'event.role.authority', defaultMessage: 'Authority' },
  court: { id: 'event.role.court', defaultMessage: 'Court' },
  witness: { id: 'event.role.witness', defaultMessage: 'Witness' },
  other: { id: 'event.role.other', defaultMessage: 'Other' },
} satisfies Record<EventRole, unknown>);

export const ZOOM_MESSAGES = defineMessages({
  decade: { id: 'timeline.zoom.decade', defaultMessage: 'Decades' },
  year: { id: 'timeline.zoom.year', defaultMessage: 'Years' },
  month: { id: 'timeline.zoom.month', defaultMessage: 'Months' },
  day: { id: 'timeline.zoom.day', defaultMessage: 'Days' },
} satisfies Record<TimelineZoom, unknown>);

export function fuzzyDateIn(intl: IntlShape, date: FuzzyDate): string {
  return formatFuzzyDate(date, intl.locale, {
    since: (start) => intl.formatMessage({ id: 'event.date.since', defaultMessage: 'since {date}' }, { date: start }),
  });
}

export function useFuzzyDate(): (date: FuzzyDate) => string {
  const intl = useIntl();
  return useCallback((date) => fuzzyDateIn(intl, date), [intl]);
}

/** A group's heading at a zoom level: "2010s", "2011", "July 2011", "3 July 2011". */
export function bucketLabel(intl: IntlShape, bucket: string, zoom: TimelineZoom): string {
  if (zoom === 'decade')
    return intl.formatMessage({ id: 'timeline.decade', defaultMessage: '{decade}s' }, { decade: bucket });
  if (zoom === 'year') return bucket;
  const [y, m, d] = bucket.split('-').map(Number) as [number, number, number?];
  const at = Date.UTC(y, m - 1, d ?? 1, 12);
  return zoom === 'month'
    ? intl.formatDate(at, { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : intl.formatDate(at, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
