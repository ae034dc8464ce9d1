// Issue 16.9: a monitor saves a campaign page from the web and imports it — by drag and drop, through
// the import dialog, or from a script. Whichever way it comes in, the source keeps the address the
// page was saved from and the day it was read, and says where that day comes from.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { localDay } from '../../../src/main/import/access.ts';
import { freshVault } from '../../support/vault.ts';

const PAGE = readFileSync('tests/fixtures/documents/campaign-page-kazakhstan-fundamental-rights.html', 'utf8');
const ADDRESS = 'https://www.ituc-csi.org/kazakhstan-must-respect-democracy';
/** The real page as Chrome's "Save page as" writes it: the address on top, no date. */
const CHROME = PAGE.replace('<!doctype html>', `<!doctype html>\n<!-- saved from url=(0058)${ADDRESS} -->`);
/** …and as SingleFile writes it: address and the day it was saved. */
const SINGLE_FILE = PAGE.replace(
  '<!doctype html>',
  `<!doctype html>\n<!--\n Page saved with SingleFile \n url: ${ADDRESS} \n saved date: Mon Jun 03 2024 10:40:12 GMT+0500 (Uzbekistan Standard Time)\n-->`,
);
/** Noon on 4 February 2025, this computer's time: the file's modification time. */
const MODIFIED = new Date(2025, 1, 4, 12, 0);

function savedFile(name: string, html: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'upright-saved-')), name);
  writeFileSync(path, html);
  utimesSync(path, MODIFIED, MODIFIED);
  return path;
}

