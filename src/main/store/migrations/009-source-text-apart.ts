// Text apart from the summary rows: a source's normalised text and the large JSON that describes it
// (page map, structure blocks, paragraph fingerprints) move out of `source` into `source_text`, one
// row per source keyed by its seq. Before this, later migrations had added summary columns (format,
// rendition group, address, accessed date) after `text` with ALTER TABLE ADD COLUMN, so listing a
// dossier's sources read — and, in the vault, decrypted — every text. Now a source row is a few
// hundred bytes and a listing reads no text at all; the page count a listing shows is kept in
// `source.page_count` instead of being counted from the page map.
// SQLite cannot drop or reorder columns in place for a table others reference: `source` is rebuilt
// with its documented procedure (new table, copy, drop, rename), with foreign keys off so the drop
// does not cascade into originals, excerpts and mentions; `seq` and `id` are copied unchanged, so
// every reference still holds (checked before commit). The metadata JSON (import warnings,
// dismissed suggestions) stays in `source`, last.
// Cost, once: every text is copied. At 10,000 sources (808 MiB of text) it took 602 s in the
// encrypted vault and 142 s in a plain copy on a 2-core machine under heavy load (scale benchmark);
// it runs inside unlock, whose screen shows "Opening…" meanwhile. Texts move in batches, each
// blanked in the old table as it goes, so the file grows by about one batch, not a second copy.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

// One row per source, written with it. The text last: reading the page map or the structure of a
// long text does not walk the text's overflow pages.
const TEXT_TABLE = `
CREATE TABLE source_text (
  source_seq INTEGER PRIMARY KEY REFERENCES source (seq) ON DELETE CASCADE,
  page_map TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(page_map)),     -- [{page, start, end}] offsets into text
  blocks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(blocks)),         -- headings, paragraphs, … as offsets
  paragraph_hashes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(paragraph_hashes)),
  text TEXT NOT NULL DEFAULT ''                                        -- normalised text
);
`;

/** Sources whose text moves per step: the pages one step frees are reused by the next. */
const MOVE_BATCH = 100;

const SUMMARY_TABLE = `
CREATE TABLE source_v9 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  dossier_id TEXT NOT NULL REFERENCES dossier (id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('government_reply', 'ngo_report', 'un_document', 'ilo_document',
    'media', 'web_page', 'testimony', 'court_decision', 'letter', 'law', 'other')),
  author_organisation TEXT,
  date_text TEXT CHECK (date_text IS NULL OR date_text GLOB '[0-9][0-9][0-9][0-9]'
    OR date_text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR date_text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  document_symbol TEXT,
  language TEXT,
  reliability_note TEXT NOT NULL DEFAULT '',
  original_sha256 TEXT CHECK (original_sha256 IS NULL OR length(original_sha256) = 64),
  format TEXT CHECK (format IS NULL OR format IN ('pdf', 'docx', 'html', 'text', 'markdown')),
  page_count INTEGER NOT NULL DEFAULT 0 CHECK (page_count >= 0),
  rendition_group TEXT,
  url TEXT,
  accessed_date TEXT,
  accessed_source TEXT CHECK (accessed_source IN ('saved_page', 'file_modified', 'imported', 'person')),
  imported_at TEXT,
  created_at TEXT NOT NULL DEFAULT ${NOW},
  updated_at TEXT NOT NULL DEFAULT ${NOW},
  deleted_at TEXT,
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata))
);
INSERT INTO source_v9 (seq, id, dossier_id, title, kind, author_organisation, date_text, document_symbol, language,
    reliability_note, original_sha256, format, page_count, rendition_group, url, accessed_date, accessed_source,
    imported_at, created_at, updated_at, deleted_at, metadata)
  SELECT s.seq, s.id, s.dossier_id, s.title, s.kind, s.author_organisation, s.date_text, s.document_symbol, s.language,
    s.reliability_note, s.original_sha256, s.format, json_array_length(t.page_map), s.rendition_group, s.url,
    s.accessed_date, s.accessed_source, s.imported_at, s.created_at, s.updated_at, s.deleted_at, s.metadata
  FROM source s JOIN source_text t ON t.source_seq = s.seq;
DROP TABLE source;
ALTER TABLE source_v9 RENAME TO source;
`;

const INDEXES = `
-- (dossier_id, deleted_at): a dossier's live sources, in seq order, straight from the index, and
-- their count without reading a row.
CREATE INDEX source_dossier ON source (dossier_id, deleted_at);
CREATE INDEX source_dossier_sha256 ON source (dossier_id, original_sha256) WHERE deleted_at IS NULL;
CREATE INDEX source_rendition_group ON source (rendition_group) WHERE rendition_group IS NOT NULL;
`;

