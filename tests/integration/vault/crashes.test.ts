// The laptop dies (or the app is killed) in the middle of a key rotation or a backup. A child
// process does the work and is killed with SIGKILL at random moments; after each kill:
// - rotation: the vault opens with either the old passphrase or the new one — never neither — with
//   all its data, and no leftover file;
// - backup: the folder asked for either does not exist or is a complete backup that opens; a
//   half-written copy only ever sits in a hidden ".upright-backup-partial-…" folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PARTIAL_BACKUP_PREFIX } from '../../../src/main/vault/vault.ts';
import { appDataDir, CHEAP_KDF, cleanup, errorCode, newVault, PASSPHRASE } from './helpers.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  cleanup();
});

const KILLS = 6;

/** A vault with a few MB of originals, so that re-encrypting or copying it takes a while. */
async function biggishVault() {
  const location = join(appDataDir(), 'vault');
  const vault = newVault(location);
  await vault.create(PASSPHRASE);
  const store = vault.store();
  const dossier = store.dossiers.create({ title: 'Dossier' });
  for (let i = 0; i < 4; i++) {
    store.sources.add({
      dossierId: dossier.id,
      title: `Report ${i}`,
      kind: 'ngo_report',
      text: `report ${i}`,
      original: { bytes: randomBytes(1024 * 1024), mediaType: 'application/pdf' },
    });
  }
  vault.lock();
  return location;
}

/** Runs the child until it says "ready", then kills it after delayMs (or lets it finish when null). */
async function runChild(args: string[], delayMs: number | null): Promise<{ finished: boolean; ms: number }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'children', 'rotator.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  let readyAt = 0;
  child.stderr?.on('data', (chunk) => (err += chunk));
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (!readyAt && out.includes('ready')) {
      readyAt = performance.now();
      if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (delayMs === null && code !== 0) throw new Error(`child exited with ${code}: ${err}`);
  return { finished: out.includes('done'), ms: performance.now() - readyAt };
}

describe('killed while re-encrypting', () => {
  it('leaves a vault that opens with the old keys or the new ones, never neither', async () => {
    const location = await biggishVault();
    const kdf = JSON.stringify(CHEAP_KDF);
    // One undisturbed run to learn how long a rotation takes here.
    const { ms } = await runChild([location, PASSPHRASE, kdf, 'rotate', 'passphrase number 0'], null);
    let current = 'passphrase number 0';
    const outcomes: string[] = [];
    for (let i = 1; i <= KILLS; i++) {
      const next = `passphrase number ${i}`;
      const delay = Math.random() * ms * 1.2;
      await runChild([location, current, kdf, 'rotate', next], delay);
      const vault = newVault(location);
      const withOld = await errorCode(vault.unlock(current));
      if (withOld === 'no error') {
        outcomes.push('old');
      } else {
        expect(withOld).toBe('WRONG_PASSPHRASE');
        await vault.unlock(next);
        outcomes.push('new');
        current = next;
      }
      expect(vault.store().sources.list(vault.store().dossiers.list()[0]?.id ?? '')).toHaveLength(4);
      expect((await vault.verify()).ok).toBe(true);
      vault.lock();
      expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db']);
    }
    console.log(`rotation ~${ms.toFixed(0)} ms; after ${KILLS} kills the vault opened with: ${outcomes.join(', ')}`);
  }, 120_000);
});

describe('killed inside the key file’s atomic write', () => {
  // writeFileAtomic writes ".keyslots.json.<12 hex>.tmp", fsyncs it, then renames it over the key
  // file: a kill in between leaves the temp file (under load the re-encryption kills above hit that
  // window now and then). The next unlock removes such files — only names of exactly that pattern.
  it('removes the stray temp file at the next unlock, and nothing else', async () => {
    const location = await biggishVault();
    const ours = ['.keyslots.json.0123456789ab.tmp', '.keyslots.json.fedcba987654.tmp'];
    const notOurs = ['.keyslots.json.notours.tmp', 'keyslots.json.0123456789ab.tmp', 'notes.tmp'];
    for (const name of [...ours, ...notOurs])
      writeFileSync(join(location, name), readFileSync(join(location, 'keyslots.json')));

    const vault = newVault(location);
    await vault.unlock(PASSPHRASE);
    vault.lock();

    expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db', ...notOurs].sort());
  });
});

describe('killed while backing up', () => {
  it('never leaves a folder under the chosen name that is not a complete backup', async () => {
    const location = await biggishVault();
    const kdf = JSON.stringify(CHEAP_KDF);
    const usb = appDataDir('upright-usb-');
    const { ms } = await runChild([location, PASSPHRASE, kdf, 'backup', join(usb, 'timing')], null);
    const outcomes: string[] = [];
    for (let i = 1; i <= KILLS; i++) {
      const target = join(usb, `backup-${i}`);
      await runChild([location, PASSPHRASE, kdf, 'backup', target], Math.random() * ms * 1.2);
      if (existsSync(target)) {
        const copy = newVault(target);
        await copy.unlock(PASSPHRASE);
        expect((await copy.verify()).ok).toBe(true);
        copy.lock();
        outcomes.push('complete');
      } else {
        outcomes.push('absent');
      }
      // Everything else in the folder is a hidden partial copy, named as such.
      const others = readdirSync(usb).filter((name) => name !== 'timing' && !/^backup-\d+$/.test(name));
      for (const name of others) expect(name.startsWith(PARTIAL_BACKUP_PREFIX)).toBe(true);
      // The vault itself is untouched by the kill.
      const vault = newVault(location);
      await vault.unlock(PASSPHRASE);
      vault.lock();
    }
    console.log(`backup ~${ms.toFixed(0)} ms; after ${KILLS} kills the chosen folder was: ${outcomes.join(', ')}`);
  }, 120_000);
});
