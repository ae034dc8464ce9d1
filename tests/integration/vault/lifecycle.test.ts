import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultStatusLike } from '../../../src/main/vault/vault.ts';
import {
  appDataDir,
  cleanup,
  errorCode,
  fingerprint,
  newVault,
  OPEN_VAULT_FILES,
  PASSPHRASE,
  withRawDatabase,
} from './helpers.ts';

afterEach(cleanup);

async function vaultWithNote(note = 'Met the union leader at the market') {
  const location = join(appDataDir(), 'vault');
  const vault = newVault(location);
  const { recoveryKey } = await vault.create(PASSPHRASE);
  const store = vault.store();
  const dossier = store.dossiers.create({ title: 'Kazakhstan UPR 5', country: 'KAZ' });
  const source = store.sources.add({
    dossierId: dossier.id,
    title: 'Interview 3',
    kind: 'testimony',
    text: 'Full text',
  });
  const excerpt = store.excerpts.add({ sourceId: source.id, exact: 'Full', start: 0, end: 4, note });
  return { location, vault, recoveryKey, excerptId: excerpt.id };
}

describe('a monitor creates a vault', () => {
  it('makes a folder with the encrypted database and its key slots, and leaves it unlocked', async () => {
    const location = join(appDataDir(), 'vault');
    const changes: VaultStatusLike[] = [];
    const vault = newVault(location, { onChange: (s) => changes.push(s) });
    expect(vault.status()).toEqual({ state: 'absent', location, autoLockMinutes: 10 });

    const { recoveryKey } = await vault.create(PASSPHRASE);

    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(vault.status().state).toBe('unlocked');
    expect(changes.map((c) => c.state)).toEqual(['unlocked']);
    expect(readdirSync(location).sort()).toEqual(OPEN_VAULT_FILES);
    expect(statSync(location).mode & 0o777).toBe(0o700);
    // The first audit entry records the creation.
    expect(vault.store().audit.list()[0]).toMatchObject({ seq: 1, action: 'vault.create' });
    // The key file reveals parameters, salts, nonces and ciphertext — nothing else.
    const slots = JSON.parse(readFileSync(join(location, 'keyslots.json'), 'utf8'));
    expect(slots.slots.map((s: { kind: string }) => s.kind)).toEqual(['passphrase', 'recovery']);
    expect(Object.keys(slots.slots[0]).sort()).toEqual([
      'ciphertext',
      'kdf',
      'kind',
      'nonce',
      'salt',
      'tag',
      'version',
    ]);
    expect(JSON.stringify(slots)).not.toContain(recoveryKey.slice(0, 5));
  });

  it('refuses a short passphrase and an existing vault', async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    expect(await errorCode(vault.create('short pass'))).toBe('WEAK_PASSPHRASE');
    expect(await errorCode(vault.create('            x'))).toBe('WEAK_PASSPHRASE');
    expect(existsSync(location)).toBe(false);
    await vault.create(PASSPHRASE);
    vault.lock();
    expect(await errorCode(newVault(location).create(PASSPHRASE))).toBe('VAULT_EXISTS');
  });
});

describe('a monitor locks the vault and unlocks it again', () => {
  it('keeps the data, forgets the key, and reports each change', async () => {
    const { location, vault, excerptId } = await vaultWithNote();
    const changes: string[] = [];
    const again = newVault(location, { onChange: (s) => changes.push(s.state) });
    vault.lock();
    vault.lock(); // idempotent
    expect(vault.status().state).toBe('locked');
    expect(await errorCode(() => vault.store())).toBe('VAULT_LOCKED');
    // Lock empties and removes the WAL: only the two files remain.
    expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db']);

    await again.unlock(PASSPHRASE);
    expect(again.status().state).toBe('unlocked');
    // While open: the WAL, its index (-shm: page numbers, no contents) and the guard that keeps
    // other processes out (-lock, empty). Lock removes all three.
    expect(readdirSync(location).sort()).toEqual(OPEN_VAULT_FILES);
    expect(again.store().excerpts.get(excerptId)?.note).toBe('Met the union leader at the market');
    again.lock();
    expect(changes).toEqual(['unlocked', 'locked']);
  });

  it('refuses a wrong passphrase without touching any file', async () => {
    const { location, vault } = await vaultWithNote();
    vault.lock();
    const before = fingerprint(location);
    expect(await errorCode(vault.unlock('correct horse battery stapler'))).toBe('WRONG_PASSPHRASE');
    expect(vault.status().state).toBe('locked');
    expect(fingerprint(location)).toEqual(before);
  });

  it('unlocking an absent vault says there is none', async () => {
    const vault = newVault(join(appDataDir(), 'nothing-here'));
    expect(await errorCode(vault.unlock(PASSPHRASE))).toBe('VAULT_NOT_FOUND');
  });

  it('a lock that arrives while the key is being derived wins', async () => {
    const { location, vault } = await vaultWithNote();
    vault.lock();
    const unlocking = vault.unlock(PASSPHRASE);
    vault.lock(); // e.g. the laptop suspends mid-unlock
    expect(await errorCode(unlocking)).toBe('CANCELLED');
    expect(vault.status().state).toBe('locked');
    expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db']);
  });
});

