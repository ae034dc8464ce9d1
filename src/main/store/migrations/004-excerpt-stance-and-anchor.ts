// Version 4: excerpts gain the stance "official finding" (a court's, a treaty body's or an
// inspectorate's conclusion — evidence of a different weight from an allegation), and an anchor
// status, so an excerpt whose quote cannot be found again after its source's text is re-normalised
// is listed as an orphan instead of silently pointing at the wrong words.
// SQLite cannot change a CHECK constraint in place: the table is rebuilt with SQLite's documented
// procedure (new table, copy, drop, rename), with foreign keys off so the drop does not cascade into
// the excerpt_code/excerpt_entity/… links. `seq` is copied, so the full-text index stays attached;
// its triggers went with the old table and are made again.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

const SQL = `
CREATE TABLE excerpt_v4 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source_id TEXT NOT NULL REFERENCES source (id),
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
  page INTEGER CHECK (page IS NULL OR page >= 1),
  note TEXT NOT NULL DEFAULT '',
  confidentiality TEXT NOT NULL DEFAULT 'restricted'
    CHECK (confidentiality IN ('public', 'restricted', 'never_export')),
  stance TEXT CHECK (stance IS NULL OR stance IN ('state_claim', 'allegation', 'corroboration', 'official_finding',
    'denial', 'acknowledgement', 'other')),
  created_at TEXT NOT NULL DEFAULT ${NOW},
  updated_at TEXT NOT NULL DEFAULT ${NOW},
  deleted_at TEXT,
  -- anchored: offsets and quote agree; reanchored: moved by quote and context after the text changed;
  -- orphaned: the quote is no longer in the text, the user must place it again.
  anchor_status TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor_status IN ('anchored', 'reanchored', 'orphaned'))
);
INSERT INTO excerpt_v4 (seq, id, source_id, exact, prefix, suffix, start_offset, end_offset, page, note,
    confidentiality, stance, created_at, updated_at, deleted_at)
  SELECT seq, id, source_id, exact, prefix, suffix, start_offset, end_offset, page, note,
    confidentiality, stance, created_at, updated_at, deleted_at FROM excerpt;
DROP TABLE excerpt;
ALTER TABLE excerpt_v4 RENAME TO excerpt;
CREATE INDEX excerpt_source ON excerpt (source_id);
CREATE INDEX excerpt_orphaned ON excerpt (source_id) WHERE anchor_status = 'orphaned' AND deleted_at IS NULL;

CREATE TRIGGER excerpt_fts_insert AFTER INSERT ON excerpt
BEGIN
  INSERT INTO excerpt_fts (rowid, exact, note) VALUES (new.seq, new.exact, new.note);
END;
CREATE TRIGGER excerpt_fts_delete AFTER DELETE ON excerpt
BEGIN
  INSERT INTO excerpt_fts (excerpt_fts, rowid, exact, note) VALUES ('delete', old.seq, old.exact, old.note);
END;
CREATE TRIGGER excerpt_fts_update AFTER UPDATE OF exact, note ON excerpt
BEGIN
  INSERT INTO excerpt_fts (excerpt_fts, rowid, exact, note) VALUES ('delete', old.seq, old.exact, old.note);
  INSERT INTO excerpt_fts (rowid, exact, note) VALUES (new.seq, new.exact, new.note);
END;
`;

export const migration: Migration = {
  version: 4,
  name: 'excerpt-stance-and-anchor',
  rebuildsTables: true,
  up(db: Db) {
    db.exec(SQL);
  },
};
