// The parse worker as the packaged app runs it: electron-vite emits it as out/main/parse-worker.js
// beside the main bundle, where the shell points src/main/workers/entries.ts at start-up. This spec
// runs after the build and reads real documents through that very file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { KillableWorker } from '../../src/main/workers/run.ts';
import { expandingDocx } from '../integration/import/support/hostile.ts';

const BUNDLED = pathToFileURL(resolve('out/main/parse-worker.js'));
const LIMITS = { maxBytes: 200 * 1024 * 1024, timeoutMs: 60_000 };
const TASK = { limits: { timeoutMs: 60_000, rssGrowthBytes: 640 * 1024 * 1024 } };

test('the bundled parse worker reads PDF, Word and web pages and refuses a decompression bomb', async () => {
  const worker = new KillableWorker(BUNDLED, 512);
  try {
    for (const name of [
      'ilo-cas-kazakhstan-c87-2022.pdf',
      'ilo-cas-kazakhstan-c87-2022.docx',
      'ilo-cas-kazakhstan-c87-2022.html',
    ]) {
      const bytes = new Uint8Array(readFileSync(`tests/fixtures/documents/${name}`));
      const doc = await worker.run<{ text: string }>('importDocument', { bytes, fileName: name, limits: LIMITS }, TASK);
      expect(doc.text, name).toContain('Kazakhstan');
    }
    const bomb = expandingDocx(2e9, { lie: true });
    await expect(
      worker.run('importDocument', { bytes: bomb, fileName: 'bomb.docx', limits: LIMITS }, TASK),
    ).rejects.toMatchObject({ code: 'DOCX_EXPANDS_TOO_MUCH' });
  } finally {
    await worker.close();
  }
});
