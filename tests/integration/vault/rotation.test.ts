// Rotating the vault's keys: a passphrase change alone keeps the data key, so a copy of the old key
// file (every backup carries one) with the old passphrase would still open data written afterwards.
// Re-encryption under a new data key, with a new recovery key, locks every old key file out.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDatabase, rekeyCopy, vacuumInto } from '../../../src/main/store/database.ts';
import {
  openPassphraseSlot,
  openRecoverySlot,
  parseKeySlotFile,
  passphraseSlotOf,
  recoverySlotOf,
} from '../../../src/main/vault/keyslots.ts';
import { parseRecoveryKey } from '../../../src/main/vault/recovery-key.ts';
import {
  appDataDir,
  cleanup,
  dataKeyOf,
  decryptedPages,
  errorCode,
  fingerprint,
  newVault,
  PASSPHRASE,
  withRawDatabase,
} from './helpers.ts';

afterEach(cleanup);

const NEW_PASSPHRASE = 'a brand new passphrase for 2026';

function dossierTitles(vault: ReturnType<typeof newVault>): string[] {
  return vault
    .store()
    .dossiers.list()
    .map((d) => d.title)
    .sort();
}

/** A folder holding this vault's current database beside an older key file, as an attacker would assemble it. */
function withKeyFile(location: string, keyFileText: string): string {
  const folder = join(appDataDir(), 'assembled');
  mkdirSync(folder);
  copyFileSync(join(location, 'vault.db'), join(folder, 'vault.db'));
  writeFileSync(join(folder, 'keyslots.json'), keyFileText);
  return folder;
}

