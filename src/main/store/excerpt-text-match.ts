// The one place that turns words typed in a filter into the excerpts that hold them. The excerpt
// list's filter and the citation picker ask here, so a better index changes one function.
// It reads the search index (store/search.ts): stems folded for case and accents in every script —
// "суд" finds "Суда" and "судом", "ecole" finds "École", "ё" is read as "е" — and only the rows that
// hold the words, instead of every quote of the vault.
import type { Db } from './database.ts';
import { expandPrefixes, kindMatches, typedWordsMatch } from './search.ts';

/**
 * The seq (row id) of every live excerpt whose quote or note holds all the words of `text` (in any
 * inflection, case and accents aside); null when `text` holds no word (no filter). Callers join on
 * excerpt.seq and keep their own conditions (dossier, order).
 */
/**
 * The index rows (search_doc seqs) of the excerpts whose quote or note holds all the words of
 * `text`, newest first, read on the search index alone (null: no word, no filter). Join them to
 * search_doc and excerpt (by id) for the excerpts themselves.
 */
export function matchingExcerptDocs(
  db: Db,
  text: string,
  columns: 'quote-or-note' | 'quote' | 'note' = 'quote-or-note',
): number[] | null {
  const match = typedWordsMatch(text);
  if (match === null) return null;
  // The search index holds an excerpt's note as its title and its quote as its body.
  const words = expandPrefixes(db, match);
  const scoped = columns === 'quote' ? `body : (${words})` : columns === 'note' ? `title : (${words})` : words;
  return kindMatches(db, scoped, 'excerpt');
}

export function matchingExcerptSeqs(
  db: Db,
  text: string,
  columns: 'quote-or-note' | 'quote' | 'note' = 'quote-or-note',
  /** Only this dossier's (as the index records it): fewer rows to join when the caller keeps one. */
  dossierId?: string,
): number[] | null {
  // Only the excerpts' range of the index is read, on the index alone; then each match's row.
  const seqs = matchingExcerptDocs(db, text, columns);
  if (seqs === null) return null;
  return db
    .prepare(
      `SELECT x.seq FROM json_each(@seqs) j CROSS JOIN search_doc d ON d.seq = j.value
         CROSS JOIN excerpt x ON x.id = d.thing_id
       WHERE d.kind = 'excerpt' AND (@dossier IS NULL OR d.dossier_id = @dossier)`,
    )
    .pluck()
    .all({ seqs: JSON.stringify(seqs), dossier: dossierId ?? null }) as number[];
}
