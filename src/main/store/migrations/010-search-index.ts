// Search over everything (issue 12): one full-text index for source text by page, excerpts (quote
// and note), entity names and aliases, and drafts, replacing version 2's source_fts/excerpt_fts.
// - search_fts: a contentless FTS5 table holding the Snowball stems of the words (folded for case
//   and accents), never the text itself. unicode61 only splits the stems we give it on spaces. A row
//   is forgotten by telling the index its words again; secure-delete then erases them at once.
// - search_doc: what each index row is — kind, the thing's id, its dossier and source, and for
//   source text the page and the character offsets of the passage — so a hit knows where it is. Its
//   seq, the FTS rowid, is set by the repository with the kind in its high bits, so totals per kind
//   are counted on search_fts alone.
// - saved_search: searches a person named and kept in a dossier.
// The index is written by the repositories (src/main/store/search.ts) in each change's transaction,
// and filled here for what the vault already holds.
import type { Db } from '../database.ts';
import { rebuildSearchIndex } from '../search.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

const SQL = `
DROP TRIGGER IF EXISTS source_fts_insert;
DROP TRIGGER IF EXISTS source_fts_delete;
DROP TRIGGER IF EXISTS source_fts_update;
DROP TRIGGER IF EXISTS excerpt_fts_insert;
DROP TRIGGER IF EXISTS excerpt_fts_delete;
DROP TRIGGER IF EXISTS excerpt_fts_update;
-- Version 9 kept source_fts over source_text through these: they go with it.
DROP TRIGGER IF EXISTS source_fts_text_insert;
DROP TRIGGER IF EXISTS source_fts_text_update;
DROP TRIGGER IF EXISTS source_fts_text_delete;
DROP TRIGGER IF EXISTS source_fts_title_update;
DROP TRIGGER IF EXISTS source_fts_source_delete;
DROP VIEW IF EXISTS source_fts_content;
DROP TABLE IF EXISTS source_fts;
DROP TABLE IF EXISTS excerpt_fts;

CREATE TABLE search_doc (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('source', 'excerpt', 'entity', 'draft')),
  thing_id TEXT NOT NULL,
  dossier_id TEXT,
  source_id TEXT,
  page INTEGER,
  start_offset INTEGER,
  end_offset INTEGER
);
CREATE INDEX search_doc_thing ON search_doc (thing_id);

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, content = '', tokenize = 'unicode61 remove_diacritics 0'
);
-- A deleted row's words leave the index's pages at once, not at the next merge: a deleted
-- source's words must not linger (version 2 ran a full 'optimize' per delete, slow at scale).
INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);

CREATE TABLE saved_search (
  id TEXT PRIMARY KEY NOT NULL,
  dossier_id TEXT NOT NULL REFERENCES dossier (id),
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filters)),
  created_at TEXT NOT NULL DEFAULT ${NOW},
  updated_at TEXT NOT NULL DEFAULT ${NOW}
);
CREATE INDEX saved_search_dossier ON saved_search (dossier_id);
`;

export const migration: Migration = {
  version: 10,
  name: 'search-index',
  up(db: Db) {
    db.exec(SQL);
    rebuildSearchIndex(db);
  },
};
