// The one place that turns words typed in a filter into the excerpts that hold them. The excerpt
// list's filter and the citation picker ask here, so a better index changes one function.
// It reads the search index (store/search.ts): stems folded for case and accents in every script —
// "суд" finds "Суда" and "судом", "ecole" finds "École", "ё" is read as "е" — and only the rows that
// hold the words, instead of every quote of the vault.
import type { Db } from './database.ts';
import { kindRange, legacyIndex, typedWordsMatch } from './search.ts';

/**
 * The seq (row id) of every live excerpt whose quote or note holds all the words of `text` (in any
 * inflection, case and accents aside); null when `text` holds no word (no filter). Callers join on
 * excerpt.seq and keep their own conditions (dossier, order).
 */
export function matchingExcerptSeqs(
  db: Db,
  text: string,
  columns: 'quote-or-note' | 'quote' | 'note' = 'quote-or-note',
): number[] | null {
  const match = typedWordsMatch(text);
  if (match === null) return null;
  // The search index holds an excerpt's note as its title and its quote as its body.
  const scoped = columns === 'quote' ? `body : (${match})` : columns === 'note' ? `title : (${match})` : match;
  // Only the excerpts' range of the index is read: a word in 300,000 passages of sources costs nothing here.
  return db
    .prepare(
      `SELECT x.seq FROM search_fts f JOIN search_doc d ON d.seq = f.rowid JOIN excerpt x ON x.id = d.thing_id
       WHERE search_fts MATCH @match AND f.rowid BETWEEN @lo AND @hi AND d.kind = 'excerpt'`,
    )
    .pluck()
    .all({ match: scoped, ...kindRange('excerpt', legacyIndex(db)) }) as number[];
}