// ---------------------------------------------------------------------------------------------------
// SEARCH BLOCK — the version-2 full-text index over sources, re-pointed at the split tables.
// The search work (issue 12) replaces source_fts with its own page-chunked index and drops this one:
// at merge this whole block (SEARCH_SQL and its call in `up`) goes.
// source_fts was an external-content index on `source` (title, text). Its content is now a view that
// joins the two tables; the index is made again and rebuilt from it (same rowids: source.seq).
// Triggers: the text is indexed when its source_text row is written (always in the same transaction
// as the source row), a title change on `source` and a text change on `source_text` re-index the
// pair, and a hard delete of a source takes its entry out before the row goes (the cascade that
// deletes the text row then finds no source and does nothing).
const SEARCH_SQL = `
DROP TABLE source_fts;
CREATE VIEW source_fts_content AS
  SELECT s.seq AS seq, s.title AS title, coalesce(t.text, '') AS text
  FROM source s LEFT JOIN source_text t ON t.source_seq = s.seq;
CREATE VIRTUAL TABLE source_fts USING fts5(
  title, text, content = 'source_fts_content', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_fts_text_insert AFTER INSERT ON source_text
BEGIN
  INSERT INTO source_fts (rowid, title, text) SELECT new.source_seq, s.title, new.text FROM source s WHERE s.seq = new.source_seq;
END;
CREATE TRIGGER source_fts_text_update AFTER UPDATE OF text ON source_text
BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text)
    SELECT 'delete', old.source_seq, s.title, old.text FROM source s WHERE s.seq = old.source_seq;
  INSERT INTO source_fts (rowid, title, text) SELECT new.source_seq, s.title, new.text FROM source s WHERE s.seq = new.source_seq;
END;
CREATE TRIGGER source_fts_text_delete AFTER DELETE ON source_text
BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text)
    SELECT 'delete', old.source_seq, s.title, old.text FROM source s WHERE s.seq = old.source_seq;
END;
CREATE TRIGGER source_fts_title_update AFTER UPDATE OF title ON source
BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text)
    SELECT 'delete', old.seq, old.title, t.text FROM source_text t WHERE t.source_seq = old.seq;
  INSERT INTO source_fts (rowid, title, text) SELECT new.seq, new.title, t.text FROM source_text t WHERE t.source_seq = new.seq;
END;
CREATE TRIGGER source_fts_source_delete BEFORE DELETE ON source
BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text)
    SELECT 'delete', old.seq, old.title, t.text FROM source_text t WHERE t.source_seq = old.seq;
END;
INSERT INTO source_fts (source_fts) VALUES ('rebuild');
`;
// END OF SEARCH BLOCK
// ---------------------------------------------------------------------------------------------------

export const migration: Migration = {
  version: 9,
  name: 'source-text-apart',
  rebuildsTables: true,
  up(db: Db) {
    // The version-2 search triggers would re-index every text the move below blanks.
    db.exec(
      'DROP TRIGGER IF EXISTS source_fts_insert; DROP TRIGGER IF EXISTS source_fts_delete; DROP TRIGGER IF EXISTS source_fts_update;',
    );
    db.exec(TEXT_TABLE);
    // The texts move a batch at a time, each blanked in the old table as it goes, so the pages it
    // frees hold the next batch: the file does not grow by a second copy of every text.
    const move = db.prepare(
      `INSERT INTO source_text (source_seq, page_map, blocks, paragraph_hashes, text)
       SELECT seq, page_map, blocks, paragraph_hashes, text FROM source WHERE seq > ? ORDER BY seq LIMIT ${MOVE_BATCH}
       RETURNING source_seq`,
    );
    const blank = db.prepare(
      "UPDATE source SET text = '', page_map = '[]', blocks = '[]', paragraph_hashes = '[]' WHERE seq BETWEEN ? AND ?",
    );
    let after = -1;
    for (;;) {
      const moved = move.pluck().all(after) as number[];
      if (moved.length === 0) break;
      const last = moved[moved.length - 1] as number;
      blank.run(moved[0], last);
      after = last;
    }
    db.exec(SUMMARY_TABLE);
    db.exec(INDEXES);
    db.exec(SEARCH_SQL); // SEARCH BLOCK (see above): goes at merge with the search work.
  },
};
