// Version 5: a source can be a letter or a law (kinds the import now recognises from the text), and
// the same document imported in several formats can be linked as renditions of one document.
// - `kind` is a CHECK constraint, which SQLite cannot change in place: the table is rebuilt from its
//   own stored definition (so columns earlier steps added come along), with the two kinds added, and
//   its indexes and full-text triggers are made again; `seq` is copied, so the search index stays.
// - `paragraph_hashes`: hashes of the normalised paragraphs, to notice at import that a file has the
//   same text as a source already there; filled here for every source already stored.
// - `rendition_group`: sources sharing it are renditions of one document (null: not linked).
import { paragraphHashes } from '../../ingest/fingerprint.ts';
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const OLD_KINDS = "'court_decision', 'other')";
const NEW_KINDS = "'court_decision', 'letter', 'law', 'other')";

export const migration: Migration = {
  version: 7,
  name: 'source-kinds-and-renditions',
  rebuildsTables: true,
  up(db: Db) {
    const table = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'source'")
      .pluck()
      .get() as string;
    if (!table.includes(OLD_KINDS)) throw new Error('The source table does not have the expected kind constraint');
    const dependents = db
      .prepare(
        "SELECT sql FROM sqlite_schema WHERE tbl_name = 'source' AND type IN ('index', 'trigger') AND sql IS NOT NULL",
      )
      .pluck()
      .all() as string[];
    db.exec(table.replace(/^CREATE TABLE "?source"?/, 'CREATE TABLE source_v5').replace(OLD_KINDS, NEW_KINDS));
    db.exec('INSERT INTO source_v5 SELECT * FROM source; DROP TABLE source; ALTER TABLE source_v5 RENAME TO source;');
    for (const sql of dependents) db.exec(sql);
    db.exec(`
      ALTER TABLE source ADD COLUMN paragraph_hashes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(paragraph_hashes));
      ALTER TABLE source ADD COLUMN rendition_group TEXT;
      CREATE INDEX source_rendition_group ON source (rendition_group) WHERE rendition_group IS NOT NULL;
    `);
    const rows = db.prepare('SELECT seq, text, blocks FROM source WHERE deleted_at IS NULL').all() as {
      seq: number;
      text: string;
      blocks: string;
    }[];
    const update = db.prepare('UPDATE source SET paragraph_hashes = ? WHERE seq = ?');
    for (const row of rows) {
      update.run(
        JSON.stringify(paragraphHashes(row.text, JSON.parse(row.blocks) as { start: number; end: number }[])),
        row.seq,
      );
    }
  },
};