describe('a saved web page keeps where and when it was read, whichever way it is imported', () => {
  it('dragged in: the address from the page, the day from the file’s modification time', async () => {
    const { ctx, dossier } = await freshVault();
    const data = Buffer.from(CHROME).toString('base64');
    const { results } = await call(
      handlers,
      'import.files',
      {
        taskId: 'web-access-drop',
        dossierId: dossier.id,
        files: [{ name: 'kazakhstan.html', data, modifiedAt: MODIFIED.getTime() }],
      },
      ctx,
    );
    const source = await call(handlers, 'source.get', { id: results[0]?.sourceId as string }, ctx);
    expect(source).toMatchObject({
      url: ADDRESS,
      accessed: '2025-02-04',
      accessedSource: 'file_modified',
    });
  });

  it('dragged in from somewhere that gives no modification time: the import day, said to be one', async () => {
    const { ctx, dossier } = await freshVault();
    const data = Buffer.from(CHROME).toString('base64');
    const { results } = await call(
      handlers,
      'import.files',
      { taskId: 'web-access-bytes', dossierId: dossier.id, files: [{ name: 'kazakhstan.html', data }] },
      ctx,
    );
    const source = await call(handlers, 'source.get', { id: results[0]?.sourceId as string }, ctx);
    expect(source).toMatchObject({ url: ADDRESS, accessed: localDay(new Date()), accessedSource: 'imported' });
  });

  it('chosen in the import dialog: the day SingleFile recorded wins over the file’s time', async () => {
    const chrome = savedFile('chrome.html', CHROME);
    const singleFile = savedFile('singlefile.html', SINGLE_FILE.replace('Nearly 8,000', 'Almost 8,000'));
    const { ctx, dossier } = await freshVault({ importPaths: [chrome, singleFile] });
    const { results } = await call(
      handlers,
      'import.pick',
      { taskId: 'web-access-pick', dossierId: dossier.id, what: 'files' },
      ctx,
    );
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
    const sources = (await call(handlers, 'source.list', { dossierId: dossier.id }, ctx)).items;
    expect(sources.map((s) => [s.fileName, s.url, s.accessed, s.accessedSource])).toEqual([
      ['chrome.html', ADDRESS, '2025-02-04', 'file_modified'],
      ['singlefile.html', ADDRESS, '2024-06-03', 'saved_page'],
    ]);
  });

  it('imported by a script with `upright import`: the same', async () => {
    const home = mkdtempSync(join(tmpdir(), 'upright-web-access-cli-'));
    const vault = join(home, 'vault');
    const env = { ...process.env, UPRIGHT_PASSPHRASE: 'import passphrase for scripts' };
    const upright = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['bin/upright.js', ...args], { env, timeout: 60_000 });
    await upright('vault', 'create', vault);
    const { stdout } = await upright('import', vault, savedFile('chrome.html', CHROME), '--dossier', 'Kazakhstan');
    const { id } = JSON.parse(stdout.trim()) as { id: string };
    const source = JSON.parse((await upright('call', 'source.get', JSON.stringify({ id }), '--vault', vault)).stdout);
    expect(source).toMatchObject({ url: ADDRESS, accessed: '2025-02-04', accessedSource: 'file_modified' });
  }, 120_000);

  it('a person corrects the address and the day; the day is then theirs, and a bad address is refused', async () => {
    const { ctx, dossier } = await freshVault();
    const data = Buffer.from(CHROME).toString('base64');
    const { results } = await call(
      handlers,
      'import.files',
      { taskId: 'web-access-edit', dossierId: dossier.id, files: [{ name: 'k.html', data }] },
      ctx,
    );
    const id = results[0]?.sourceId as string;
    const edited = await call(
      handlers,
      'source.update',
      { id, url: 'https://www.ituc-csi.org/kazakhstan', accessed: '2024-05-30' },
      ctx,
    );
    expect(edited).toMatchObject({
      url: 'https://www.ituc-csi.org/kazakhstan',
      accessed: '2024-05-30',
      accessedSource: 'person',
    });
    // Changing something else keeps where the day came from.
    expect(await call(handlers, 'source.update', { id, title: 'Kazakhstan page' }, ctx)).toMatchObject({
      accessedSource: 'person',
    });
    await expect(call(handlers, 'source.update', { id, url: 'javascript:alert(1)' }, ctx)).rejects.toMatchObject({
      code: 'INVALID_PARAMS',
    });
    expect(await call(handlers, 'source.update', { id, url: null, accessed: null }, ctx)).toMatchObject({
      url: null,
      accessed: null,
      accessedSource: null,
    });
  });
  it('a page imported before addresses were kept gains them when its original is read again, without replacing a person’s', async () => {
    const { ctx, dossier, services } = await freshVault();
    const bytes = new TextEncoder().encode(SINGLE_FILE);
    const store = services.vault.store();
    // As the import stored it before: text and original, no address, no day.
    const old = store.sources.add({
      dossierId: dossier.id,
      title: 'Kazakhstan must respect democracy and fundamental rights',
      kind: 'web_page',
      original: { bytes, mediaType: 'text/html', filename: 'kazakhstan.html' },
      text: 'Old text.',
      format: 'html',
    });
    const typed = store.sources.add({
      dossierId: dossier.id,
      title: 'The same page, corrected by a person',
      kind: 'web_page',
      original: { bytes: new TextEncoder().encode(`${SINGLE_FILE}\n`), mediaType: 'text/html', filename: 'k2.html' },
      text: 'Old text.',
      format: 'html',
    });
    await call(handlers, 'source.update', { id: typed.id, url: 'https://example.org/kz', accessed: '2024-05-01' }, ctx);

    await call(handlers, 'source.renormalise', { id: old.id }, ctx);
    await call(handlers, 'source.renormalise', { id: typed.id }, ctx);

    expect(await call(handlers, 'source.get', { id: old.id }, ctx)).toMatchObject({
      url: ADDRESS,
      accessed: '2024-06-03',
      accessedSource: 'saved_page',
    });
    expect(await call(handlers, 'source.get', { id: typed.id }, ctx)).toMatchObject({
      url: 'https://example.org/kz',
      accessed: '2024-05-01',
      accessedSource: 'person',
    });
  });
});
