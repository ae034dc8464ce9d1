// Version 2: full-text search over sources (title, normalised text) and excerpts (quote, note).
// External-content FTS5 tables: the text is stored once, in source/excerpt, and the index holds only
// tokens; triggers keep the index in step with every insert, update and hard delete. Existing rows
// (written under version 1) are indexed by the rebuild at the end.
// unicode61 with remove_diacritics 2: monitors search "Ecole" and expect "École".
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const SQL = `
CREATE VIRTUAL TABLE source_fts USING fts5(
  title, text, content = 'source', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_fts_insert AFTER INSERT ON source
BEGIN
  INSERT INTO source_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER source_fts_delete AFTER DELETE ON source
BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER source_fts_update AFTER UPDATE OF title, text ON source
BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO source_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE excerpt_fts USING fts5(
  exact, note, content = 'excerpt', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
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

INSERT INTO source_fts (source_fts) VALUES ('rebuild');
INSERT INTO excerpt_fts (excerpt_fts) VALUES ('rebuild');
`;

export const migration: Migration = {
  version: 2,
  name: 'full-text-search',
  up(db: Db) {
    db.exec(SQL);
  },
};
