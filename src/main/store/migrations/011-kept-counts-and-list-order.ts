// Lists that page, with counts kept instead of recounted (issue 12: code.list and entity.list took
// 176 / 488 ms at 10,000 sources because every call counted every link again).
// - Tallies, kept in step by triggers on every write that can change them (whoever writes: the
//   repositories, a merge, a restore), so no code path can forget one:
//     code_tally            live excerpts carrying each code
//     source_tally          live excerpts of each source
//     dossier_tally         live excerpts of each dossier
//     entity_source_tally   per entity and source: live excerpts linked, live (not orphaned) mentions
//     entity_tally          per entity: the sums of the above, and its sources (rows with either above zero)
//   A live excerpt is one without a tombstone (deleting a source tombstones its excerpts and deletes
//   its mentions, so the source's own tombstone needs no trigger). Kept in their own small tables, not
//   as columns of source: a source row carries its text, and rewriting it per excerpt would be slow.
// - Indexes in the lists' sort orders, so a page is read in order and stops at its limit instead of
//   sorting a whole dossier: excerpts by source and reading position, sources by dossier and import
//   order (with their id, so a filtered count walks two indexes and reads no source row), entities
//   by name.
// Existing data is counted once at the end.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const SQL = `
CREATE TABLE code_tally (
  code_id TEXT PRIMARY KEY NOT NULL,
  excerpts INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE source_tally (
  source_id TEXT PRIMARY KEY NOT NULL,
  excerpts INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE dossier_tally (
  dossier_id TEXT PRIMARY KEY NOT NULL,
  excerpts INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE entity_source_tally (
  entity_id TEXT NOT NULL,
  source_id TEXT NOT NULL,
  excerpts INTEGER NOT NULL DEFAULT 0,
  mentions INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, source_id)
) WITHOUT ROWID;
CREATE TABLE entity_tally (
  entity_id TEXT PRIMARY KEY NOT NULL,
  excerpts INTEGER NOT NULL DEFAULT 0,
  mentions INTEGER NOT NULL DEFAULT 0,
  sources INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- An entity's totals follow its per-source rows; a source counts while either of its counts is above zero.
CREATE TRIGGER tally_entity_source_insert AFTER INSERT ON entity_source_tally
BEGIN
  INSERT INTO entity_tally (entity_id, excerpts, mentions, sources)
    VALUES (new.entity_id, new.excerpts, new.mentions, new.excerpts > 0 OR new.mentions > 0)
    ON CONFLICT (entity_id) DO UPDATE SET excerpts = excerpts + excluded.excerpts,
      mentions = mentions + excluded.mentions, sources = sources + excluded.sources;
END;
CREATE TRIGGER tally_entity_source_update AFTER UPDATE ON entity_source_tally
BEGIN
  UPDATE entity_tally SET excerpts = excerpts + new.excerpts - old.excerpts,
    mentions = mentions + new.mentions - old.mentions,
    sources = sources + (new.excerpts > 0 OR new.mentions > 0) - (old.excerpts > 0 OR old.mentions > 0)
    WHERE entity_id = new.entity_id;
END;

-- An excerpt comes or goes (insert, tombstone, restore): its source, its dossier, its codes, its entities.
CREATE TRIGGER tally_excerpt_insert AFTER INSERT ON excerpt WHEN new.deleted_at IS NULL
BEGIN
  INSERT INTO source_tally (source_id, excerpts) VALUES (new.source_id, 1)
    ON CONFLICT (source_id) DO UPDATE SET excerpts = excerpts + 1;
  INSERT INTO dossier_tally (dossier_id, excerpts) VALUES ((SELECT dossier_id FROM source WHERE id = new.source_id), 1)
    ON CONFLICT (dossier_id) DO UPDATE SET excerpts = excerpts + 1;
END;
CREATE TRIGGER tally_excerpt_tombstone AFTER UPDATE OF deleted_at ON excerpt
  WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL
BEGIN
  UPDATE source_tally SET excerpts = excerpts - 1 WHERE source_id = old.source_id;
  UPDATE dossier_tally SET excerpts = excerpts - 1
    WHERE dossier_id = (SELECT dossier_id FROM source WHERE id = old.source_id);
  UPDATE code_tally SET excerpts = excerpts - 1
    WHERE code_id IN (SELECT code_id FROM excerpt_code WHERE excerpt_id = old.id);
  UPDATE entity_source_tally SET excerpts = excerpts - 1
    WHERE source_id = old.source_id AND entity_id IN (SELECT entity_id FROM excerpt_entity WHERE excerpt_id = old.id);
END;
CREATE TRIGGER tally_excerpt_restore AFTER UPDATE OF deleted_at ON excerpt
  WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL
BEGIN
  INSERT INTO source_tally (source_id, excerpts) VALUES (new.source_id, 1)
    ON CONFLICT (source_id) DO UPDATE SET excerpts = excerpts + 1;
  INSERT INTO dossier_tally (dossier_id, excerpts) VALUES ((SELECT dossier_id FROM source WHERE id = new.source_id), 1)
    ON CONFLICT (dossier_id) DO UPDATE SET excerpts = excerpts + 1;
  INSERT INTO code_tally (code_id, excerpts) SELECT code_id, 1 FROM excerpt_code WHERE excerpt_id = new.id AND true
    ON CONFLICT (code_id) DO UPDATE SET excerpts = excerpts + 1;
  INSERT INTO entity_source_tally (entity_id, source_id, excerpts)
    SELECT entity_id, new.source_id, 1 FROM excerpt_entity WHERE excerpt_id = new.id AND true
    ON CONFLICT (entity_id, source_id) DO UPDATE SET excerpts = excerpts + 1;
END;
CREATE TRIGGER tally_excerpt_delete AFTER DELETE ON excerpt WHEN old.deleted_at IS NULL
BEGIN
  UPDATE source_tally SET excerpts = excerpts - 1 WHERE source_id = old.source_id;
  UPDATE dossier_tally SET excerpts = excerpts - 1
    WHERE dossier_id = (SELECT dossier_id FROM source WHERE id = old.source_id);
END;

-- Coding: a code put on or taken off a live excerpt (re-coding, merging and deleting codes).
CREATE TRIGGER tally_coding_insert AFTER INSERT ON excerpt_code
  WHEN EXISTS (SELECT 1 FROM excerpt WHERE id = new.excerpt_id AND deleted_at IS NULL)
BEGIN
  INSERT INTO code_tally (code_id, excerpts) VALUES (new.code_id, 1)
    ON CONFLICT (code_id) DO UPDATE SET excerpts = excerpts + 1;
END;
CREATE TRIGGER tally_coding_delete AFTER DELETE ON excerpt_code
  WHEN EXISTS (SELECT 1 FROM excerpt WHERE id = old.excerpt_id AND deleted_at IS NULL)
BEGIN
  UPDATE code_tally SET excerpts = excerpts - 1 WHERE code_id = old.code_id;
END;

-- An entity linked to or unlinked from a live excerpt (editing, merging and deleting entities).
CREATE TRIGGER tally_entity_link_insert AFTER INSERT ON excerpt_entity
  WHEN EXISTS (SELECT 1 FROM excerpt WHERE id = new.excerpt_id AND deleted_at IS NULL)
BEGIN
  INSERT INTO entity_source_tally (entity_id, source_id, excerpts)
    VALUES (new.entity_id, (SELECT source_id FROM excerpt WHERE id = new.excerpt_id), 1)
    ON CONFLICT (entity_id, source_id) DO UPDATE SET excerpts = excerpts + 1;
END;
CREATE TRIGGER tally_entity_link_delete AFTER DELETE ON excerpt_entity
  WHEN EXISTS (SELECT 1 FROM excerpt WHERE id = old.excerpt_id AND deleted_at IS NULL)
BEGIN
  UPDATE entity_source_tally SET excerpts = excerpts - 1
    WHERE entity_id = old.entity_id AND source_id = (SELECT source_id FROM excerpt WHERE id = old.excerpt_id);
END;

-- Mentions (accepted suggestions) count while not orphaned.
CREATE TRIGGER tally_mention_insert AFTER INSERT ON entity_mention WHEN new.anchor_status != 'orphaned'
BEGIN
  INSERT INTO entity_source_tally (entity_id, source_id, mentions) VALUES (new.entity_id, new.source_id, 1)
    ON CONFLICT (entity_id, source_id) DO UPDATE SET mentions = mentions + 1;
END;
CREATE TRIGGER tally_mention_delete AFTER DELETE ON entity_mention WHEN old.anchor_status != 'orphaned'
BEGIN
  UPDATE entity_source_tally SET mentions = mentions - 1
    WHERE entity_id = old.entity_id AND source_id = old.source_id;
END;
CREATE TRIGGER tally_mention_update AFTER UPDATE OF entity_id, source_id, anchor_status ON entity_mention
BEGIN
  UPDATE entity_source_tally SET mentions = mentions - 1
    WHERE old.anchor_status != 'orphaned' AND entity_id = old.entity_id AND source_id = old.source_id;
  INSERT INTO entity_source_tally (entity_id, source_id, mentions)
    SELECT new.entity_id, new.source_id, 1 WHERE new.anchor_status != 'orphaned'
    ON CONFLICT (entity_id, source_id) DO UPDATE SET mentions = mentions + 1;
END;

CREATE INDEX excerpt_reading_order ON excerpt (source_id, start_offset) WHERE deleted_at IS NULL;
CREATE INDEX source_import_order ON source (dossier_id, seq, id) WHERE deleted_at IS NULL;
CREATE INDEX entity_name_order ON entity (name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
`;

/** Counts what is there now; the triggers above keep it from here on. */
export const FILL_TALLIES = `
DELETE FROM code_tally;
DELETE FROM source_tally;
DELETE FROM dossier_tally;
DELETE FROM entity_source_tally;
DELETE FROM entity_tally;
INSERT INTO code_tally (code_id, excerpts)
  SELECT ec.code_id, count(*) FROM excerpt_code ec JOIN excerpt e ON e.id = ec.excerpt_id
  WHERE e.deleted_at IS NULL GROUP BY ec.code_id;
INSERT INTO source_tally (source_id, excerpts)
  SELECT source_id, count(*) FROM excerpt WHERE deleted_at IS NULL GROUP BY source_id;
INSERT INTO dossier_tally (dossier_id, excerpts)
  SELECT s.dossier_id, count(*) FROM excerpt e JOIN source s ON s.id = e.source_id
  WHERE e.deleted_at IS NULL GROUP BY s.dossier_id;
INSERT INTO entity_source_tally (entity_id, source_id, excerpts, mentions)
  SELECT entity_id, source_id, sum(excerpts), sum(mentions) FROM (
    SELECT l.entity_id, e.source_id, 1 AS excerpts, 0 AS mentions
      FROM excerpt_entity l JOIN excerpt e ON e.id = l.excerpt_id WHERE e.deleted_at IS NULL
    UNION ALL
    SELECT m.entity_id, m.source_id, 0, 1 FROM entity_mention m WHERE m.anchor_status != 'orphaned')
  GROUP BY entity_id, source_id;
`;

export const migration: Migration = {
  version: 11,
  name: 'kept-counts-and-list-order',
  up(db: Db) {
    db.exec(SQL);
    db.exec(FILL_TALLIES);
  },
};
