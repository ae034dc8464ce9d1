// Work as a team without a server (issue 15): encrypted bundles carried between vaults.
// - identity: this vault's own keys, one row. An age X25519 key pair (bundles are encrypted to its
//   public half, `age1…`, which the person shares) and an Ed25519 key pair that signs the manifest of
//   every bundle this vault makes. The secret halves never leave the encrypted vault.
// - colleague: the people this vault exchanges with — a name, their age public key, and the signing
//   key their first bundle came with (trusted on first use; a later bundle claiming the same age key
//   but signed by another key is refused).
// - bundle_record: what was last exchanged with whom, per record: the hash of the record as both
//   vaults held it when they parted. On import it is the common ancestor that tells "changed there"
//   from "changed here" from "changed on both sides" (a conflict); on export, a record sent before
//   that is gone from the vault travels as a tombstone. `peer` is the colleague's age public key, or
//   '*' for bundles locked with a passphrase (whoever knows it).
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

export const migration: Migration = {
  version: 17,
  name: 'bundle-identity',
  up(db: Db) {
    db.exec(`
      CREATE TABLE identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        age_secret TEXT NOT NULL CHECK (age_secret GLOB 'AGE-SECRET-KEY-1*'),
        age_recipient TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
        signing_secret TEXT NOT NULL,   -- Ed25519 private key, PKCS#8 DER, base64
        signing_public TEXT NOT NULL,   -- Ed25519 public key, raw 32 bytes, base64url
        created_at TEXT NOT NULL DEFAULT ${NOW}
      );

      CREATE TABLE colleague (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        age_recipient TEXT NOT NULL CHECK (age_recipient GLOB 'age1*'),
        signing_public TEXT,
        created_at TEXT NOT NULL DEFAULT ${NOW},
        updated_at TEXT NOT NULL DEFAULT ${NOW}
      );
      CREATE UNIQUE INDEX colleague_recipient ON colleague (age_recipient);

      CREATE TABLE bundle_record (
        peer TEXT NOT NULL,
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        dossier_id TEXT NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        at TEXT NOT NULL DEFAULT ${NOW},
        PRIMARY KEY (peer, kind, record_id)
      ) WITHOUT ROWID;
      CREATE INDEX bundle_record_dossier ON bundle_record (peer, dossier_id);
    `);
  },
};
