// Something failed and the person asks for help: "Copy diagnostics" gives their helper the codes,
// methods, timings and versions — and nothing that names the case: no passphrase, file name, title,
// document text or vault path, in the report or in the log file on disk.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { type Context, call, dispatch } from '../../../src/main/api/registry.ts';
import { DIAGNOSTIC_ENTRIES, DiagnosticsLog, sanitise } from '../../../src/main/diagnostics/log.ts';
import { createServices } from '../../../src/main/services.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const PASSPHRASE = 'correct horse battery staple Baikonur';
const SECRET_NAME = 'Aigerim-Sadykova-testimony';
let home = '';

afterEach(() => {
  if (home) rmSync(home, { recursive: true, force: true });
  home = '';
});

function session() {
  home = mkdtempSync(join(tmpdir(), 'upright-diag-'));
  const diagnosticsPath = join(home, 'diagnostics.log');
  const services = createServices({
    vaultLocation: join(home, 'vault'),
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async () => null,
    },
    kdf: KDF,
    diagnosticsPath,
  });
  const ctx: Context = { services, transport: 'test' };
  return { services, ctx, diagnosticsPath };
}

describe('diagnostics a person can hand to their helper', () => {
  it('records what failed by code and method, and never a passphrase, file name, title or path', async () => {
    const { services, ctx, diagnosticsPath } = session();
    await call(handlers, 'vault.create', { passphrase: PASSPHRASE }, ctx);
    await call(handlers, 'vault.lock', {}, ctx);
    // A mistyped passphrase, then the right one.
    await expect(call(handlers, 'vault.unlock', { passphrase: `${PASSPHRASE}!` }, ctx)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await call(handlers, 'vault.unlock', { passphrase: PASSPHRASE }, ctx);
    const dossier = await call(handlers, 'dossier.create', { title: `Case of ${SECRET_NAME}`, country: 'KAZ' }, ctx);
    // A file that is not what it says it is, named after a witness.
    const { results } = await call(
      handlers,
      'import.files',
      {
        taskId: 'diagnostics-task-1',
        dossierId: dossier.id,
        files: [{ name: `${SECRET_NAME}.pdf`, data: Buffer.from('this is not a PDF at all').toString('base64') }],
      },
      ctx,
    );
    expect(results[0]?.status).toBe('failed');
    await expect(call(handlers, 'source.get', { id: 'no-such-source' }, ctx)).rejects.toBeTruthy();
    await dispatch(handlers, `secret.${SECRET_NAME}`, {}, ctx);

    const { entries, report } = await call(handlers, 'app.diagnostics', {}, ctx);
    expect(entries.map((e) => [e.kind, e.method, e.code])).toEqual(
      expect.arrayContaining([
        ['error', 'vault.unlock', 'WRONG_PASSPHRASE'],
        ['import', 'source.import', expect.stringMatching(/^[A-Z_]+$/)],
        ['error', 'source.get', expect.stringMatching(/^[A-Z_]+$/)],
        ['error', 'unknown', 'UNKNOWN_METHOD'],
      ]),
    );
    expect(report).toMatch(/^Upright \d+\.\d+\.\d+/);
    expect(report).toContain('WRONG_PASSPHRASE');

    const onDisk = readFileSync(diagnosticsPath, 'utf8');
    for (const text of [report, onDisk]) {
      for (const secret of [PASSPHRASE, SECRET_NAME, 'Aigerim', 'Case of', home, 'not a PDF']) {
        expect(text).not.toContain(secret);
      }
    }
    services.close();
  });

  it('keeps what was recorded across a restart of the app, and only the newest entries', () => {
    home = mkdtempSync(join(tmpdir(), 'upright-diag-'));
    const path = join(home, 'diagnostics.log');
    const first = new DiagnosticsLog(path);
    for (let i = 0; i < DIAGNOSTIC_ENTRIES + 30; i++) first.record('error', 'vault.unlock', 'WRONG_PASSPHRASE', i);
    const again = new DiagnosticsLog(path);
    expect(again.entries()).toHaveLength(DIAGNOSTIC_ENTRIES);
    expect(again.entries().at(-1)?.ms).toBe(DIAGNOSTIC_ENTRIES + 29);
  });

  it('refuses anything shaped like text where a code or a method name belongs', () => {
    const at = new Date().toISOString();
    expect(sanitise({ at, kind: 'error', method: 'vault.unlock', code: 'Sadykova told us', ms: 1 })).toBeNull();
    expect(sanitise({ at, kind: 'error', method: 'C:\\cases\\witness.pdf', code: null, ms: 1 })).toBeNull();
    expect(sanitise({ at, kind: 'slow', method: 'draft.export', code: null, ms: 1234.6 })).toMatchObject({
      method: 'draft.export',
      ms: 1235,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/),
    });
  });
});
