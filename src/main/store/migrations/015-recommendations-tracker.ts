// The recommendations tracker (issue 14). The `recommendation` table dates from version 1 with
// supported/noted only; this step rebuilds it (SQLite cannot alter a CHECK) for:
// - responses partially supported and no response;
// - ILO supervisory requests in the same shape (mechanism 'ilo', body, year, convention);
// - themes from the UPR issue list (JSON array) and, apart, the dossier's codes (recommendation_code);
// - `import_key` (src/shared/recommendations.ts): importing the same file twice adds nothing;
// - `position`: the order recommendations were imported or typed in, for a stable list.
import { recommendationImportKey } from '../../../shared/recommendations.ts';
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

export const migration: Migration = {
  version: 15,
  name: 'recommendations-tracker',
  rebuildsTables: true,
  up(db: Db) {
    db.exec(`
      CREATE TABLE recommendation_v15 (
        id TEXT PRIMARY KEY NOT NULL,
        dossier_id TEXT NOT NULL REFERENCES dossier (id),
        mechanism TEXT NOT NULL DEFAULT 'upr' CHECK (mechanism IN ('upr', 'ilo')),
        text TEXT NOT NULL,
        recommending_states TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recommending_states)),
        cycle INTEGER,
        session TEXT,
        document_symbol TEXT,
        paragraph TEXT,
        response TEXT CHECK (response IS NULL OR response IN ('supported', 'noted', 'partially_supported',
          'no_response')),
        themes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(themes)),
        ilo_body TEXT CHECK (ilo_body IS NULL OR ilo_body IN ('CEACR', 'CAS', 'CFA')),
        ilo_year INTEGER,
        ilo_convention TEXT,
        assessment TEXT CHECK (assessment IS NULL OR assessment IN ('implemented', 'partially_implemented',
          'not_implemented', 'no_information')),
        assessment_note TEXT NOT NULL DEFAULT '',
        -- The store sets the importer's key; a row written without one gets a key of its own.
        import_key TEXT NOT NULL DEFAULT ('own:' || lower(hex(randomblob(12)))),
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT ${NOW},
        updated_at TEXT NOT NULL DEFAULT ${NOW},
        deleted_at TEXT
      );
      INSERT INTO recommendation_v15 (id, dossier_id, mechanism, text, recommending_states, cycle, session,
          document_symbol, paragraph, response, assessment, assessment_note, import_key, position,
          created_at, updated_at, deleted_at)
        SELECT id, dossier_id, CASE WHEN upper(mechanism) = 'ILO' THEN 'ilo' ELSE 'upr' END, text,
          recommending_states, cycle, session, document_symbol, paragraph, response, assessment,
          assessment_note,
          'legacy:' || id,
          rowid, created_at, updated_at, deleted_at
        FROM recommendation;
      DROP TABLE recommendation;
      ALTER TABLE recommendation_v15 RENAME TO recommendation;
    `);
    // Rows from before the tracker get the importer's key, so importing them again adds nothing; of
    // two old rows with one key the second keeps a key of its own (kept twice rather than lost).
    const rows = db
      .prepare(
        'SELECT id, document_symbol AS documentSymbol, paragraph, text, deleted_at AS deletedAt, dossier_id AS dossierId FROM recommendation ORDER BY position',
      )
      .all() as {
      id: string;
      documentSymbol: string | null;
      paragraph: string | null;
      text: string;
      deletedAt: string | null;
      dossierId: string;
    }[];
    const setKey = db.prepare('UPDATE recommendation SET import_key = ? WHERE id = ?');
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.deletedAt) continue;
      const key = `${row.dossierId}\u0000${recommendationImportKey(row)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      setKey.run(recommendationImportKey(row), row.id);
    }
    db.exec(`
      CREATE INDEX recommendation_dossier ON recommendation (dossier_id, position);
      CREATE UNIQUE INDEX recommendation_import_key ON recommendation (dossier_id, import_key)
        WHERE deleted_at IS NULL;

      CREATE TABLE recommendation_code (
        recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
        code_id TEXT NOT NULL REFERENCES code (id) ON DELETE CASCADE,
        PRIMARY KEY (recommendation_id, code_id)
      ) WITHOUT ROWID;
      CREATE INDEX recommendation_code_code ON recommendation_code (code_id);
    `);
  },
};