describe('a monitor who forgot the passphrase uses the recovery key', () => {
  it('opens the vault, sets a new passphrase, and the old one stops working', async () => {
    const { location, vault, recoveryKey, excerptId } = await vaultWithNote();
    vault.lock();
    // Written down by hand: lower case, spaces instead of dashes, O for 0 and l for 1.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'O').replaceAll('1', 'l');

    await vault.recover(typed, 'a brand new passphrase');

    expect(vault.status().state).toBe('unlocked');
    expect(vault.store().excerpts.get(excerptId)).not.toBeNull();
    expect(vault.store().audit.list().at(-1)?.action).toBe('vault.recover');
    vault.lock();
    expect(await errorCode(vault.unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    await vault.unlock('a brand new passphrase');
    vault.lock();
    // The recovery key still works after being used.
    await vault.recover(recoveryKey, 'yet another passphrase');
    vault.lock();
    expect(location).toBeTruthy();
  });

  it('a mistyped recovery key is called a typo, another vault’s key a wrong key; no file changes', async () => {
    const { location, vault, recoveryKey } = await vaultWithNote();
    const other = await vaultWithNote();
    other.vault.lock();
    vault.lock();
    const before = fingerprint(location);
    const chars = recoveryKey.split('');
    chars[7] = chars[7] === 'A' ? 'B' : 'A';
    expect(await errorCode(vault.recover(chars.join(''), 'a brand new passphrase'))).toBe('RECOVERY_KEY_TYPO');
    expect(await errorCode(vault.recover(recoveryKey.slice(0, -6), 'a brand new passphrase'))).toBe(
      'RECOVERY_KEY_LENGTH',
    );
    expect(await errorCode(vault.recover(other.recoveryKey, 'a brand new passphrase'))).toBe('WRONG_PASSPHRASE');
    expect(vault.status().state).toBe('locked');
    expect(fingerprint(location)).toEqual(before);
  });
});

describe('a monitor changes the passphrase', () => {
  it('rewrites only keyslots.json, never the database', async () => {
    const { location, vault } = await vaultWithNote();
    vault.lock();
    const before = fingerprint(location);
    const dbMtime = statSync(join(location, 'vault.db')).mtimeMs;

    await vault.changePassphrase(PASSPHRASE, 'the new long passphrase');

    const after = fingerprint(location);
    expect(after['vault.db']).toBe(before['vault.db']);
    expect(statSync(join(location, 'vault.db')).mtimeMs).toBe(dbMtime);
    expect(after['keyslots.json']).not.toBe(before['keyslots.json']);
    expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db']); // no temp file left
    expect(vault.status().state).toBe('locked');
    expect(await errorCode(vault.unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    await vault.unlock('the new long passphrase');
    vault.lock();
  });

  it('needs the current passphrase and a strong new one', async () => {
    const { location, vault } = await vaultWithNote();
    const before = fingerprint(location)['keyslots.json'];
    expect(await errorCode(vault.changePassphrase('not the passphrase', 'the new long passphrase'))).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(await errorCode(vault.changePassphrase(PASSPHRASE, 'short'))).toBe('WEAK_PASSPHRASE');
    expect(fingerprint(location)['keyslots.json']).toBe(before);
    vault.lock();
  });
});

describe('a monitor sets how soon the vault locks itself', () => {
  it('stores the minutes inside the vault, audits the change and reports it', async () => {
    const { location, vault } = await vaultWithNote();
    const seen: number[] = [];
    const watched = newVault(location, { onChange: (s) => seen.push(s.autoLockMinutes) });
    vault.lock();
    await watched.unlock(PASSPHRASE);
    watched.setAutoLockMinutes(3);
    expect(watched.status().autoLockMinutes).toBe(3);
    expect(await errorCode(() => watched.setAutoLockMinutes(0))).toBe('AUTO_LOCK_OUT_OF_RANGE');
    expect(await errorCode(() => watched.setAutoLockMinutes(241))).toBe('AUTO_LOCK_OUT_OF_RANGE');
    expect(await errorCode(() => watched.setAutoLockMinutes(2.5))).toBe('AUTO_LOCK_OUT_OF_RANGE');
    expect(watched.store().audit.list().at(-1)).toMatchObject({
      action: 'setting.change',
      entityId: 'autoLockMinutes',
    });
    watched.lock();
    expect(await errorCode(() => watched.setAutoLockMinutes(5))).toBe('VAULT_LOCKED');

    const fresh = newVault(location);
    expect(fresh.status().autoLockMinutes).toBe(10); // unknown until unlocked: the setting is encrypted
    await fresh.unlock(PASSPHRASE);
    expect(fresh.status().autoLockMinutes).toBe(3);
    fresh.lock();
    expect(seen).toEqual([10, 3, 3]);
  });
});

describe('raw access in tests', () => {
  it('opens the locked vault database with the unwrapped data key', async () => {
    const { location, vault } = await vaultWithNote();
    vault.lock();
    const count = await withRawDatabase(location, (db) => db.prepare('SELECT count(*) FROM excerpt').pluck().get());
    expect(count).toBe(1);
  });
});
