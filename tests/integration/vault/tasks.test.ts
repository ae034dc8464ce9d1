// Verify and backup run in the vault worker, on a connection of its own, so that the main process
// keeps answering; they report progress, can be cancelled, and run one at a time.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PARTIAL_BACKUP_PREFIX } from '../../../src/main/vault/vault.ts';
import type { TaskProgress } from '../../../src/shared/api/vault.ts';
import { appDataDir, cleanup, errorCode, newVault, PASSPHRASE, withRawDatabase } from './helpers.ts';

afterEach(cleanup);

const PAGE_SIZE = 4096;

/** A vault whose sources carry originals of `originalKiB` each: enough pages that a check takes a while. */
async function vaultWithOriginals(count: number, originalKiB: number, progress?: TaskProgress[]) {
  const appData = appDataDir();
  const location = join(appData, 'vault');
  const vault = newVault(location, progress ? { onTaskProgress: (p) => progress.push(p) } : {});
  await vault.create(PASSPHRASE);
  const store = vault.store();
  const dossier = store.dossiers.create({ title: 'Case files' });
  const ids: string[] = [];
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const source = store.sources.add({
        dossierId: dossier.id,
        title: `Witness statement ${i}`,
        kind: 'testimony',
        text: `Statement ${i}`,
        original: { bytes: randomBytes(originalKiB * 1024), mediaType: 'application/pdf' },
      });
      ids.push(source.id);
    }
  });
  return { appData, location, vault, ids };
}

/** Resolves at the first progress event of `step` (the task is then surely under way). */
function whenStep(events: TaskProgress[], step: TaskProgress['step']): Promise<void> {
  return new Promise((resolve) => {
    const look = () => (events.some((e) => e.step === step && !e.finished) ? resolve() : setTimeout(look, 5));
    look();
  });
}

describe('verify runs in the vault worker', () => {
  it('reports a damaged original exactly as the check on the main thread does', async () => {
    const { location, vault, ids } = await vaultWithOriginals(6, 40);
    vault.lock();
    // Damage a page of the third original: an overflow page in the middle of the file, not one of
    // the pages unlock reads (a table's first or last leaf), so the vault still opens.
    const pages = await withRawDatabase(location, (db) => {
      const all = db
        .prepare("SELECT pageno FROM dbstat WHERE name = 'source_original' AND pagetype = 'overflow' ORDER BY path")
        .pluck()
        .all() as number[];
      const leaves = db
        .prepare("SELECT pageno FROM dbstat WHERE name = 'source_original' AND pagetype = 'leaf'")
        .pluck()
        .all() as number[];
      return { overflow: all, leaves };
    });
    const damaged = pages.overflow[Math.floor(pages.overflow.length / 2)] as number;
    expect(pages.leaves).not.toContain(damaged);
    const file = join(location, 'vault.db');
    const bytes = readFileSync(file);
    bytes[(damaged - 1) * PAGE_SIZE + 1000] = (bytes[(damaged - 1) * PAGE_SIZE + 1000] ?? 0) ^ 0x40;
    writeFileSync(file, bytes);

    const inWorker = newVault(location);
    await inWorker.unlock(PASSPHRASE);
    const fromWorker = await inWorker.verify();
    inWorker.lock();
    const onMain = newVault(location, { tasksOnMainThread: true });
    await onMain.unlock(PASSPHRASE);
    const fromMain = await onMain.verify();
    onMain.lock();

    expect(fromWorker.ok).toBe(false);
    expect(fromWorker.integrity).not.toEqual(['ok']);
    expect(fromWorker).toEqual(fromMain);
    expect(ids).toHaveLength(6);
  });

  it('tells the settings screen what it is doing, step by step, and when it has finished', async () => {
    const progress: TaskProgress[] = [];
    const { vault } = await vaultWithOriginals(5, 8, progress);
    const report = await vault.verify();
    expect(report.ok).toBe(true);
    expect(report.originals.checked).toBe(5);
    const steps = [...new Set(progress.filter((p) => !p.finished).map((p) => p.step))];
    expect(steps).toEqual(['pages', 'audit', 'originals']);
    expect(progress.at(-1)).toMatchObject({ task: 'verify', background: false, finished: true });
    expect(progress.filter((p) => p.step === 'originals' && !p.finished).at(-1)).toMatchObject({ done: 5, total: 5 });
    vault.lock();
  });
});

