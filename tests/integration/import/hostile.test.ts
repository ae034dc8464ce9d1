// Someone who wants a monitor's vault open sends a crafted document (issue 10). Each kind is built
// here, imported in a batch between two ordinary files, and must end in a clear error (or, where
// only a quadratic path made it dangerous, a plain import) under the import's own time limit — a
// parse that ran away would be stopped there and answer IMPORT_TIMEOUT, so no stopwatch is needed
// here — with the process under 1 GB, nothing of it in the vault, the ordinary files imported, and
// the app's own thread free throughout (a heartbeat kept beating) — so auto-lock still locks on time.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { importBatch, type PendingFile } from '../../../src/main/import/pipeline.ts';
import { ParseSandbox } from '../../../src/main/import/sandbox.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/main/ingest/types.ts';
import { createServices, type Services } from '../../../src/main/services.ts';
import { AutoLock } from '../../../src/main/vault/auto-lock.ts';
import type { ImportOutcome, ImportProgress } from '../../../src/shared/api.ts';
import {
  deeplyNestedHtml,
  expandingDocx,
  hugePageTreePdf,
  longLineText,
  longParagraphPdf,
  longParagraphText,
  manyPagesPdf,
} from './support/hostile.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const DOCS = 'tests/fixtures/documents';
const GiB = 1024 * 1024 * 1024;
const open: Services[] = [];
const figures: Array<Record<string, string | number>> = [];

async function freshVault() {
  const home = mkdtempSync(join(tmpdir(), 'upright-hostile-'));
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
  open.push(services);
  const ctx = { services, transport: 'test' as const };
  await call(handlers, 'vault.create', { passphrase: 'a long enough passphrase' }, ctx);
  const dossier = await call(handlers, 'dossier.create', { title: 'Kazakhstan' }, ctx);
  return { services, ctx, dossier };
}

function pending(name: string, bytes: Uint8Array): PendingFile {
  return { name, size: bytes.byteLength, read: async () => bytes };
}

const fixture = (name: string) => pending(name, new Uint8Array(readFileSync(`${DOCS}/${name}`)));

/** Samples what the process (this thread and every worker) holds, and how late this thread's timers run. */
function watch() {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return () => {
    clearInterval(sampler);
    delay.disable();
    // The kernel's own high-water mark for this process catches a peak between two samples.
    const maxRss = process.resourceUsage().maxRSS * 1024;
    return { peakRss: Math.max(peak, maxRss), sampledPeak: peak, maxLoopDelayMs: delay.max / 1e6 };
  };
}

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

afterAll(() => {
  // The figures for the record (issue 10's report quotes them).
  console.table(figures);
});

const MiB = (bytes: number) => Math.round(bytes / 1024 / 1024);

