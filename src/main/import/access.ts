// Where a web page was read and on which day, decided at import for what a note must print
// ("available at …, accessed …"). The day is the best evidence there is, and says which it is:
// the page's own record of when it was saved, else the file's modification time (a page saved
// with the browser's "Save page as" is written to disk the day it is read), else the day of import.
// Only saved web pages get one: for a report or a letter an access date means nothing.
import type { AccessedSource } from '../../shared/domain.ts';
import type { ImportedDocument } from '../ingest/types.ts';

export interface WebAccess {
  url: string | null;
  accessed: { date: string; source: AccessedSource } | null;
}

/** YYYY-MM-DD on this computer's calendar: the person's day, not UTC's. */
export function localDay(when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

export function webAccess(
  doc: Pick<ImportedDocument, 'metadata' | 'savedPage'>,
  /** The file's modification time in ms since 1970, when the caller knows it. */
  modifiedAt: number | undefined,
  now: Date = new Date(),
): WebAccess {
  const url = doc.metadata.url ?? null;
  if (!url && !doc.savedPage) return { url: null, accessed: null };
  if (doc.metadata.savedOn) return { url, accessed: { date: doc.metadata.savedOn, source: 'saved_page' } };
  // A time after the import is a clock gone wrong or a file that lies: it is not evidence of a day.
  if (modifiedAt !== undefined && Number.isFinite(modifiedAt) && modifiedAt > 0 && modifiedAt <= now.getTime()) {
    return { url, accessed: { date: localDay(new Date(modifiedAt)), source: 'file_modified' } };
  }
  return { url, accessed: { date: localDay(now), source: 'imported' } };
}
