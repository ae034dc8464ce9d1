import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appDataDir, CHEAP_KDF, cleanup, newVault, PASSPHRASE, withRawDatabase } from './helpers.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  cleanup();
});

function run(script: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'children', script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

async function outputOf(child: ChildProcess): Promise<string> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`child exited with ${code}: ${err}`);
  return out;
}

async function vaultWithExcerpt() {
  const location = join(appDataDir(), 'vault');
  const vault = newVault(location);
  await vault.create(PASSPHRASE);
  const store = vault.store();
  const dossier = store.dossiers.create({ title: 'Dossier' });
  const source = store.sources.add({ dossierId: dossier.id, title: 'Interview', kind: 'testimony', text: 'text' });
  store.excerpts.add({ sourceId: source.id, exact: 'text', start: 0, end: 4, note: 'met at the market' });
  return { location, vault, sourceId: source.id };
}

describe('the same vault opened by a second process', () => {
  it('is refused with VAULT_IN_USE while the first holds it, and the first keeps working', async () => {
    const { location, vault } = await vaultWithExcerpt();

    const result = JSON.parse(await outputOf(run('open-vault.ts', [location, PASSPHRASE, JSON.stringify(CHEAP_KDF)])));

    expect(result).toEqual({ ok: false, code: 'VAULT_IN_USE' });
    expect(vault.store().excerpts.searchText('market')).toHaveLength(1);
    vault.store().dossiers.create({ title: 'Still writable' });
    vault.lock();
    // Once the first process let go, the second may open it.
    const after = JSON.parse(await outputOf(run('open-vault.ts', [location, PASSPHRASE, JSON.stringify(CHEAP_KDF)])));
    expect(after).toEqual({ ok: true, excerpts: 1 });
  });
});

describe('the app is killed while writing', () => {
  it('loses no commit it reported, and the database is sound', async () => {
    const { location, vault, sourceId } = await vaultWithExcerpt();
    vault.lock();
    const child = run('writer.ts', [location, PASSPHRASE, JSON.stringify(CHEAP_KDF), sourceId]);
    const reported: number[] = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.on('close', (code) => reject(new Error(`writer stopped early (${code})`)));
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (/^\d+$/.test(line)) reported.push(Number(line));
        if (reported.length >= 150) {
          child.kill('SIGKILL'); // mid-loop: the writer is committing as fast as it can
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(child.signalCode).toBe('SIGKILL');

    // The OS released the dead process's lock: the vault opens, and every reported commit is there.
    const reopened = newVault(location);
    await reopened.unlock(PASSPHRASE);
    expect(reopened.store().integrityCheck()).toEqual(['ok']);
    expect(reopened.store().audit.verifyChain()).toBeNull();
    reopened.lock();
    const present = await withRawDatabase(
      location,
      (db) => new Set(db.prepare("SELECT exact FROM excerpt WHERE exact LIKE 'commit %'").pluck().all() as string[]),
    );
    const missing = reported.filter((n) => !present.has(`commit ${n}`));
    expect(missing).toEqual([]);
    expect(present.size).toBeGreaterThanOrEqual(reported.length);
  });
});
