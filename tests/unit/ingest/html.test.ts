// Saved web pages are the most hostile input a monitor imports: the page may carry scripts, event
// handlers, trackers and remote resources. Only the article's text may come through, and nothing
// may ever be fetched — checked against a server standing where every URL in the page points.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/main/ingest/index.ts';
import type { ImportedDocument } from '../../../src/main/ingest/types.ts';
import { blockTexts } from './support/fixtures.ts';

describe('a monitor imports a saved web page full of scripts and trackers', () => {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end("fetch('/script-ran')");
  });
  let doc: ImportedDocument;
  let origin = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = readFileSync(new URL('../../fixtures/documents/hostile-page.html', import.meta.url), 'utf8');
    doc = await importDocument(new TextEncoder().encode(page.replaceAll('{{ORIGIN}}', origin)), 'hostile-page.html');
    // Give any stray load (image, frame, script, refresh) time to reach the server.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches nothing: no image, frame, stylesheet, script or refresh', () => {
    expect(requests).toEqual([]);
  });

  it('keeps the article as headings, paragraphs, list items and a quote', () => {
    expect(doc.blocks.map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'list-item',
      'list-item',
      'quote',
      'paragraph',
    ]);
    expect(blockTexts(doc)[6]).toBe('“We are not asking for more than the law gives us,” one welder said.');
  });

  it('keeps links as their text only', () => {
    expect(doc.text).toContain('that the company’s written reply refused to recognise the committee');
    expect(doc.text).toContain('Read our methodology.');
    expect(doc.text).not.toMatch(/https?:|127\.0\.0\.1|javascript:|report\.pdf/);
  });

  it('drops scripts, handlers, styles, forms, frames, images and page chrome', () => {
    expect(doc.text).not.toMatch(/MARKER|HIJACKED|fetch|alert|onclick|Subscribe|Home \|/);
    expect(doc.warnings).toContainEqual({ code: 'WEB_IMAGES_SKIPPED', params: { count: 1 } });
  });

  it('takes title, author and date from the page’s head', () => {
    expect(doc.metadata).toEqual({
      title: 'Strike at the Tengiz oil field: what workers told us',
      author: 'Labour Rights Watch (fictional)',
      date: '2023-05-04',
      language: 'en',
    });
  });
});

describe('a monitor imports a short page Readability does not call an article', () => {
  it('takes the body text and leaves out navigation, header and footer', async () => {
    const page = `<html><head><title>Statement</title></head><body><header>Site name</header><nav><a href="/">Home</a></nav>
      <div>Short statement.<br><br>Second paragraph after two line breaks,<br>with a line break inside.</div>
      <footer>© 2024</footer></body></html>`;
    const doc = await importDocument(new TextEncoder().encode(page), 'statement.html');
    expect(blockTexts(doc)).toEqual([
      'Short statement.',
      'Second paragraph after two line breaks, with a line break inside.',
    ]);
  });
});
