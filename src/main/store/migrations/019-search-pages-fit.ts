// Version 19: the full-text index's leaves fit in one database page again. FTS5 writes leaves of up
// to 4,050 bytes (its default "pgsz", sized for a plain 4 KiB page); an AEGIS-256 page keeps 64 bytes
// for its nonce and tag, so at most 3,997 bytes of a row stay on the page and nearly every leaf
// spilled onto an overflow page: two pages read, decrypted and written for one (80,949 overflow pages
// for 10,298 leaves in the scale benchmark's vault; search 1.10–1.15× slower than unencrypted).
// Leaves written from now on are at most 3,900 bytes; older ones are rewritten as merges reach them,
// and all at once when an older (ChaCha20) vault moves to AEGIS-256 at a key rotation.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

export const migration: Migration = {
  version: 19,
  name: 'search-pages-fit',
  up(db: Db) {
    db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('pgsz', 3900);`);
  },
};
