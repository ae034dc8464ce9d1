// An import's writes happen in the vault worker, one transaction per file (issue 12: the main process
// never waits on SQLite for an import). The same batch stored on the calling thread and through the
// worker gives the same sources; a cancel or a lock in the middle of a batch leaves whole files only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBatch, type PendingFile } from '../../../src/main/import/pipeline.ts';
import type { Vault } from '../../../src/main/vault/vault.ts';
import type { ImportOutcome } from '../../../src/shared/api.ts';
import { appDataDir, cleanup, newVault, PASSPHRASE, sha256 } from '../vault/helpers.ts';

const DOCS = 'tests/fixtures/documents';
const FILES = [
  'ilo-cas-kazakhstan-c87-2022.pdf',
  'field-note-ru.docx',
  'ictur-upr-submission-kazakhstan.html',
  'field-note-ru.windows-1251.txt',
  'ilo-cas-kazakhstan-c87-2022.txt',
];

const fixture = (name: string): PendingFile => {
  const bytes = new Uint8Array(readFileSync(`${DOCS}/${name}`));
  return { name, size: bytes.byteLength, modifiedAt: Date.UTC(2024, 2, 1), read: async () => bytes };
};

const made: Vault[] = [];
afterEach(() => {
  for (const vault of made.splice(0)) vault.lock();
  cleanup();
});

async function openVault(tasksOnMainThread = false): Promise<{ vault: Vault; dossierId: string }> {
  const vault = newVault(join(appDataDir(), 'vault'), { tasksOnMainThread });
  made.push(vault);
  await vault.create(PASSPHRASE);
  return { vault, dossierId: vault.store().dossiers.create({ title: 'Kazakhstan' }).id };
}

function batch(vault: Vault, dossierId: string, files: PendingFile[], signal = new AbortController().signal) {
  return importBatch({ taskId: 't', dossierId, files, vault, signal, onProgress: () => {} });
}

/** What a stored source holds, without what differs between two vaults (ids, times). */
function stored(vault: Vault, dossierId: string) {
  const store = vault.store();
  return store.sources.list(dossierId).map((summary) => {
    const {
      id,
      createdAt,
      updatedAt,
      importedAt,
      dossierId: _,
      ...detail
    } = store.sources.detail(summary.id) as unknown as Record<string, unknown> & { id: string };
    const original = store.sources.originalFile(id);
    return { ...detail, original: original && sha256(original.bytes) };
  });
}

const comparable = (outcomes: ImportOutcome[]) =>
  outcomes.map(({ sourceId, duplicateOf, sameTextAs, ...rest }) => ({
    ...rest,
    duplicate: duplicateOf !== null,
    sameTextAs: sameTextAs.map((s) => s.title),
  }));

