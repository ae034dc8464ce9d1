import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/main/store/canonical-json.ts';
import type { Vault } from '../../../src/main/vault/vault.ts';
import {
  appDataDir,
  cleanup,
  errorCode,
  fingerprint,
  newVault,
  PASSPHRASE,
  sha256,
  withRawDatabase,
} from './helpers.ts';

afterEach(cleanup);

let location: string;
let vault: Vault;

beforeEach(async () => {
  location = join(appDataDir(), 'vault');
  vault = newVault(location);
  await vault.create(PASSPHRASE);
  const store = vault.store();
  const dossier = store.dossiers.create({ title: 'Dossier' });
  const source = store.sources.add({
    dossierId: dossier.id,
    title: 'Report',
    kind: 'ngo_report',
    text: 'x'.repeat(5000),
  });
  // Enough rows that the database spans many pages past page 1.
  store.transaction(() => {
    for (let i = 0; i < 400; i++) {
      store.excerpts.add({
        sourceId: source.id,
        exact: 'x'.repeat(40),
        start: i,
        end: i + 40,
        note: `note ${i} `.repeat(20),
      });
    }
  });
  vault.lock();
});

const dbFile = () => join(location, 'vault.db');
const PAGE_SIZE = 4096;
/** The excerpt table's root page and its leaves in key order (first to last), as dbstat maps them. */
const excerptPages = () =>
  withRawDatabase(location, (db) => {
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'excerpt'").pluck().get() as number;
    const leaves = db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'excerpt' AND pagetype = 'leaf' ORDER BY path")
      .pluck()
      .all() as number[];
    return { root, leaves };
  });
const flip = (bytes: Buffer, at: number) => {
  bytes[at] = (bytes[at] ?? 0) ^ 0x40;
};

describe('a vault file damaged on disk is refused, and left as it was', () => {
  // Unlock reads a few pages per table, whatever the vault's size: the schema, every table's root
  // and its first and last leaf. Damage there is refused at the door.
  it.each([
    ["the excerpt table's root page", (_leaves: number[], root: number) => [root]],
    ["the excerpt table's last leaf", (leaves: number[]) => [leaves.at(-1) as number]],
    ['its first leaf', (leaves: number[]) => [leaves[0] as number]],
  ])('a flipped byte in %s: VAULT_CORRUPT at unlock, nothing written', async (_label, pagesOf) => {
    const { leaves, root } = await excerptPages();
    const bytes = readFileSync(dbFile());
    for (const page of pagesOf(leaves, root)) flip(bytes, (page - 1) * PAGE_SIZE + 1000);
    writeFileSync(dbFile(), bytes);
    const before = fingerprint(location);

    expect(await errorCode(newVault(location).unlock(PASSPHRASE))).toBe('VAULT_CORRUPT');
    expect(fingerprint(location)).toEqual(before);
  });

  // A page in the middle of a table is not read at unlock (that would make unlock grow with the
  // vault): verify() reads every page and reports it, as the background check does when idle.
  it('a flipped byte in a page unlock does not read: the vault opens, and verify reports the damage', async () => {
    const { leaves } = await excerptPages();
    expect(leaves.length).toBeGreaterThan(4);
    const middle = leaves[Math.floor(leaves.length / 2)] as number;
    const bytes = readFileSync(dbFile());
    flip(bytes, (middle - 1) * PAGE_SIZE + 1000);
    writeFileSync(dbFile(), bytes);

    const opened = newVault(location);
    await opened.unlock(PASSPHRASE);
    const report = await opened.verify();
    expect(report.ok).toBe(false);
    expect(report.integrity).not.toEqual(['ok']);
    expect(opened.lastIntegrityCheck()?.ok).toBe(false);
    // The check run in the background when idle finds it too, and the vault keeps what it found.
    const found = await opened.checkIntegrity();
    expect(found.ok).toBe(false);
    opened.lock();
    const later = newVault(location);
    await later.unlock(PASSPHRASE);
    expect(later.lastIntegrityCheck()).toEqual(found);
    later.lock();
  });

  it('a sound vault: the background check records that it found nothing, once unlocked again too', async () => {
    const opened = newVault(location);
    await opened.unlock(PASSPHRASE);
    expect(opened.lastIntegrityCheck()).toBeNull();
    const found = await opened.checkIntegrity(() => new Date('2026-12-05T12:00:00Z'));
    expect(found).toEqual({ checkedAt: '2026-12-05T12:00:00.000Z', ok: true });
    opened.lock();
    const later = newVault(location);
    await later.unlock(PASSPHRASE);
    expect(later.lastIntegrityCheck()).toEqual(found);
    later.lock();
  });

  it('a flipped byte in page 1 with the right key: VAULT_CORRUPT, not WRONG_PASSPHRASE', async () => {
    const bytes = readFileSync(dbFile());
    flip(bytes, 2000);
    writeFileSync(dbFile(), bytes);
    const before = fingerprint(location);
    expect(await errorCode(newVault(location).unlock(PASSPHRASE))).toBe('VAULT_CORRUPT');
    expect(fingerprint(location)).toEqual(before);
  });

  it.each([
    ['to half its size', (size: number) => Math.floor(size / 2 / 4096) * 4096],
    ['to a few bytes', () => 100],
    ['to nothing', () => 0],
  ])('a truncated vault.db (%s): VAULT_CORRUPT, nothing written', async (_label, newSize) => {
    truncateSync(dbFile(), newSize(statSync(dbFile()).size));
    const before = sha256(readFileSync(dbFile()));
    expect(await errorCode(newVault(location).unlock(PASSPHRASE))).toBe('VAULT_CORRUPT');
    expect(sha256(readFileSync(dbFile()))).toBe(before);
  });
});

