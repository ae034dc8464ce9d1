// Version 18: the Claims view lists a dossier's claims, denials and acknowledgements by the State.
// Without an index that meant reading every excerpt of the dossier (329 ms for the 50,000 of the
// scale benchmark's big dossier, on Electron's main process) to find the few with such a stance; a
// partial index holds only those, in reading order, so the view reads what it shows.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

export const migration: Migration = {
  version: 18,
  name: 'claims-index',
  up(db: Db) {
    db.exec(`
      CREATE INDEX excerpt_claim ON excerpt (source_id, start_offset)
        WHERE stance IN ('state_claim', 'denial', 'acknowledgement') AND deleted_at IS NULL;
    `);
  },
};