describe('the import stores its files in the vault worker', () => {
  it('stores the same sources, outcomes and audit entries as on the calling thread', { timeout: 120_000 }, async () => {
    const files = () => [...FILES.map(fixture), fixture(FILES[0] as string)];
    const here = await openVault(true);
    const there = await openVault(false);
    const inProcess = await batch(here.vault, here.dossierId, files());
    const inWorker = await batch(there.vault, there.dossierId, files());

    expect(comparable(inWorker)).toEqual(comparable(inProcess));
    expect(inWorker.map((r) => r.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'imported',
      'duplicate',
    ]);
    // The text file is the PDF's text: the renditions check ran in the worker too.
    expect(inWorker[4]?.sameTextAs.map((s) => s.title)).toEqual([inWorker[0]?.title]);
    expect(stored(there.vault, there.dossierId)).toEqual(stored(here.vault, here.dossierId));
    // One audit entry per stored file, written by the worker's connection, and the chain still holds.
    const audit = there.vault.store().audit;
    expect(audit.list().filter((e) => e.action === 'source.add')).toHaveLength(5);
    expect(audit.verifyChain()).toBeNull();
    expect(audit.verifyHead()).toBe(true);
  });

  it('the main connection and the worker write side by side without a busy failure or a forked audit chain', {
    timeout: 120_000,
  }, async () => {
    const { vault, dossierId } = await openVault();
    const store = vault.store();
    let writes = 0;
    // While the batch is stored, the main connection keeps writing (as a person editing would).
    const editing = setInterval(() => {
      store.dossiers.update(dossierId, { summary: `edited ${++writes}` });
    }, 1);
    const results = await importBatch({
      taskId: 't',
      dossierId,
      files: FILES.map(fixture),
      vault,
      signal: new AbortController().signal,
      onProgress: () => {},
    }).finally(() => clearInterval(editing));
    expect(results.every((r) => r.status === 'imported')).toBe(true);
    expect(store.dossiers.require(dossierId).summary).toBe(`edited ${writes}`);
    expect(store.audit.verifyChain()).toBeNull();
    expect(store.audit.verifyHead()).toBe(true);
  });

  it('a cancel between files keeps the files already stored whole, and nothing of the rest', {
    timeout: 120_000,
  }, async () => {
    const { vault, dossierId } = await openVault();
    const controller = new AbortController();
    const auditBefore = vault.store().audit.count();
    const results = await importBatch({
      taskId: 't',
      dossierId,
      files: FILES.map(fixture),
      vault,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.outcome?.status === 'imported' && progress.done === 2) controller.abort();
      },
    });
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'cancelled', 'cancelled', 'cancelled']);
    const sources = vault.store().sources.list(dossierId);
    expect(sources.map((s) => s.fileName)).toEqual(FILES.slice(0, 2));
    for (const [i, source] of sources.entries()) {
      const original = vault.store().sources.originalFile(source.id);
      expect(original && sha256(original.bytes)).toBe(sha256(readFileSync(`${DOCS}/${FILES[i]}`)));
      expect(vault.store().sources.detail(source.id).text.length).toBeGreaterThan(100);
    }
    expect(vault.store().audit.count()).toBe(auditBefore + 2);
  });

  it('a lock while a file is being stored rolls that file back whole', { timeout: 120_000 }, async () => {
    const { vault, dossierId } = await openVault();
    const big = new TextEncoder().encode('Witness statement about the detention. '.repeat(60_000));
    const files: PendingFile[] = [
      fixture(FILES[1] as string),
      { name: 'big.txt', size: big.byteLength, read: async () => big },
      fixture(FILES[3] as string),
    ];
    const controller = new AbortController();
    const results = await importBatch({
      taskId: 't',
      dossierId,
      files,
      vault,
      // The parse of the big file is done: it is being stored when the vault locks.
      parse: async (bytes, name, limits, signal) => {
        const { ParseSandbox } = await import('../../../src/main/import/sandbox.ts');
        const sandbox = new ParseSandbox();
        try {
          return await sandbox.parsePacked(bytes, name, limits, signal);
        } finally {
          await sandbox.close();
          if (name === 'big.txt')
            setImmediate(() => {
              controller.abort();
              vault.lock();
            });
        }
      },
      signal: controller.signal,
      onProgress: () => {},
    });
    expect(results[0]?.status).toBe('imported');
    expect(results[2]?.status).toBe('cancelled');
    await vault.unlock(PASSPHRASE);
    const names = vault
      .store()
      .sources.list(dossierId)
      .map((s) => s.fileName);
    // The big file is there whole (its transaction committed before the lock) or not at all.
    expect(names).toEqual(results[1]?.status === 'imported' ? [FILES[1], 'big.txt'] : [FILES[1]]);
    for (const source of vault.store().sources.list(dossierId)) {
      const text = vault.store().sources.detail(source.id).text;
      if (source.fileName === 'big.txt') expect(text.length).toBeGreaterThan(2_000_000);
    }
    expect(vault.store().integrityCheck()).toEqual(['ok']);
    expect(vault.store().audit.verifyChain()).toBeNull();
    expect(vault.store().audit.count()).toBe(1 + 1 + names.length); // create, dossier, one per source
  });
});
