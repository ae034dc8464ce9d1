// A monitor switches Upright to Russian. The choice must already hold on the unlock screen, so it
// lives beside the vault, not inside it: readable while locked, private to the person (0600), and
// a damaged or planted file is ignored rather than trusted.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { type Context, call, dispatch } from '../../../src/main/api/registry.ts';
import { createServices } from '../../../src/main/services.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const PASSPHRASE = 'correct horse battery staple Baikonur';
let home = '';

afterEach(() => {
  if (home) rmSync(home, { recursive: true, force: true });
  home = '';
});

function session(existingHome?: string) {
  home = existingHome ?? mkdtempSync(join(tmpdir(), 'upright-prefs-'));
  const vaultLocation = join(home, 'vault');
  const services = createServices({
    vaultLocation,
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async () => null,
    },
    kdf: KDF,
  });
  const ctx: Context = { services, transport: 'test' };
  return { services, ctx, vaultLocation, file: join(dirname(vaultLocation), 'preferences.json') };
}

describe('the interface language, kept beside the vault', () => {
  it('follows the system until chosen, then keeps the choice across a lock and a restart', async () => {
    const first = session();
    expect(await call(handlers, 'app.preferences', {}, first.ctx)).toEqual({ language: null });

    // Chosen before any vault exists (on the create screen), and again while it is locked.
    expect(await call(handlers, 'app.setPreferences', { language: 'ru' }, first.ctx)).toEqual({ language: 'ru' });
    await call(handlers, 'vault.create', { passphrase: PASSPHRASE }, first.ctx);
    await call(handlers, 'vault.lock', {}, first.ctx);
    expect(await call(handlers, 'app.preferences', {}, first.ctx)).toEqual({ language: 'ru' });
    await call(handlers, 'app.setPreferences', { language: 'kk' }, first.ctx);
    first.services.close();

    const again = session(home);
    expect(await call(handlers, 'app.preferences', {}, again.ctx)).toEqual({ language: 'kk' });
    // Back to following the system.
    expect(await call(handlers, 'app.setPreferences', { language: null }, again.ctx)).toEqual({ language: null });
    expect(await call(handlers, 'app.preferences', {}, again.ctx)).toEqual({ language: null });
  });

  it('is a small file only its owner can read, holding the choice and nothing about the vault', async () => {
    const { ctx, file } = session();
    await call(handlers, 'vault.create', { passphrase: PASSPHRASE }, ctx);
    await call(handlers, 'app.setPreferences', { language: 'ru' }, ctx);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'ru' });
    // Written beside and renamed over: no half-written file is left behind.
    expect(readdirSync(dirname(file)).filter((name) => name.includes('preferences'))).toEqual(['preferences.json']);
  });

  it('refuses a language Upright does not have, and changes nothing', async () => {
    const { ctx } = session();
    await call(handlers, 'app.setPreferences', { language: 'ru' }, ctx);
    for (const bad of [{ language: 'de' }, { language: 'ru', theme: 'dark' }, { language: 7 }]) {
      const answer = await dispatch(handlers, 'app.setPreferences', bad, ctx);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    }
    expect(await call(handlers, 'app.preferences', {}, ctx)).toEqual({ language: 'ru' });
  });

  it('ignores a damaged or planted file and starts afresh from the system language', async () => {
    const { ctx, file } = session();
    for (const damaged of ['{"language": "ru"', '\u0000\u0001binary', '["ru"]', '{"language": "../../etc"}', '']) {
      writeFileSync(file, damaged);
      expect(await call(handlers, 'app.preferences', {}, ctx)).toEqual({ language: null });
    }
    // The next choice replaces the damaged file with a sound one.
    await call(handlers, 'app.setPreferences', { language: 'ru' }, ctx);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'ru' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