describe('a monitor is sent a crafted document among ordinary ones', () => {
  it.each([
    {
      kind: 'Word file expanding to 2 GB, sizes declared honestly',
      name: 'bomb-honest.docx',
      bytes: () => expandingDocx(2e9, { lie: false }),
      code: 'DOCX_EXPANDS_TOO_MUCH',
    },
    {
      kind: 'Word file expanding to 2 GB, sizes declaring 4 KiB',
      name: 'bomb-lying.docx',
      bytes: () => expandingDocx(2e9, { lie: true }),
      code: 'DOCX_EXPANDS_TOO_MUCH',
    },
    {
      kind: 'web page nested 50,000 deep',
      name: 'nested.html',
      bytes: () => deeplyNestedHtml(50_000),
      code: 'HTML_TOO_DEEP',
    },
    {
      kind: 'PDF whose page tree claims 2^30 pages',
      name: 'page-tree.pdf',
      bytes: () => hugePageTreePdf(30),
      code: 'PDF_TOO_MANY_PAGES',
    },
    {
      kind: 'PDF paragraph of 30,000 lines',
      name: 'long-paragraph.pdf',
      bytes: () => longParagraphPdf(30_000),
      code: null,
    },
    {
      kind: 'text paragraph of 100,000 lines',
      name: 'long-paragraph.txt',
      bytes: () => longParagraphText(100_000),
      code: null,
    },
    {
      kind: 'text of one 10-million-character line',
      name: 'long-line.txt',
      bytes: () => longLineText(10_000_000),
      code: null,
    },
  ])('$kind: $code', { timeout: 120_000 }, async ({ kind, name, bytes, code }) => {
    const { services, dossier } = await freshVault();
    const store = () => services.vault.store();
    const auditBefore = store().audit.count();
    const hostile = bytes();
    const files = [fixture('field-note-ru.txt'), pending(name, hostile), fixture('field-note-ru.docx')];

    let started = 0;
    let finished = 0;
    // A heartbeat on this thread: how many times it beat while the crafted file was read and stored.
    let beats = 0;
    let beatsAtStart = 0;
    let beatsAtEnd = 0;
    const heartbeat = setInterval(() => beats++, 1);
    // How late this thread's timers ran while the crafted file was being parsed (storing a long text
    // afterwards is the database's work, on this thread until the database worker comes).
    const sandbox = new ParseSandbox();
    const parseDelay = monitorEventLoopDelay({ resolution: 10 });
    const stop = watch();
    const results = await importBatch({
      taskId: `hostile-${name}`,
      dossierId: dossier.id,
      files,
      vault: services.vault,
      parse: async (fileBytes, fileName, limits, signal) => {
        if (fileName === name) parseDelay.enable();
        try {
          return await sandbox.parse(fileBytes, fileName, limits, signal);
        } finally {
          if (fileName === name) parseDelay.disable();
        }
      },
      signal: new AbortController().signal,
      onProgress: (progress: ImportProgress) => {
        if (progress.current === name) {
          started = performance.now();
          beatsAtStart = beats;
        }
        if (progress.outcome?.name === name) {
          finished = performance.now();
          beatsAtEnd = beats;
        }
      },
    }).finally(() => clearInterval(heartbeat));
    const measured = stop();
    await sandbox.close();
    const parseDelayMs = parseDelay.max / 1e6;
    const seconds = (finished - started) / 1000;
    const outcome = results[1] as ImportOutcome;
    figures.push({
      kind,
      bytes: hostile.byteLength,
      outcome: outcome.error?.code ?? outcome.status,
      seconds: Math.round(seconds * 10) / 10,
      heartbeats: beatsAtEnd - beatsAtStart,
      peakRssMiB: MiB(measured.peakRss),
      maxLoopDelayWhileParsingMs: Math.round(parseDelayMs),
      maxLoopDelayWholeBatchMs: Math.round(measured.maxLoopDelayMs),
    });

    // A clear answer for the crafted file: its own refusal, or imported — never stopped by the
    // import's time limit (DEFAULT_IMPORT_LIMITS), which would have answered IMPORT_TIMEOUT.
    if (code) expect(outcome).toMatchObject({ status: 'failed', error: { code } });
    else expect(outcome.status).toBe('imported');
    expect(outcome.error?.code).not.toBe('IMPORT_TIMEOUT');
    expect(JSON.stringify(outcome.error?.params ?? {})).not.toMatch(/undefined|Error:/);
    // This thread kept beating while the file was read and stored: at least once for every second
    // the file took (a thread held by the parse or by SQLite would fall behind, however slow the machine).
    expect(beatsAtEnd - beatsAtStart).toBeGreaterThanOrEqual(Math.floor(seconds));
    // The whole process — this thread and the workers — stayed under 1 GB.
    expect(measured.peakRss).toBeLessThan(GiB);
    // The app's own thread was never held up by the parse: timers (auto-lock among them) ran on time.
    expect(parseDelayMs).toBeLessThan(500);
    // The ordinary files before and after it were imported.
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['field-note-ru.txt', 'imported'],
      [name, code ? 'failed' : 'imported'],
      ['field-note-ru.docx', 'imported'],
    ]);
    // Nothing of a refused file was written: no source, no original, no audit entry.
    const sources = store().sources.list(dossier.id);
    expect(sources.map((s) => s.fileName).sort()).toEqual(
      (code ? ['field-note-ru.docx', 'field-note-ru.txt'] : ['field-note-ru.docx', 'field-note-ru.txt', name]).sort(),
    );
    expect(store().audit.count()).toBe(auditBefore + sources.length);
  });
});