describe('a damaged or tampered key file is refused as damaged, not as a wrong passphrase', () => {
  const slotsFile = () => join(location, 'keyslots.json');
  type SlotJson = { kdf: { memoryKiB: number; passes: number }; salt: string; ciphertext: string; hint?: string };
  const edit = (fn: (json: { slots: SlotJson[] }) => void) => () => {
    const json = JSON.parse(readFileSync(slotsFile(), 'utf8'));
    fn(json);
    writeFileSync(slotsFile(), JSON.stringify(json, null, 2));
  };
  const firstSlot = (fn: (slot: SlotJson) => void) =>
    edit((json) => {
      const slot = json.slots[0];
      if (slot) fn(slot);
    });

  it.each([
    ['is not JSON', () => writeFileSync(slotsFile(), '{"format": "upright-keyslots", "slots": [')],
    ['is empty', () => writeFileSync(slotsFile(), '')],
    [
      'has a raised memory cost',
      firstSlot((slot) => {
        slot.kdf.memoryKiB *= 2;
      }),
    ],
    [
      'has fewer passes',
      firstSlot((slot) => {
        slot.kdf.passes = 2;
      }),
    ],
    [
      'has another salt',
      firstSlot((slot) => {
        slot.salt = Buffer.alloc(16, 1).toString('base64');
      }),
    ],
    [
      'has a flipped ciphertext byte',
      firstSlot((slot) => {
        const bytes = Buffer.from(slot.ciphertext, 'base64');
        bytes[0] = (bytes[0] ?? 0) ^ 1;
        slot.ciphertext = bytes.toString('base64');
      }),
    ],
    [
      'lost its passphrase slot',
      edit((json) => {
        json.slots.shift();
      }),
    ],
    [
      'has an unknown field',
      firstSlot((slot) => {
        slot.hint = 'my cat';
      }),
    ],
  ])('a key file that %s: KEYSLOT_CORRUPT, vault.db untouched', async (_label, damage) => {
    damage();
    const before = sha256(readFileSync(dbFile()));
    expect(await errorCode(newVault(location).unlock(PASSPHRASE))).toBe('KEYSLOT_CORRUPT');
    expect(sha256(readFileSync(dbFile()))).toBe(before);
  });

  /** An edit by someone who knows the format: the checksum is recomputed, so only deeper checks catch it. */
  const reforge = (fn: (json: { slots: SlotJson[] }) => void) => () => {
    const { checksum: _old, ...body } = JSON.parse(readFileSync(slotsFile(), 'utf8'));
    fn(body);
    const checksum = createHash('sha256').update(canonicalJson(body)).digest('hex');
    writeFileSync(slotsFile(), JSON.stringify({ ...body, checksum }, null, 2));
  };

  it('a key file asking Argon2 for 4 GiB × 64 passes (checksum recomputed): KEYSLOT_CORRUPT at once, no hashing', async () => {
    reforge((json) => {
      const slot = json.slots[0] as SlotJson;
      slot.kdf.memoryKiB = 4 * 1024 * 1024;
      slot.kdf.passes = 64;
    })();
    const before = fingerprint(location);
    const started = performance.now();
    expect(await errorCode(newVault(location).unlock(PASSPHRASE))).toBe('KEYSLOT_CORRUPT');
    // Reported, not asserted (no timed assertions): the unlock ran no Argon2 at all.
    console.log(`refused a 4 GiB × 64-pass key file in ${(performance.now() - started).toFixed(1)} ms`);
    expect(fingerprint(location)).toEqual(before);
  });

  it('a key file whose recovery slot was removed (checksum recomputed): KEYSLOT_CORRUPT after unlock', async () => {
    reforge((json) => {
      json.slots.splice(1, 1);
    })();
    const before = fingerprint(location);
    const v = newVault(location);
    expect(await errorCode(v.unlock(PASSPHRASE))).toBe('KEYSLOT_CORRUPT');
    expect(v.status().state).toBe('locked');
    expect(fingerprint(location)).toEqual(before);
  });

  it('a key file with the recovery slot of another key file (checksum recomputed): KEYSLOT_CORRUPT', async () => {
    const other = join(appDataDir(), 'other');
    const otherVault = newVault(other);
    await otherVault.create(PASSPHRASE);
    otherVault.lock();
    const otherRecovery = JSON.parse(readFileSync(join(other, 'keyslots.json'), 'utf8')).slots[1];
    reforge((json) => {
      json.slots[1] = otherRecovery;
    })();
    expect(await errorCode(newVault(location).unlock(PASSPHRASE))).toBe('KEYSLOT_CORRUPT');
  });

  it('a missing key file beside an existing database: KEYSLOT_MISSING (status still "locked")', async () => {
    rmSync(slotsFile());
    const v = newVault(location);
    expect(v.status().state).toBe('locked');
    expect(await errorCode(v.unlock(PASSPHRASE))).toBe('KEYSLOT_MISSING');
  });

  it('a missing database beside the key file: VAULT_DATABASE_MISSING', async () => {
    rmSync(dbFile());
    expect(await errorCode(newVault(location).unlock(PASSPHRASE))).toBe('VAULT_DATABASE_MISSING');
  });
});
