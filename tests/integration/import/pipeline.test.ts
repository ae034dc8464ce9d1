// A monitor imports a batch through the API: what imports, what is refused and why, and that a
// refused or cancelled file leaves nothing behind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { importBatch, type PendingFile } from '../../../src/main/import/pipeline.ts';
import type { ImportProgress } from '../../../src/shared/api.ts';
import { freshVault } from '../../support/vault.ts';

const DOCS = 'tests/fixtures/documents';
const BAD = 'tests/fixtures/bad';

function file(path: string): { name: string; data: string } {
  return { name: path.split('/').pop() as string, data: readFileSync(path).toString('base64') };
}

describe('a monitor imports a mixed batch', () => {
  it('imports the good files, says why each bad one was refused, and keeps nothing of the bad ones', async () => {
    const { services, ctx, dossier } = await freshVault();
    const progress: ImportProgress[] = [];
    services.events.listen((name, payload) => name === 'import.progress' && progress.push(payload as ImportProgress));
    const auditBefore = services.vault.store().audit.count();

    const { results } = await call(
      handlers,
      'import.files',
      {
        taskId: 'batch-0001',
        dossierId: dossier.id,
        files: [
          file(`${DOCS}/ilo-cas-kazakhstan-c87-2022.pdf`),
          file(`${BAD}/password-protected.pdf`),
          file(`${BAD}/empty.pdf`),
          file(`${DOCS}/field-note-ru.docx`),
        ],
      },
      ctx,
    );

    expect(results.map((r) => [r.name, r.status, r.error?.code ?? null])).toEqual([
      ['ilo-cas-kazakhstan-c87-2022.pdf', 'imported', null],
      ['password-protected.pdf', 'failed', 'PDF_PASSWORD_PROTECTED'],
      ['empty.pdf', 'failed', 'FILE_EMPTY'],
      ['field-note-ru.docx', 'imported', null],
    ]);
    expect(results[0]).toMatchObject({
      pages: 3,
      title: expect.stringContaining('Information supplied by the Government'),
    });
    const sources = (await call(handlers, 'source.list', { dossierId: dossier.id }, ctx)).items;
    expect(sources.map((s) => s.fileName)).toEqual(['ilo-cas-kazakhstan-c87-2022.pdf', 'field-note-ru.docx']);
    expect(sources[0]).toMatchObject({
      kind: 'government_reply',
      symbol: 'CAN/D/Kazakhstan-C.87',
      format: 'pdf',
      pageCount: 3,
      language: 'en',
    });
    expect(sources[1]).toMatchObject({ kind: 'testimony', language: 'ru', format: 'docx' });
    // Two imports, two audit entries: the refused files wrote nothing.
    expect(services.vault.store().audit.count()).toBe(auditBefore + 2);
    // Progress was reported before and after every file.
    expect(progress.filter((p) => p.outcome !== null).map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4 && p.taskId === 'batch-0001')).toBe(true);
  });

  it('recognises the same bytes imported again instead of duplicating them', async () => {
    const { ctx, dossier } = await freshVault();
    const first = await call(
      handlers,
      'import.files',
      { taskId: 'batch-0002', dossierId: dossier.id, files: [file(`${DOCS}/ilo-cas-kazakhstan-c87-2022.txt`)] },
      ctx,
    );
    const again = await call(
      handlers,
      'import.files',
      { taskId: 'batch-0003', dossierId: dossier.id, files: [file(`${DOCS}/ilo-cas-kazakhstan-c87-2022.txt`)] },
      ctx,
    );
    expect(again.results[0]).toMatchObject({
      status: 'duplicate',
      duplicateOf: { sourceId: first.results[0]?.sourceId },
    });
    expect(again.results[0]).toMatchObject({
      error: { code: 'ALREADY_IMPORTED' },
      duplicateOf: { title: expect.stringMatching(/^Kazakhstan/) },
    });
    expect((await call(handlers, 'source.list', { dossierId: dossier.id }, ctx)).items).toHaveLength(1);
  });

  it('imports a whole folder chosen in the dialog, walking it in name order', async () => {
    const { ctx, dossier } = await freshVault({ importPaths: [BAD] });
    const { results } = await call(
      handlers,
      'import.pick',
      { taskId: 'batch-0004', dossierId: dossier.id, what: 'folder' },
      ctx,
    );
    expect(results.map((r) => r.name)).toEqual([
      'empty.pdf',
      'not-a-pdf.pdf',
      'password-protected.pdf',
      'scanned-image-only.pdf',
      'truncated.docx',
      'truncated.pdf',
    ]);
    expect(results.every((r) => r.status === 'failed' && r.error !== null)).toBe(true);
    // Each bad file gets its own message, not one generic failure.
    expect(new Set(results.map((r) => r.error?.code)).size).toBe(results.length);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { services, dossier } = await freshVault();
    let read = false;
    const huge: PendingFile = {
      name: 'huge.pdf',
      size: 10_000,
      read: async () => {
        read = true;
        return new Uint8Array(10_000);
      },
    };
    const results = await importBatch({
      taskId: 'batch-0005',
      dossierId: dossier.id,
      files: [huge],
      vault: services.vault,
      signal: new AbortController().signal,
      onProgress: () => {},
      limits: { maxBytes: 1000, timeoutMs: 10_000 },
    });
    expect(results[0]).toMatchObject({ status: 'failed', error: { code: 'FILE_OVER_LIMIT' } });
    expect(read).toBe(false);
  });

  it('stops when cancelled: files already imported stay, the rest are marked cancelled', async () => {
    const { services, dossier } = await freshVault();
    const controller = new AbortController();
    const files: PendingFile[] = [
      'ilo-cas-kazakhstan-c87-2022.txt',
      'field-note-ru.txt',
      'ictur-upr-submission-kazakhstan.txt',
    ].map((name) => {
      const bytes = new Uint8Array(readFileSync(`${DOCS}/${name}`));
      return { name, size: bytes.byteLength, read: async () => bytes };
    });
    const results = await importBatch({
      taskId: 'batch-0006',
      dossierId: dossier.id,
      files,
      vault: services.vault,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.outcome?.status === 'imported') controller.abort();
      },
    });
    expect(results.map((r) => r.status)).toEqual(['imported', 'cancelled', 'cancelled']);
    expect(services.vault.store().sources.list(dossier.id)).toHaveLength(1);
  });

  it('refuses to import while the vault is locked', async () => {
    const { services, ctx, dossier } = await freshVault();
    services.vault.lock();
    await expect(
      call(
        handlers,
        'import.files',
        { taskId: 'batch-0007', dossierId: dossier.id, files: [file(`${DOCS}/field-note-ru.txt`)] },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});

describe('a monitor corrects and removes sources', () => {
  it('edits metadata, rejects malformed values, and deletes a source with its original', async () => {
    const { services, ctx, dossier } = await freshVault();
    const { results } = await call(
      handlers,
      'import.files',
      { taskId: 'batch-0008', dossierId: dossier.id, files: [file(`${DOCS}/field-note-ru.txt`)] },
      ctx,
    );
    const id = results[0]?.sourceId as string;
    const updated = await call(
      handlers,
      'source.update',
      { id, title: 'Field note, Karaganda', date: '2023-03', reliabilityNote: 'Interviewed in person' },
      ctx,
    );
    expect(updated).toMatchObject({ title: 'Field note, Karaganda', date: '2023-03', kind: 'testimony' });
    await expect(call(handlers, 'source.update', { id, date: 'March 2023' }, ctx)).rejects.toMatchObject({
      code: 'INVALID_PARAMS',
    });

    const original = await call(handlers, 'source.original', { id }, ctx);
    expect(Buffer.from(original.data, 'base64').equals(readFileSync(`${DOCS}/field-note-ru.txt`))).toBe(true);

    expect(await call(handlers, 'source.delete', { id }, ctx)).toEqual({ deleted: true });
    expect((await call(handlers, 'source.list', { dossierId: dossier.id }, ctx)).items).toEqual([]);
    await expect(call(handlers, 'source.get', { id }, ctx)).rejects.toMatchObject({ code: 'SOURCE_NOT_FOUND' });
    expect(services.vault.store().sources.original(id)).toBeNull();
    expect((await services.vault.verify()).ok).toBe(true);
  });
});

describe('dossiers', () => {
  it('are created, described, archived out of the list and restored', async () => {
    const { ctx, dossier } = await freshVault();
    const described = await call(
      handlers,
      'dossier.update',
      {
        id: dossier.id,
        country: 'KAZ',
        themes: ['trade unions'],
        targetReview: { mechanism: 'UPR', cycle: 5, deadline: '2027-03-15' },
      },
      ctx,
    );
    expect(described).toMatchObject({
      title: 'Kazakhstan',
      country: 'KAZ',
      targetReview: { mechanism: 'UPR', cycle: 5, session: null, deadline: '2027-03-15' },
    });
    await expect(
      call(handlers, 'dossier.update', { id: dossier.id, country: 'Kazakhstan' }, ctx),
    ).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await call(handlers, 'dossier.archive', { id: dossier.id, archived: true }, ctx);
    expect(await call(handlers, 'dossier.list', {}, ctx)).toEqual([]);
    expect(await call(handlers, 'dossier.list', { includeArchived: true }, ctx)).toHaveLength(1);
    await call(handlers, 'dossier.archive', { id: dossier.id, archived: false }, ctx);
    expect(await call(handlers, 'dossier.list', {}, ctx)).toHaveLength(1);
    await expect(call(handlers, 'dossier.get', { id: 'no-such-dossier' }, ctx)).rejects.toMatchObject({
      code: 'DOSSIER_NOT_FOUND',
    });
  });
});
