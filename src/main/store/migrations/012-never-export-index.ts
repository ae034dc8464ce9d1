// Version 9: the draft checks look, after every autosave, for the words of the dossier's "never
// export" excerpts pasted into the text. Without an index that meant reading every excerpt of the
// dossier (50,000 in the scale benchmark's big dossier) to find the few so marked; a partial index
// holds only those, so the check reads what it needs.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

export const migration: Migration = {
  version: 12,
  name: 'never-export-index',
  up(db: Db) {
    db.exec(`
      CREATE INDEX excerpt_never_export ON excerpt (source_id)
        WHERE confidentiality = 'never_export' AND deleted_at IS NULL;
    `);
  },
};
