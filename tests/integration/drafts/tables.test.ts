// A monitor puts the union's registration history into her submission as a table, through the API
// (as the Timeline tab and `upright call` do): the events the Timeline tab shows with its filters,
// headed in the draft's language, each event's evidence cited; then the State's claim with the
// evidence against it, as a numbered paragraph worded in the draft's language. The Word file has a
// real table whose notes are footnotes numbered with the rest, and LibreOffice lays it out as one.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import type { DraftNode } from '../../../src/shared/draft.ts';
import { comparable, pdfItems } from '../../support/pdf-text.ts';
import { freshVault } from '../../support/vault.ts';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'upright-tables-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const REPLY =
  'The Confederation of Independent Trade Unions was registered on 4 March 2011. Problems with registration have not been reported.';
const CAMPAIGN =
  'From July to December 2016 the courts liquidated the confederation. At least 600 unions were prevented from registering.';

async function setup() {
  const { services, ctx, dossier } = await freshVault();
  const store = services.vault.store();
  const reply = store.sources.add({
    dossierId: dossier.id,
    title: 'Information supplied by the Government (2022)',
    kind: 'government_reply',
    dateText: '2022',
    text: REPLY,
    language: 'en',
  });
  const campaign = store.sources.add({
    dossierId: dossier.id,
    title: 'Kazakhstan must respect democracy',
    kind: 'web_page',
    dateText: '2022-01-12',
    text: CAMPAIGN,
    language: 'en',
  });
  const mark = (sourceId: string, text: string, words: string) =>
    call(
      handlers,
      'excerpt.create',
      { sourceId, start: text.indexOf(words), end: text.indexOf(words) + words.length },
      ctx,
    );
  const registered = await mark(reply.id, REPLY, 'was registered on 4 March 2011');
  const claim = await mark(reply.id, REPLY, 'Problems with registration have not been reported');
  const liquidated = await mark(
    campaign.id,
    CAMPAIGN,
    'From July to December 2016 the courts liquidated the confederation',
  );
  const prevented = await mark(campaign.id, CAMPAIGN, 'At least 600 unions were prevented from registering');
  await call(handlers, 'excerpt.update', { id: claim.id, stance: 'denial' }, ctx);
  // Public: their notes may be printed in any export.
  for (const excerpt of [registered, claim, liquidated, prevented])
    await call(handlers, 'excerpt.update', { id: excerpt.id, confidentiality: 'public' }, ctx);
  await call(
    handlers,
    'excerpt.link',
    { fromExcerptId: prevented.id, toExcerptId: claim.id, kind: 'contradicts' },
    ctx,
  );
  await call(
    handlers,
    'excerpt.link',
    { fromExcerptId: liquidated.id, toExcerptId: claim.id, kind: 'contradicts' },
    ctx,
  );
  const union = await call(handlers, 'entity.create', { kind: 'organisation', name: 'KNPRK' }, ctx);
  const court = await call(handlers, 'entity.create', { kind: 'organisation', name: 'Shymkent City Court' }, ctx);
  await call(
    handlers,
    'event.create',
    {
      dossierId: dossier.id,
      title: 'Liquidated by the courts',
      description: 'The confederation was dissolved for failing to confirm its status',
      when: 'July to December 2016',
      place: 'Shymkent',
      participants: [
        { entityId: union.id, role: 'victim' },
        { entityId: court.id, role: 'court' },
      ],
      excerptIds: [liquidated.id, prevented.id],
    },
    ctx,
  );
  await call(
    handlers,
    'event.create',
    {
      dossierId: dossier.id,
      title: 'Registered',
      when: '4 March 2011',
      place: 'Astana',
      participants: [{ entityId: union.id, role: 'victim' }],
      excerptIds: [registered.id],
    },
    ctx,
  );
  const draft = (language?: 'en' | 'ru' | 'fr') =>
    call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'UPR', template: 'individual', ...(language ? { language } : {}) },
      ctx,
    );
  return { ctx, dossier, excerpts: { registered, claim, liquidated, prevented }, union, court, draft };
}

