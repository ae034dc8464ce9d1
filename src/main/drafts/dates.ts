// Dates as an English-language submission prints them ("March 2027", "18 July 2017"), written out
// here rather than through Intl: a formatter per note made a long draft's notes the slowest part of
// its export, and the output must not depend on the machine's locale data.

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2017", "July 2017", "18 July 2017" from a full or partial ISO date; "" for anything else. */
export function printedDate(value: string | null | undefined): string {
  const match = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  if (!name) return year as string;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
