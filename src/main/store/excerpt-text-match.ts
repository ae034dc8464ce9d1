// The one place that turns words typed in a filter into the excerpts that hold them. The excerpt
// list's filter and the citation picker ask here, so a better index changes one function.
// Today: the excerpts' FTS5 index (unicode61, remove_diacritics 2), which folds case and accents in
// every script — "суд" finds "Суда", "ecole" finds "École", "ё" is read as "е" — and reads only the
// rows that hold the words instead of every quote of the vault.
import type { Db } from './database.ts';

/** At most this many words of a filter are matched (each must appear; the rest are ignored). */
const MAX_WORDS = 8;
/** Letters е/ё of one word tried both ways (2^4 spellings at most; Russian rarely writes ё twice). */
const MAX_YO_PLACES = 4;

/**
 * The spellings of a word with е and ё swapped: the index folds case and Latin accents but keeps ё
 * apart from е, and Russian writes "ещё" as "еще" as often as not.
 */
function yoSpellings(word: string): string[] {
  const places = [...word.matchAll(/[её]/g)].map((m) => m.index).slice(0, MAX_YO_PLACES);
  let spellings = [word];
  for (const at of places) {
    spellings = spellings.flatMap((w) => [
      `${w.slice(0, at)}е${w.slice(at + 1)}`,
      `${w.slice(0, at)}ё${w.slice(at + 1)}`,
    ]);
  }
  return [...new Set(spellings)];
}

/**
 * The FTS5 query for what a person typed: every word must appear, each as the start of a word
 * (typing "объедин" finds "объединения"), е and ё alike; only letters and digits are kept, so
 * nothing typed is read as query syntax.
 * Null when nothing typed is a word.
 */
export function wordsQuery(text: string): string | null {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, MAX_WORDS) ?? [];
  if (words.length === 0) return null;
  // Words hold only letters and digits here, so no quote needs escaping.
  return words
    .map(
      (w) =>
        `(${yoSpellings(w)
          .map((s) => `"${s}"*`)
          .join(' OR ')})`,
    )
    .join(' AND ');
}

/**
 * The seq (row id) of every excerpt, live or not, whose quote or note holds all the words of
 * `text`; null when `text` holds no word (no filter). Callers join on excerpt.seq and keep their own
 * conditions (dossier, tombstones, order).
 */
export function matchingExcerptSeqs(
  db: Db,
  text: string,
  columns: 'quote-or-note' | 'quote' | 'note' = 'quote-or-note',
): number[] | null {
  const query = wordsQuery(text);
  if (query === null) return null;
  const scoped = columns === 'quote' ? `exact : (${query})` : columns === 'note' ? `note : (${query})` : query;
  return db.prepare('SELECT rowid FROM excerpt_fts WHERE excerpt_fts MATCH ?').pluck().all(scoped) as number[];
}