describe('a monitor re-encrypts the vault after a key file may have been copied', () => {
  it('the old key file with the old passphrase or the old recovery key opens nothing written after', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    const { recoveryKey: oldRecoveryKey } = await vault.create(PASSPHRASE);
    vault.store().dossiers.create({ title: 'Before the rotation' });
    const oldKeyFile = readFileSync(join(location, 'keyslots.json'), 'utf8'); // the copy someone kept

    const { recoveryKey: newRecoveryKey } = await vault.rotateKeys(PASSPHRASE, NEW_PASSPHRASE);
    expect(newRecoveryKey).not.toBe(oldRecoveryKey);
    expect(vault.status().state).toBe('unlocked');
    vault.store().dossiers.create({ title: 'After the rotation' });
    expect(dossierTitles(vault)).toEqual(['After the rotation', 'Before the rotation']);
    const report = await vault.verify();
    expect(report.ok).toBe(true);
    expect(
      vault
        .store()
        .audit.list()
        .map((e) => e.action),
    ).toContain('vault.rotate');
    vault.lock();
    expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db']);

    // The old key file still unwraps the old data key with the old secrets — and that key opens nothing.
    const old = parseKeySlotFile(oldKeyFile);
    const oldKeyByPassphrase = await openPassphraseSlot(passphraseSlotOf(old), PASSPHRASE);
    const oldKeyByRecovery = openRecoverySlot(recoverySlotOf(old), parseRecoveryKey(oldRecoveryKey));
    for (const key of [oldKeyByPassphrase, oldKeyByRecovery]) {
      expect(await errorCode(() => openEncryptedDatabase(join(location, 'vault.db'), key))).toBe('VAULT_CORRUPT');
    }
    // Nor does the app, given the old key file beside the new database.
    const assembled = withKeyFile(location, oldKeyFile);
    expect(await errorCode(newVault(assembled).unlock(PASSPHRASE))).toBe('VAULT_CORRUPT');
    expect(await errorCode(newVault(withKeyFile(location, oldKeyFile)).recover(oldRecoveryKey, NEW_PASSPHRASE))).toBe(
      'VAULT_CORRUPT',
    );

    // The current key file: the old secrets are refused, the new ones open everything.
    expect(await errorCode(vault.unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    expect(await errorCode(vault.recover(oldRecoveryKey, 'yet another passphrase 1'))).toBe('WRONG_PASSPHRASE');
    await vault.unlock(NEW_PASSPHRASE);
    expect(dossierTitles(vault)).toEqual(['After the rotation', 'Before the rotation']);
    vault.lock();
    await vault.recover(newRecoveryKey, 'yet another passphrase 2');
    expect(dossierTitles(vault)).toEqual(['After the rotation', 'Before the rotation']);
    vault.lock();
  });

  it('can keep the passphrase: the same words open the re-encrypted vault, the old key file does not', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    const oldKeyFile = readFileSync(join(location, 'keyslots.json'), 'utf8');
    await vault.rotateKeys(PASSPHRASE, null);
    vault.store().dossiers.create({ title: 'After' });
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(dossierTitles(vault)).toEqual(['After']);
    vault.lock();
    expect(await errorCode(newVault(withKeyFile(location, oldKeyFile)).unlock(PASSPHRASE))).toBe('VAULT_CORRUPT');
  });

  it('a backup made before the rotation keeps the old keys (what the Settings page warns about)', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    const backup = join(appDataDir(), 'usb', 'backup');
    await vault.backup(backup);
    await vault.rotateKeys(PASSPHRASE, NEW_PASSPHRASE);
    vault.lock();
    const old = newVault(backup);
    await old.unlock(PASSPHRASE);
    expect(old.status().state).toBe('unlocked');
    old.lock();
  });

  it('needs the current passphrase and an unlocked vault, and changes no file when refused', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    const keyFile = readFileSync(join(location, 'keyslots.json'));
    expect(await errorCode(vault.rotateKeys('not the passphrase at all', NEW_PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    expect(await errorCode(vault.rotateKeys(PASSPHRASE, 'short'))).toBe('WEAK_PASSPHRASE');
    expect(readFileSync(join(location, 'keyslots.json')).equals(keyFile)).toBe(true);
    expect(readdirSync(location)).not.toContain('vault.db.next');
    vault.lock();
    const locked = fingerprint(location);
    expect(await errorCode(vault.rotateKeys(PASSPHRASE, NEW_PASSPHRASE))).toBe('VAULT_LOCKED');
    expect(fingerprint(location)).toEqual(locked);
    await vault.unlock(PASSPHRASE);
    vault.lock();
  });
});

describe('a vault made before AEGIS-256 (its pages in ChaCha20-Poly1305)', () => {
  /** Turns a locked vault's database into what older releases wrote: the same data key, ChaCha20 pages. */
  async function asOlderVault(location: string): Promise<void> {
    const older = join(location, 'older.db');
    await withRawDatabase(location, (db) => vacuumInto(db, older));
    const key = await dataKeyOf(location);
    try {
      rekeyCopy(older, key, key, 'chacha20-poly1305');
    } finally {
      key.fill(0);
    }
    renameSync(older, join(location, 'vault.db'));
  }

  const overflowingSearchLeaves = (location: string) =>
    withRawDatabase(location, (db) =>
      Number(
        db
          .prepare(`SELECT count(*) FROM dbstat WHERE name = 'search_fts_data' AND pagetype = 'overflow'`)
          .pluck()
          .get(),
      ),
    );

  it('opens as before, and re-encrypting it moves its every page to AEGIS-256', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    expect(vault.pageCipher()).toBe('aegis-256');
    vault.lock();
    // Its search index as older releases wrote it: FTS5's default 4,050-byte leaves.
    await withRawDatabase(location, (db) => db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('pgsz', 4050)"));
    await vault.unlock(PASSPHRASE);
    const dossier = vault.store().dossiers.create({ title: 'Zhanaozen 2011' });
    const words = Array.from({ length: 6000 }, (_, i) => `w${((i * 7919) % 100_000).toString(36)}`).join(' ');
    // Two sources, two index segments, as any vault in use has many (FTS5 leaves a lone segment be).
    for (const title of ['Word list', 'Second word list']) {
      vault.store().sources.add({ dossierId: dossier.id, title, kind: 'ngo_report', text: words });
    }
    vault.lock();
    // …and the leaf size migration 019 sets, for leaves written from then on.
    await withRawDatabase(location, (db) => db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('pgsz', 3900)"));
    await asOlderVault(location);
    expect(await overflowingSearchLeaves(location)).toBeGreaterThan(0);
    const before = await dataKeyOf(location);
    const older = decryptedPages(join(location, 'vault.db'), before);
    expect(older.cipher).toBe('chacha20-poly1305');
    expect(older.pages.includes('Zhanaozen 2011')).toBe(true); // the scan reads those pages too

    await vault.unlock(PASSPHRASE);
    expect(vault.pageCipher()).toBe('chacha20-poly1305');
    expect(dossierTitles(vault)).toEqual(['Zhanaozen 2011']);
    expect((await vault.verify()).ok).toBe(true);
    await vault.rotateKeys(PASSPHRASE, null);
    expect(vault.pageCipher()).toBe('aegis-256');
    expect(dossierTitles(vault)).toEqual(['Zhanaozen 2011']);
    expect(vault.store().search.query({ query: 'w63z' }).total).toBe(2); // found as before
    vault.lock();
    // Its index laid out again for the new pages: no leaf spills onto a second page.
    expect(await overflowingSearchLeaves(location)).toBe(0);

    const after = await dataKeyOf(location);
    const rotated = decryptedPages(join(location, 'vault.db'), after); // throws unless every page authenticates
    expect(rotated.cipher).toBe('aegis-256');
    expect(rotated.pages.includes('Zhanaozen 2011')).toBe(true);
    before.fill(0);
    after.fill(0);
  });
});

describe('a rotation cut short by a crash is settled at the next unlock', () => {
  /** Rotates, keeping the database file as it was before: the two halves of a swap. */
  async function rotatedWithOldDatabase() {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    vault.store().dossiers.create({ title: 'Kept' });
    vault.lock();
    const oldDb = readFileSync(join(location, 'vault.db'));
    const oldKeyFile = readFileSync(join(location, 'keyslots.json'));
    await vault.unlock(PASSPHRASE);
    await vault.rotateKeys(PASSPHRASE, NEW_PASSPHRASE);
    vault.lock();
    return { location, vault, oldDb, oldKeyFile };
  }

  it('after the new key file was written: the re-encrypted copy is moved into place', async () => {
    const { location, vault, oldDb } = await rotatedWithOldDatabase();
    // The state between the commit (new key file) and the rename: old vault.db, new vault.db.next.
    renameSync(join(location, 'vault.db'), join(location, 'vault.db.next'));
    writeFileSync(join(location, 'vault.db'), oldDb);
    await vault.unlock(NEW_PASSPHRASE);
    expect(dossierTitles(vault)).toEqual(['Kept']);
    expect((await vault.verify()).ok).toBe(true);
    vault.lock();
    expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db']);
  });

  it('before the new key file was written: the unfinished copy is removed and the old keys open', async () => {
    const { location, vault, oldDb, oldKeyFile } = await rotatedWithOldDatabase();
    renameSync(join(location, 'vault.db'), join(location, 'vault.db.next'));
    writeFileSync(join(location, 'vault.db'), oldDb);
    writeFileSync(join(location, 'keyslots.json'), oldKeyFile);
    await vault.unlock(PASSPHRASE);
    expect(dossierTitles(vault)).toEqual(['Kept']);
    vault.lock();
    expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db']);
  });
});

describe('a monitor replaces the recovery key', () => {
  it('the old recovery key stops opening the vault, the new one and the passphrase open it', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    const { recoveryKey: first } = await vault.create(PASSPHRASE);
    expect(await errorCode(vault.newRecoveryKey('not the passphrase at all'))).toBe('WRONG_PASSPHRASE');
    const { recoveryKey: second } = await vault.newRecoveryKey(PASSPHRASE);
    expect(second).not.toBe(first);
    vault.lock();
    expect(await errorCode(vault.recover(first, 'another good passphrase'))).toBe('WRONG_PASSPHRASE');
    await vault.recover(second, 'another good passphrase');
    vault.lock();
    await vault.unlock('another good passphrase');
    expect((await vault.verify()).ok).toBe(true);
    vault.lock();
  });
});