/** A table node's rows as text, a citation as [cite <excerpt id>], Intl's thin spaces as spaces. */
function rowsOf(table: DraftNode | undefined): string[][] {
  const textOf = (node: DraftNode): string =>
    node.type === 'text'
      ? (node.text ?? '')
      : node.type === 'citation'
        ? `[cite ${String(node.attrs?.excerptId)}]`
        : (node.content ?? []).map(textOf).join('');
  return (table?.content ?? []).map((row) =>
    (row.content ?? []).map((cell) => textOf(cell).replace(/[\u2009\u202f\u00a0]/g, ' ')),
  );
}

describe('the timeline as a table in a draft', () => {
  it('adds the events in order, headed in the draft’s language, participants with roles, evidence cited', async () => {
    const { ctx, draft, excerpts } = await setup();
    const english = await draft();
    const { draft: after, events } = await call(handlers, 'draft.appendTimeline', { id: english.id }, ctx);
    expect(events).toBe(2);
    const table = after.body.content.at(-1);
    expect(table?.type).toBe('table');
    expect(table?.content?.[0]?.content?.map((c) => c.type)).toEqual(Array(5).fill('tableHeader'));
    expect(rowsOf(table)).toEqual([
      ['When', 'What happened', 'Where', 'Who', 'Evidence'],
      ['4 March 2011', 'Registered', 'Astana', 'KNPRK (victim)', `[cite ${excerpts.registered.id}]`],
      [
        'July – December 2016',
        'Liquidated by the courts. The confederation was dissolved for failing to confirm its status',
        'Shymkent',
        'KNPRK (victim); Shymkent City Court (court)',
        `[cite ${excerpts.liquidated.id}], [cite ${excerpts.prevented.id}]`,
      ],
    ]);
    // The cells' notes are the draft's notes, in document order.
    const notes = await call(handlers, 'draft.notes', { id: english.id }, ctx);
    expect(notes.footnotes.map((n) => n.excerptId)).toEqual([
      excerpts.registered.id,
      excerpts.liquidated.id,
      excerpts.prevented.id,
    ]);
  });

  it('honours the Timeline tab’s filters and speaks Russian in a Russian draft', async () => {
    const { ctx, draft, court } = await setup();
    const russian = await draft('ru');
    const { draft: after, events } = await call(
      handlers,
      'draft.appendTimeline',
      { id: russian.id, entityId: court.id, title: 'Хронология' },
      ctx,
    );
    expect(events).toBe(1);
    const [title, table] = after.body.content.slice(-2);
    expect(title).toEqual({
      type: 'paragraph',
      attrs: { numbered: false },
      content: [{ type: 'text', text: 'Хронология' }],
    });
    const rows = rowsOf(table);
    expect(rows[0]).toEqual(['Когда', 'Что произошло', 'Где', 'Кто', 'Доказательства']);
    expect(rows[1]?.[0]).toBe('июль 2016 г. – декабрь 2016 г.');
    expect(rows[1]?.[3]).toBe('KNPRK (пострадавший); Shymkent City Court (суд)');

    // A period with no events adds nothing, and says so.
    await expect(
      call(handlers, 'draft.appendTimeline', { id: russian.id, from: '2020-01-01', to: '2020-12-31' }, ctx),
    ).rejects.toMatchObject({ code: 'TIMELINE_EMPTY' });
  });
});

describe('a claim and its evidence in a draft', () => {
  it('is one numbered paragraph worded in the draft’s language, each excerpt quoted and cited', async () => {
    const { ctx, draft, excerpts } = await setup();
    const words = (body: { content: DraftNode[] }) =>
      rowsOf({ type: 'x', content: [{ type: 'y', content: body.content.slice(-1) }] })[0]?.[0];
    const english = await draft();
    const en = await call(handlers, 'draft.appendClaim', { id: english.id, excerptId: excerpts.claim.id }, ctx);
    expect(en.body.content.at(-1)?.attrs).toEqual({ numbered: true });
    expect(words(en.body)).toBe(
      `The State says: “Problems with registration have not been reported”[cite ${excerpts.claim.id}]. ` +
        `This is contradicted by the following: “At least 600 unions were prevented from registering”[cite ${excerpts.prevented.id}]; ` +
        `“From July to December 2016 the courts liquidated the confederation”[cite ${excerpts.liquidated.id}].`,
    );
    const russian = await draft('ru');
    const ru = await call(handlers, 'draft.appendClaim', { id: russian.id, excerptId: excerpts.claim.id }, ctx);
    expect(words(ru.body)).toMatch(
      /^Государство заявляет: «Problems with registration have not been reported»\[cite .+\]\. Это опровергается следующим: «At least 600/,
    );
    const french = await draft('fr');
    const fr = await call(handlers, 'draft.appendClaim', { id: french.id, excerptId: excerpts.claim.id }, ctx);
    expect(words(fr.body)).toMatch(
      /^L’État affirme : « Problems with registration have not been reported »\[cite .+\]\. Les éléments suivants le contredisent : « At least/,
    );

    await expect(
      call(handlers, 'draft.appendClaim', { id: english.id, excerptId: excerpts.registered.id }, ctx),
    ).rejects.toMatchObject({ code: 'EXCERPT_NOT_A_CLAIM' });
  });
});

