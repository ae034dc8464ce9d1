// Partial dates ("2021", "2021-06", "2021-06-30") in the person's language, through Intl: a source
// is often dated only by its year or month, and must not be shown as the first of January.
import { useCallback } from 'react';
import { type IntlShape, useIntl } from 'react-intl';

export function formatPartialDateIn(intl: IntlShape, value: string | null | undefined): string {
  const match = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  const monthNumber = Number(month);
  if (!month || monthNumber < 1 || monthNumber > 12) return year as string;
  // Noon UTC, shown in UTC: the same calendar day whatever the computer's time zone.
  const date = Date.UTC(Number(year), monthNumber - 1, day ? Number(day) : 1, 12);
  return day
    ? intl.formatDate(date, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    : intl.formatDate(date, { year: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** formatPartialDate for components: "30 June 2021" / «30 июня 2021 г.». */
export function usePartialDate(): (value: string | null | undefined) => string {
  const intl = useIntl();
  return useCallback((value) => formatPartialDateIn(intl, value), [intl]);
}
