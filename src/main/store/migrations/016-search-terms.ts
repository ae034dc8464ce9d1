// Version 16: the words the search index holds, listed once each (search_term), so a prefix query
// ("detain*") is answered as the few whole words it stands for ("detain" OR "detainee" …). Asked for
// a prefix itself, FTS5 reads and merges every list of every word it begins, whole, before the first
// match is known — 20 to 80 ms for a common prefix in a 10,000-source vault, each time — while whole
// words are read newest first and the reading stops at the matches needed. A word no row holds any
// more is dropped when its row leaves the index (a deleted source's names must not outlive it).
// Filled here from the index itself.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

export const migration: Migration = {
  version: 16,
  name: 'search-terms',
  up(db: Db) {
    db.exec(`
      CREATE TABLE search_term (term TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
      CREATE VIRTUAL TABLE temp.search_vocab_16 USING fts5vocab(main, search_fts, row);
      INSERT INTO search_term (term) SELECT term FROM temp.search_vocab_16;
      DROP TABLE temp.search_vocab_16;
    `);
  },
};