describe('a table through the generic API', () => {
  it('takes columns and rows of words and citations, and refuses a row of the wrong width', async () => {
    const { ctx, draft, excerpts } = await setup();
    const english = await draft();
    const after = await call(
      handlers,
      'draft.appendTable',
      {
        id: english.id,
        columns: ['Recommendation', 'Position', 'Assessment'],
        rows: [
          [
            [{ text: '140.12 Amend the trade union law (France)' }],
            [{ text: 'Noted' }],
            [{ text: 'Not implemented' }, { excerptId: excerpts.prevented.id }],
          ],
        ],
      },
      ctx,
    );
    expect(rowsOf(after.body.content.at(-1))).toEqual([
      ['Recommendation', 'Position', 'Assessment'],
      ['140.12 Amend the trade union law (France)', 'Noted', `Not implemented[cite ${excerpts.prevented.id}]`],
    ]);
    await expect(
      call(
        handlers,
        'draft.appendTable',
        { id: english.id, columns: ['A', 'B'], rows: [[[{ text: 'only one' }]]] },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'DRAFT_TABLE_SHAPE', params: { columns: 2 } });
  });
});

describe('the exported Word file with the timeline table', () => {
  it('holds a real table whose notes are footnotes in document order, and LibreOffice lays it out', async () => {
    const { ctx, draft, excerpts } = await setup();
    const english = await draft();
    await call(
      handlers,
      'draft.appendParagraph',
      { id: english.id, parts: [{ text: 'The union’s history is set out below.' }, { excerptId: excerpts.claim.id }] },
      ctx,
    );
    await call(handlers, 'draft.appendTimeline', { id: english.id }, ctx);
    await call(handlers, 'draft.appendClaim', { id: english.id, excerptId: excerpts.claim.id }, ctx);
    const path = join(work, 'timeline.docx');
    const saved = await call(
      handlers,
      'draft.export',
      { id: english.id, format: 'docx', redact: false, acceptErrors: true, path },
      ctx,
    );
    expect(saved).toMatchObject({ saved: true });
    const bytes = new Uint8Array(readFileSync(path));
    const entries = listZip(bytes) ?? [];
    const part = (name: string) =>
      readZipText(
        bytes,
        entries.find((e) => e.name === name),
      ) ?? '';
    const { DOMParser } = new JSDOM('').window;
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const document = new DOMParser().parseFromString(part('word/document.xml'), 'application/xml');
    const tables = [...document.getElementsByTagNameNS(W, 'tbl')];
    expect(tables).toHaveLength(1);
    const refs = [...document.getElementsByTagNameNS(W, 'footnoteReference')];
    // Note 1 before the table, 2–4 in it, 5–7 in the claim after it.
    expect(refs.map((r) => r.getAttributeNS(W, 'id'))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(refs.map((r) => r.closest('tbl') !== null)).toEqual([false, true, true, true, false, false, false]);

    // As a word processor lays it out: the table's cells, its note calls and the notes at the foot.
    const profile = pathToFileURL(join(work, 'profile')).href;
    await run(
      process.env.UPRIGHT_SOFFICE ?? 'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, path],
      { timeout: 150_000 },
    );
    const pages = await pdfItems(join(work, 'timeline.pdf'));
    const text = comparable(
      pages
        .flat()
        .map((i) => i.text)
        .join(' '),
    );
    for (const words of [
      'When',
      'What happened',
      'Evidence',
      'KNPRK (victim)',
      'Shymkent City Court (court)',
      '4 March 2011',
    ]) {
      expect(text).toContain(comparable(words));
    }
    // The notes of the table's evidence are printed at the foot, after those before it.
    expect(text).toContain(comparable('Kazakhstan must respect democracy'));
  }, 180_000);
});