describe('a monitor cancels a long task', () => {
  it('cancels a verify: it fails with TASK_CANCELLED, records nothing, and the next one runs', async () => {
    const progress: TaskProgress[] = [];
    const { vault } = await vaultWithOriginals(40, 256, progress);
    const running = vault.verify();
    await whenStep(progress, 'pages');
    expect(vault.runningTask()).toEqual({ kind: 'verify' });
    expect(await vault.cancelTask()).toBe(true);
    expect(await errorCode(running)).toBe('TASK_CANCELLED');
    expect(vault.runningTask()).toBeNull();
    expect(vault.lastIntegrityCheck()).toBeNull();
    expect(await vault.cancelTask()).toBe(false); // nothing runs any more
    expect((await vault.verify()).ok).toBe(true);
    vault.lock();
  }, 60_000);

  it('cancels a backup: no folder under the chosen name and no partial copy beside it', async () => {
    const progress: TaskProgress[] = [];
    const { appData, vault } = await vaultWithOriginals(40, 256, progress);
    const usb = join(appData, 'usb');
    const running = vault.backup(join(usb, 'backup'));
    await whenStep(progress, 'copy');
    await vault.cancelTask();
    expect(await errorCode(running)).toBe('TASK_CANCELLED');
    expect(readdirSync(usb)).toEqual([]);
    // The audit log says nothing of a backup that was not made.
    expect(
      vault
        .store()
        .audit.list()
        .some((entry) => entry.action === 'vault.backup'),
    ).toBe(false);
    vault.lock();
  }, 60_000);
});

describe('one heavy task at a time', () => {
  it('refuses a second task while one runs, naming the one running', async () => {
    const { appData, vault } = await vaultWithOriginals(20, 64);
    const first = vault.verify();
    const second = await caught(vault.verify());
    const backup = await caught(vault.backup(join(appData, 'usb', 'backup')));
    expect(second).toEqual({ code: 'VAULT_TASK_RUNNING', params: { running: 'verify' } });
    expect(backup).toEqual({ code: 'VAULT_TASK_RUNNING', params: { running: 'verify' } });
    expect(existsSync(join(appData, 'usb'))).toBe(false);
    expect((await first).ok).toBe(true);
    // Once it has finished, the backup runs.
    expect((await vault.backup(join(appData, 'usb', 'backup'))).bytes).toBeGreaterThan(0);
    vault.lock();
  }, 60_000);

  it('lets the person’s own verify go before the idle check, which is cancelled', async () => {
    const progress: TaskProgress[] = [];
    const { vault } = await vaultWithOriginals(40, 256, progress);
    const idle = errorCode(vault.checkIntegrity());
    await whenStep(progress, 'pages');
    const own = await vault.verify();
    expect(own.ok).toBe(true);
    expect(await idle).toBe('TASK_CANCELLED');
    expect(progress.some((p) => p.background)).toBe(true);
    vault.lock();
  }, 60_000);
});

describe('the vault is locked while a task runs', () => {
  it('cancels the task and waits for it, then closes: the WAL is emptied and the folder is as before', async () => {
    const progress: TaskProgress[] = [];
    const { location, vault } = await vaultWithOriginals(40, 256, progress);
    const running = vault.verify();
    await whenStep(progress, 'pages');
    await vault.lockAfterTasks();
    expect(['TASK_CANCELLED', 'VAULT_LOCKED']).toContain(await errorCode(running));
    expect(vault.status().state).toBe('locked');
    expect(readdirSync(location).sort()).toEqual(['keyslots.json', 'vault.db']);
  }, 60_000);

  it('a lock during a backup leaves no partial copy', async () => {
    const progress: TaskProgress[] = [];
    const { appData, vault } = await vaultWithOriginals(40, 256, progress);
    const usb = join(appData, 'usb');
    const running = vault.backup(join(usb, 'backup'));
    await whenStep(progress, 'copy');
    vault.lock();
    expect(['TASK_CANCELLED', 'VAULT_LOCKED']).toContain(await errorCode(running));
    expect(readdirSync(usb).filter((name) => name.startsWith(PARTIAL_BACKUP_PREFIX) || name === 'backup')).toEqual([]);
  }, 60_000);
});

async function caught(promise: Promise<unknown>): Promise<{ code: string; params: unknown } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    const { code, params } = error as { code: string; params: unknown };
    return { code, params };
  }
}

describe('a lock after much writing', () => {
  it('has the vault worker copy a large WAL into the database first; the vault closes whole and opens again', {
    timeout: 120_000,
  }, async () => {
    const location = join(appDataDir(), 'vault');
    const vault = newVault(location);
    await vault.create(PASSPHRASE);
    const store = vault.store();
    const dossier = store.dossiers.create({ title: 'Written a lot' });
    store.transaction(() => {
      for (let i = 0; i < 60; i++)
        store.sources.add({ dossierId: dossier.id, title: `S${i}`, kind: 'other', text: `word${i} `.repeat(5000) });
    });
    expect(statSync(join(location, 'vault.db-wal')).size).toBeGreaterThan(1024 * 1024);
    await vault.lockAfterTasks();
    expect(vault.status().state).toBe('locked');
    expect(existsSync(join(location, 'vault.db-wal'))).toBe(false);
    await vault.unlock(PASSPHRASE);
    expect(vault.store().sources.list(dossier.id)).toHaveLength(60);
    expect(vault.store().integrityCheck()).toEqual(['ok']);
    vault.lock();
  });
});
