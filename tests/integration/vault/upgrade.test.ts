// Opening a vault written by an older or a newer Upright.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openEncryptedDatabase } from '../../../src/main/store/database.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../src/main/store/migrations/index.ts';
import { createPassphraseSlot, createRecoverySlot, writeKeySlotFile } from '../../../src/main/vault/keyslots.ts';
import {
  appDataDir,
  CHEAP_KDF,
  cleanup,
  errorCode,
  fingerprint,
  newVault,
  PASSPHRASE,
  withRawDatabase,
} from './helpers.ts';

afterEach(cleanup);

describe('a vault made by an older Upright', () => {
  it('is brought up to the current schema when unlocked, with its data intact', async () => {
    // Build a version-1 vault by hand, the way the first release would have left it.
    const location = join(appDataDir(), 'vault');
    mkdirSync(location);
    const dataKey = randomBytes(32);
    const db = openEncryptedDatabase(join(location, 'vault.db'), dataKey, { create: true });
    migrate(db, 1);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Old dossier');
      INSERT INTO source (id, dossier_id, title, kind, text) VALUES ('s1', 'd1', 'Old report', 'ngo_report', 'Dockworkers were dismissed.');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset, note) VALUES ('e1', 's1', 'Dockworkers', 0, 11, 'old note');
    `);
    closeDatabase(db);
    writeKeySlotFile(join(location, 'keyslots.json'), [
      await createPassphraseSlot(PASSPHRASE, dataKey, CHEAP_KDF),
      createRecoverySlot(randomBytes(32), dataKey),
    ]);

    const vault = newVault(location);
    await vault.unlock(PASSPHRASE);

    const store = vault.store();
    expect(store.excerpts.get('e1')?.note).toBe('old note');
    expect(store.sources.searchText('dockworkers')).toEqual([{ id: 's1', title: 'Old report' }]);
    vault.lock();
    expect(await withRawDatabase(location, schemaVersion)).toBe(LATEST_VERSION);
  });
});

describe('a vault made by a newer Upright', () => {
  it('is refused with VAULT_FROM_FUTURE, and nothing is written', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    vault.lock();
    await withRawDatabase(location, (db) => db.pragma(`user_version = ${LATEST_VERSION + 1}`));
    const before = fingerprint(location);

    expect(await errorCode(vault.unlock(PASSPHRASE))).toBe('VAULT_FROM_FUTURE');
    expect(vault.status().state).toBe('locked');
    expect(fingerprint(location)).toEqual(before);
  });
});
