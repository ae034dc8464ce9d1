// IT staff carry a dossier between two vaults from a script: `upright identity show` prints the
// lawyer's public key, `upright bundle export` writes a bundle for it, and `upright bundle import`
// shows what would change (--dry-run), merges it, and finds nothing new the second time.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src/main/services.ts';
import { TEST_KDF } from '../../support/vault.ts';

const run = promisify(execFile);
const env = { UPRIGHT_PASSPHRASE: 'bundle passphrase for scripts', UPRIGHT_BUNDLE_PASSPHRASE: 'four ravens' };

async function upright(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/upright.js', ...args], {
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function json(args: string[]) {
  const result = await upright([...args, '--json']);
  expect(result.code, result.stderr + result.stdout).toBe(0);
  return JSON.parse(result.stdout);
}

describe('`upright bundle`', () => {
  it('exports a dossier to a colleague’s key or a passphrase and imports it, once', async () => {
    const home = mkdtempSync(join(tmpdir(), 'upright-cli-bundle-'));
    const monitor = join(home, 'monitor');
    const lawyer = join(home, 'lawyer');
    // The vaults are made in-process with a cheap key derivation (kept in their key files), so each
    // command below unlocks quickly; the commands themselves run as a script would run them.
    for (const location of [monitor, lawyer]) {
      const services = createServices({
        vaultLocation: location,
        runtime: { runtime: 'node', electron: null },
        dialogs: {
          chooseBackupFolder: async () => null,
          chooseImportPaths: async () => [],
          chooseSavePath: async () => null,
        },
        kdf: TEST_KDF,
      });
      await services.vault.create(env.UPRIGHT_PASSPHRASE);
      if (location === monitor) {
        const store = services.vault.store();
        const dossier = store.dossiers.create({ title: 'Kazakhstan' });
        const text = readFileSync('tests/fixtures/documents/field-note-ru.txt', 'utf8');
        store.sources.add({
          dossierId: dossier.id,
          title: 'Field note',
          kind: 'testimony',
          text,
          original: { bytes: Buffer.from(text), mediaType: 'text/plain', filename: 'field-note-ru.txt' },
        });
      }
      services.close();
    }

    const key = (await upright(['identity', 'show', lawyer])).stdout.trim();
    expect(key).toMatch(/^age1[0-9a-z]{58}$/);
    const out = join(home, 'kazakhstan.upright.age');
    const exported = await json(['bundle', 'export', monitor, '--dossier', 'Kazakhstan', '--to', key, '--out', out]);
    expect(exported).toMatchObject({ saved: true, originals: 1, tombstones: 0 });
    expect(readFileSync(out).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    // The same name again is refused unless --force.
    const again = await upright(['bundle', 'export', monitor, '--dossier', 'Kazakhstan', '--to', key, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('CLI_OUT_EXISTS');

    const dry = await json(['bundle', 'import', lawyer, out, '--dry-run']);
    expect(dry.merged).toBeNull();
    expect(dry.preview.counts.added).toBeGreaterThan(1);
    expect(dry.preview.dossier).toMatchObject({ title: 'Kazakhstan', exists: false });
    const merged = await json(['bundle', 'import', lawyer, out]);
    expect(merged.merged.added).toBe(dry.preview.counts.added);
    const twice = await json(['bundle', 'import', lawyer, out]);
    expect(twice.merged).toEqual({ added: 0, changed: 0, tombstoned: 0, keptMine: 0, keptBoth: 0 });

    // A bundle for the monitor's own key cannot be read by the lawyer.
    const own = (await upright(['identity', 'show', monitor])).stdout.trim();
    const mine = join(home, 'mine.age');
    await json(['bundle', 'export', monitor, '--dossier', 'Kazakhstan', '--to', own, '--out', mine]);
    const refused = await upright(['bundle', 'import', lawyer, mine]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('BUNDLE_NOT_FOR_YOU');

    // Through a shared inbox folder: written under a content-addressed name, listed, imported by name.
    const shared = join(home, 'inbox');
    await json(['bundle', 'inbox', monitor, '--folder', shared]);
    const listedEmpty = await json(['bundle', 'inbox', lawyer, '--folder', shared]);
    expect(listedEmpty.bundles).toEqual([]);
    await json(['bundle', 'export', monitor, '--dossier', 'Kazakhstan', '--to', key, '--inbox']);
    const listed = await json(['bundle', 'inbox', lawyer]);
    expect(listed.bundles).toHaveLength(1);
    const fromInbox = await json(['bundle', 'import', lawyer, listed.bundles[0].name, '--from-inbox']);
    expect(fromInbox.preview.counts.added).toBe(0);
    expect((await json(['bundle', 'inbox', lawyer])).bundles).toEqual([]);

    // A passphrase bundle (the passphrase from the environment) opens without keys.
    const locked = join(home, 'locked.age');
    await json(['bundle', 'export', monitor, '--dossier', 'Kazakhstan', '--passphrase', '--out', locked]);
    const opened = await json(['bundle', 'import', lawyer, locked, '--dry-run']);
    expect(opened.preview.counts).toMatchObject({ added: 0, conflicts: 0 });
  }, 300_000);
});
