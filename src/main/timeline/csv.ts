// A dossier's timeline as RFC 4180 CSV, for spreadsheets and annexes: one row per event in order,
// the date as printed in the person's language beside its first and last ISO day (to sort by),
// participants with their roles, how many sources support it and whether it is disputed.
// Pseudonyms replace the names of entities that have one, as in every export.
import { formatFuzzyDate } from '../../shared/fuzzy-date.ts';
import { csvCell } from '../annotate/export.ts';
import type { EventRecord } from '../store/index.ts';

const COLUMNS = [
  'Date',
  'From',
  'To',
  'Event',
  'What happened',
  'Place',
  'Participants',
  'Sources',
  'Evidence excerpts',
  'Disputed',
];

export function timelineCsv(events: readonly EventRecord[], locale = 'en'): string {
  const rows: Array<ReadonlyArray<string | number | null>> = [COLUMNS];
  for (const event of events) {
    rows.push([
      event.date ? formatFuzzyDate(event.date, locale) : (event.dateText ?? ''),
      event.date?.start ?? '',
      event.date ? (event.date.end ?? '') : '',
      event.title,
      event.description,
      event.place ?? '',
      event.participants.map((p) => `${p.pseudonym ?? p.name} (${p.role})`).join('; '),
      event.sourceCount,
      event.evidence.length,
      event.disputed ? 'yes' : 'no',
    ]);
  }
  return `\uFEFF${rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`;
}
