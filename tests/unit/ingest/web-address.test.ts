// A monitor saves a campaign page from the web, months later cites it: the note must say where it
// was read and when. The page keeps that record in whatever mark the browser or extension left, and
// the page is hostile input: only a plain http(s) address may come out of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webAccess } from '../../../src/main/import/access.ts';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { savedDay, webAddress } from '../../../src/main/ingest/web-address.ts';

const PAGE = readFileSync(
  new URL('../../fixtures/documents/campaign-page-kazakhstan-fundamental-rights.html', import.meta.url),
  'utf8',
);
const ADDRESS = 'https://www.ituc-csi.org/kazakhstan-must-respect-democracy';

/** The real saved page, with what a browser or the site put in its head. */
function saved(options: { top?: string; head?: string }): Uint8Array {
  let html = PAGE;
  if (options.head) html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">${options.head}`);
  if (options.top) html = html.replace('<!doctype html>', `<!doctype html>\n${options.top}`);
  return new TextEncoder().encode(html);
}

const read = (bytes: Uint8Array) => importDocument(bytes, 'campaign-page.html');

describe('a saved web page keeps the address it was read at and the day it was saved', () => {
  it('Chrome’s “Save page as” mark gives the address; the day is left to the file', async () => {
    const doc = await read(saved({ top: `<!-- saved from url=(0058)${ADDRESS} -->` }));
    expect(doc.metadata.url).toBe(ADDRESS);
    expect(doc.metadata.savedOn).toBeUndefined();
    expect(doc.savedPage).toBe(true);
  });

  it('SingleFile’s comment gives the address and the day, as the saver’s calendar had it', async () => {
    const doc = await read(
      saved({
        top: `<!--\n Page saved with SingleFile \n url: ${ADDRESS} \n saved date: Mon Jun 03 2024 23:40:12 GMT+0600 (Almaty Time)\n-->`,
      }),
    );
    expect(doc.metadata).toMatchObject({ url: ADDRESS, savedOn: '2024-06-03' });
  });

  it('Save Page WE’s meta tags give the address and the day', async () => {
    const doc = await read(
      saved({
        head: `<meta name="savepage-url" content="${ADDRESS}"><meta name="savepage-date" content="Tue Feb 04 2025 09:12:00 GMT+0300 (Moscow Standard Time)">`,
      }),
    );
    expect(doc.metadata).toMatchObject({ url: ADDRESS, savedOn: '2025-02-04' });
  });

  it('the site’s canonical address is preferred to the one read at, and a relative one is resolved against it', async () => {
    const doc = await read(
      saved({
        top: `<!-- saved from url=(0071)${ADDRESS}?utm_source=newsletter -->`,
        head: '<link rel="canonical" href="/kazakhstan-must-respect-democracy">',
      }),
    );
    expect(doc.metadata.url).toBe(ADDRESS);
  });

  it('og:url is used when nothing else names the page', async () => {
    const doc = await read(saved({ head: `<meta property="og:url" content="${ADDRESS}">` }));
    expect(doc.metadata.url).toBe(ADDRESS);
  });

  it('the page as it is in the fixtures names no address: nothing is made up', async () => {
    const doc = await read(new TextEncoder().encode(PAGE));
    expect(doc.metadata.url).toBeUndefined();
    expect(doc.metadata.savedOn).toBeUndefined();
  });

  it('a hostile page cannot plant a script address, credentials, or an address with spaces', async () => {
    const scripted = await read(saved({ head: '<link rel="canonical" href="javascript:fetch(\'//evil.invalid\')">' }));
    expect(scripted.metadata.url).toBeUndefined();
    const withCredentials = await read(
      saved({ head: '<meta property="og:url" content="https://monitor:secret@www.ituc-csi.org/page">' }),
    );
    expect(withCredentials.metadata.url).toBe('https://www.ituc-csi.org/page');
    expect(webAddress('https://example.org/a b')).toBeUndefined();
    expect(webAddress('https://example.org/\u0007')).toBeUndefined();
    expect(webAddress(`https://example.org/${'a'.repeat(3000)}`)).toBeUndefined();
    expect(webAddress('file:///etc/passwd')).toBeUndefined();
    // A Cyrillic address stays readable as written.
    expect(webAddress('https://ovdinfo.org/новости')).toBe('https://ovdinfo.org/новости');
  });

  it('an impossible saved date is no date', () => {
    expect(savedDay('Fri Feb 30 2024 10:00:00 GMT+0000')).toBeUndefined();
    expect(savedDay('yesterday')).toBeUndefined();
    expect(savedDay('2024-06-03T10:00:00Z')).toBe('2024-06-03');
  });
});

describe('the access date says where it comes from', () => {
  const now = new Date(2026, 11, 5, 12, 0);
  const page = { savedPage: true, metadata: {} };

  it('the page’s own saved day first, then the file’s modification day, then the import day', () => {
    expect(webAccess({ savedPage: true, metadata: { url: ADDRESS, savedOn: '2024-06-03' } }, undefined, now)).toEqual({
      url: ADDRESS,
      accessed: { date: '2024-06-03', source: 'saved_page' },
    });
    expect(webAccess(page, new Date(2025, 1, 4, 9, 0).getTime(), now).accessed).toEqual({
      date: '2025-02-04',
      source: 'file_modified',
    });
    expect(webAccess(page, undefined, now).accessed).toEqual({ date: '2026-12-05', source: 'imported' });
    // A modification time after the import is not evidence of anything.
    expect(webAccess(page, now.getTime() + 86_400_000, now).accessed?.source).toBe('imported');
  });

  it('a report or a letter exported as HTML gets no access date', () => {
    expect(webAccess({ savedPage: false, metadata: {} }, now.getTime(), now)).toEqual({ url: null, accessed: null });
  });
});
