// Version 5: the audit log's head (its newest seq and hash) is recorded apart from the log, with an
// HMAC under a key derived from the vault's data key. The hash chain alone catches an edited middle
// entry but not a cut tail (the remaining entries still chain) nor a chain rebuilt from scratch;
// with the head bound to the key, only the key's holder can make a shorter or rewritten log look
// whole. The vault seals the head of a log written before this version when it first unlocks it.
// Also from this version on the vault's key file must carry its MAC (keyslots.ts, file version 2).
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const SQL = `
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  mac TEXT CHECK (mac IS NULL OR length(mac) = 64)
);
INSERT INTO audit_head (id, seq, hash, mac)
  SELECT 1, seq, hash, NULL FROM audit ORDER BY seq DESC LIMIT 1;
`;

export const migration: Migration = {
  version: 5,
  name: 'audit-head',
  up(db: Db) {
    db.exec(SQL);
  },
};