describe('the app stays in the monitor’s hands while a crafted file is being read', () => {
  it('auto-lock locks on time in the middle of the import, and the file being read is stopped', {
    timeout: 120_000,
  }, async () => {
    const { services, ctx, dossier } = await freshVault();
    const file = (name: string, bytes: Uint8Array) => ({ name, data: Buffer.from(bytes).toString('base64') });
    const idleLimitMs = 1500;
    const t0 = performance.now();
    let lockedAt: number | null = null;
    let batchEndedAt: number | null = null;
    // Wired as the Electron shell wires it, with the idle time counted from the start of the import.
    const autoLock = new AutoLock({
      minutes: () => idleLimitMs / 60_000,
      idleSeconds: () => (performance.now() - t0) / 1000,
      isUnlocked: () => services.vault.status().state === 'unlocked',
      lock: () => {
        lockedAt = performance.now() - t0;
        services.vault.lock();
      },
    });
    autoLock.start(50);
    const stop = watch();
    const outcome = await call(
      handlers,
      'import.files',
      {
        taskId: 'hostile-autolock',
        dossierId: dossier.id,
        files: [
          file('long-paragraph.pdf', longParagraphPdf(100_000)),
          file('nested.html', deeplyNestedHtml(50_000)),
          file('bomb-lying.docx', expandingDocx(2e9, { lie: true })),
        ],
      },
      ctx,
    ).finally(() => {
      batchEndedAt = performance.now() - t0;
      autoLock.stop();
    });
    const measured = stop();
    figures.push({
      kind: 'auto-lock during import',
      idleLimitMs,
      lockedAtMs: Math.round(lockedAt ?? -1),
      batchEndedAtMs: Math.round(batchEndedAt ?? -1),
      peakRssMiB: MiB(measured.peakRss),
      maxLoopDelayMs: Math.round(measured.maxLoopDelayMs),
    });

    // Locked when the idle limit passed (checked every 50 ms), not when the import ended.
    expect(lockedAt).not.toBeNull();
    expect(lockedAt as unknown as number).toBeGreaterThanOrEqual(idleLimitMs);
    expect(lockedAt as unknown as number).toBeLessThan(idleLimitMs + 750);
    expect(services.vault.status().state).toBe('locked');
    // The lock stopped the file being read at once; nothing after it was started.
    expect((batchEndedAt as unknown as number) - (lockedAt as unknown as number)).toBeLessThan(3000);
    expect(outcome.results.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(measured.peakRss).toBeLessThan(GiB);

    await call(handlers, 'vault.unlock', { passphrase: 'a long enough passphrase' }, ctx);
    expect(services.vault.store().sources.list(dossier.id)).toEqual([]);
  });

  it('a file that takes too long is stopped at the time limit and the batch goes on', {
    timeout: 120_000,
  }, async () => {
    const { services, dossier } = await freshVault();
    const limits = { ...DEFAULT_IMPORT_LIMITS, timeoutMs: 4000 };
    const results = await importBatch({
      taskId: 'hostile-slow',
      dossierId: dossier.id,
      files: [pending('slow.pdf', manyPagesPdf(3000, 60)), fixture('field-note-ru.txt')],
      vault: services.vault,
      signal: new AbortController().signal,
      onProgress: () => {},
      limits,
    });
    expect(results.map((r) => [r.status, r.error?.code ?? null])).toEqual([
      ['failed', 'IMPORT_TIMEOUT'],
      ['imported', null],
    ]);
    expect(
      services.vault
        .store()
        .sources.list(dossier.id)
        .map((s) => s.fileName),
    ).toEqual(['field-note-ru.txt']);
  });

  it('cancel stops the file being read at once and nothing of the batch is written after it', {
    timeout: 120_000,
  }, async () => {
    const { services, dossier } = await freshVault();
    const controller = new AbortController();
    let cancelledAt = 0;
    const results = await importBatch({
      taskId: 'hostile-cancel',
      dossierId: dossier.id,
      files: [pending('slow.pdf', manyPagesPdf(3000, 60)), fixture('field-note-ru.txt')],
      vault: services.vault,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.current === 'slow.pdf') {
          setTimeout(() => {
            cancelledAt = performance.now();
            controller.abort();
          }, 500);
        }
      },
    });
    // Not a stopwatch of speed: far inside the 120 s parse limit the file would otherwise run into, so
    // it was the cancel that stopped the worker (about 0.1 s idle; 3.5 s seen on a loaded machine).
    expect(performance.now() - cancelledAt).toBeLessThan(15_000);
    expect(results.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(services.vault.store().sources.list(dossier.id)).toEqual([]);
  });
});
