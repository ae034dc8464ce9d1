// Opening a vault written by an older or a newer Upright.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openEncryptedDatabase } from '../../../src/main/store/database.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../src/main/store/migrations/index.ts';
import {
  createPassphraseSlot,
  createRecoverySlot,
  readKeySlotFile,
  writeKeySlotFile,
} from '../../../src/main/vault/keyslots.ts';
import type { MigrationProgress } from '../../../src/shared/api/vault.ts';
import {
  appDataDir,
  CHEAP_KDF,
  cleanup,
  dataKeyOf,
  errorCode,
  fingerprint,
  newVault,
  PASSPHRASE,
  withRawDatabase,
  writeLegacyKeySlotFile,
} from './helpers.ts';

afterEach(cleanup);

/** A vault left at schema `version` by an older Upright, holding `sources` sources of 20,000 characters. */
async function olderVaultWithSources(version: number, sources: number): Promise<string> {
  const location = join(appDataDir(), 'vault');
  mkdirSync(location);
  const dataKey = randomBytes(32);
  const db = openEncryptedDatabase(join(location, 'vault.db'), dataKey, { create: true });
  migrate(db, version);
  const body = 'Dockworkers were dismissed after the strike; the court upheld the dismissal. '.repeat(260);
  db.transaction(() => {
    db.prepare("INSERT INTO dossier (id, title) VALUES ('d1', 'Old dossier')").run();
    const add = db.prepare(
      "INSERT INTO source (id, dossier_id, title, kind, text) VALUES (?, 'd1', ?, 'ngo_report', ?)",
    );
    for (let i = 0; i < sources; i++) add.run(`s${i}`, `Report ${i}`, `${body} Number ${i}.`);
  })();
  closeDatabase(db);
  writeKeySlotFile(
    join(location, 'keyslots.json'),
    [await createPassphraseSlot(PASSPHRASE, dataKey, CHEAP_KDF), createRecoverySlot(randomBytes(32), dataKey)],
    dataKey,
  );
  dataKey.fill(0);
  return location;
}

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
    writeLegacyKeySlotFile(join(location, 'keyslots.json'), [
      await createPassphraseSlot(PASSPHRASE, dataKey, CHEAP_KDF),
      createRecoverySlot(randomBytes(32), dataKey),
    ]);

    const vault = newVault(location);
    await vault.unlock(PASSPHRASE);

    const store = vault.store();
    expect(store.excerpts.get('e1')?.note).toBe('old note');
    expect(store.sources.searchText('dockworkers')).toEqual([{ id: 's1', title: 'Old report' }]);
    // The key file gains its MAC, and the audit log a sealed head.
    expect(readKeySlotFile(join(location, 'keyslots.json')).version).toBe(2);
    expect((await vault.verify()).audit).toMatchObject({ ok: true, headOk: true });
    vault.lock();
    expect(await withRawDatabase(location, schemaVersion)).toBe(LATEST_VERSION);
    await vault.unlock(PASSPHRASE);
    expect((await vault.verify()).ok).toBe(true);
    vault.lock();
  });

  it('is brought up to date in the vault worker, each step announced, while this thread keeps running', {
    timeout: 120_000,
  }, async () => {
    const location = await olderVaultWithSources(8, 150);
    const steps: MigrationProgress[] = [];
    let beats = 0;
    let beatsAtFirstStep = -1;
    let beatsAtEnd = -1;
    const vault = newVault(location, {
      onMigrationProgress: (progress) => {
        steps.push(progress);
        if (beatsAtFirstStep < 0) beatsAtFirstStep = beats;
        if (progress.finished) beatsAtEnd = beats;
      },
    });
    const heartbeat = setInterval(() => beats++, 1);
    try {
      await vault.unlock(PASSPHRASE);
    } finally {
      clearInterval(heartbeat);
    }
    const total = LATEST_VERSION - 8;
    expect(steps).toEqual([
      ...Array.from({ length: total }, (_, i) => ({ step: i + 1, total, version: 9 + i, finished: false })),
      { step: total, total, version: LATEST_VERSION, finished: true },
    ]);
    // The steps ran on another thread: this one beat while they ran (on this thread it could not have).
    expect(beatsAtEnd - beatsAtFirstStep).toBeGreaterThan(0);
    expect(vault.store().sources.list('d1')).toHaveLength(150);
    expect((await vault.verify()).ok).toBe(true);
    vault.lock();
    expect(await withRawDatabase(location, schemaVersion)).toBe(LATEST_VERSION);
  });

  it('a lock during the update stops it and leaves the vault as it was; the next unlock updates it', {
    timeout: 120_000,
  }, async () => {
    const location = await olderVaultWithSources(8, 150);
    const before = fingerprint(location);
    let locked = false;
    const vault = newVault(location, {
      onMigrationProgress: (progress) => {
        if (progress.step === 2 && !locked) {
          locked = true;
          vault.lock();
        }
      },
    });
    expect(await errorCode(vault.unlock(PASSPHRASE))).toBe('CANCELLED');
    expect(vault.status().state).toBe('locked');
    expect(await withRawDatabase(location, schemaVersion)).toBe(8);
    expect(Object.keys(fingerprint(location)).sort()).toEqual(Object.keys(before).sort());
    await vault.unlock(PASSPHRASE);
    expect(vault.store().sources.list('d1')).toHaveLength(150);
    vault.lock();
  });

  it('with its key file swapped for an unauthenticated one after the upgrade: KEYSLOT_CORRUPT', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    vault.lock();
    // Someone replaces the key file with a version-1 file (no MAC), e.g. to drop a slot unnoticed.
    const dataKey = await dataKeyOf(location);
    writeLegacyKeySlotFile(join(location, 'keyslots.json'), [
      await createPassphraseSlot(PASSPHRASE, dataKey, CHEAP_KDF),
    ]);
    dataKey.fill(0);
    expect(await errorCode(vault.unlock(PASSPHRASE))).toBe('KEYSLOT_CORRUPT');
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
