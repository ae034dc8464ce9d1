// A monitor types a note on an excerpt and the vault locks before the note field loses focus —
// by the Lock button or Ctrl+L, the menu, the laptop going to sleep, the screen locking. Through
// the real services and API: the window (here a stand-in that answers as the renderer does) is
// asked to save, its save reaches the vault, and only then does the vault lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { createServices, type Services } from '../../../src/main/services.ts';
import { autoLockThrough } from '../../../src/main/vault/locker.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const PASSPHRASE = 'a long enough passphrase';
const opened: { services: Services; home: string }[] = [];

afterEach(() => {
  for (const { services, home } of opened.splice(0)) {
    services.close();
    rmSync(home, { recursive: true, force: true });
  }
});

async function setup() {
  const home = mkdtempSync(join(tmpdir(), 'upright-lock-path-'));
  const services = createServices({
    vaultLocation: join(home, 'vault'),
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async () => null,
    },
    kdf: KDF,
  });
  opened.push({ services, home });
  const ctx = { services, transport: 'test' as const };
  await call(handlers, 'vault.create', { passphrase: PASSPHRASE }, ctx);
  const dossier = await call(handlers, 'dossier.create', { title: 'Kazakhstan' }, ctx);
  const text = 'The union was dissolved by the Economic Court on 4 January 2017.';
  const source = services.vault.store().sources.add({
    dossierId: dossier.id,
    title: 'Court record',
    kind: 'court_decision',
    text,
    original: { bytes: new TextEncoder().encode(text), filename: 'court.txt' },
  });
  const excerpt = await call(handlers, 'excerpt.create', { sourceId: source.id, start: 0, end: text.length }, ctx);

  // The window: a note typed but not yet saved, which it saves when asked, as the renderer does.
  const page = { note: '', discarded: 0 };
  services.events.listen((name, payload) => {
    if (name !== 'vault.locking') return;
    const { requestId } = payload as { requestId: string };
    void (async () => {
      if (page.note) await call(handlers, 'excerpt.update', { id: excerpt.id, note: page.note }, ctx);
      await call(handlers, 'vault.flushed', { requestId }, ctx);
    })();
  });
  services.locker.attach({
    count: () => 1,
    discard: () => {
      page.discarded++;
    },
  });

  async function noteAfterUnlock(): Promise<string> {
    expect(services.vault.status().state).toBe('locked');
    await call(handlers, 'vault.unlock', { passphrase: PASSPHRASE }, ctx);
    const [found] = (await call(handlers, 'excerpt.forSource', { sourceId: source.id }, ctx)).filter(
      (e) => e.id === excerpt.id,
    );
    return found?.note ?? '';
  }
  return { services, ctx, page, noteAfterUnlock };
}

describe('a note being typed survives every way of locking', () => {
  it('the Lock button and Ctrl+L (vault.lock from the page)', async () => {
    const { ctx, page, noteAfterUnlock } = await setup();
    page.note = 'Court file 2-113/2017, ask the lawyer for the appeal.';
    const status = await call(handlers, 'vault.lock', {}, ctx);
    expect(status.state).toBe('locked');
    expect(page.discarded).toBe(1);
    expect(await noteAfterUnlock()).toBe(page.note);
  });

  it('the menu’s Lock item', async () => {
    const { services, page, noteAfterUnlock } = await setup();
    page.note = 'Typed just before Vault › Lock.';
    await services.locker.lock('menu');
    expect(page.discarded).toBe(1);
    expect(await noteAfterUnlock()).toBe(page.note);
  });

  it.each(['suspend', 'lock-screen', 'locked-idle-state'] as const)('the system event %s', async (event) => {
    const { services, page, noteAfterUnlock } = await setup();
    page.note = `Typed as the laptop went to ${event}.`;
    const autoLock = autoLockThrough(
      services.locker,
      () => services.vault,
      () => 0,
    );
    expect(autoLock.systemEvent(event)).toBe(true);
    await expect.poll(() => services.vault.status().state).toBe('locked');
    expect(page.discarded).toBe(1);
    expect(await noteAfterUnlock()).toBe(page.note);
  });

  it('auto-lock after the idle minutes', async () => {
    const { services, page, noteAfterUnlock } = await setup();
    page.note = 'Typed, then the monitor walked away.';
    const autoLock = autoLockThrough(
      services.locker,
      () => services.vault,
      () => services.vault.status().autoLockMinutes * 60,
    );
    expect(autoLock.check()).toBe(true);
    await expect.poll(() => services.vault.status().state).toBe('locked');
    expect(await noteAfterUnlock()).toBe(page.note);
  });
});
