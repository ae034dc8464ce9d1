// A submission with a table in it — the dossier's timeline, with a citation in a cell — goes
// everywhere a draft goes: the Word file has a real table whose notes are real footnotes numbered
// with the rest, the printable page and the Markdown draw it as a table, redaction and the checks
// read inside its cells, its words count toward the limit, and comparing versions shows a changed cell.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/main/drafts/checks.ts';
import { compareBodies } from '../../../src/main/drafts/compare.ts';
import { prepareDocument, readDraft } from '../../../src/main/drafts/document.ts';
import { renderDocx } from '../../../src/main/drafts/docx.ts';
import { renderHtml } from '../../../src/main/drafts/html.ts';
import { claimParts, timelineColumns, timelineRow } from '../../../src/main/drafts/inserts.ts';
import { renderMarkdown } from '../../../src/main/drafts/markdown.ts';
import { buildModel, inlineText, layout } from '../../../src/main/drafts/model.ts';
import { wording } from '../../../src/main/drafts/wording.ts';
import { bodyWords } from '../../../src/main/drafts/words.ts';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import type { EventRecord } from '../../../src/main/store/index.ts';
import type { DraftNode } from '../../../src/shared/draft.ts';
import {
  cite,
  doc,
  excerpt,
  goodContext,
  heading,
  para,
  person,
  recommendation,
  recommendationRef,
  TODAY,
  table,
} from './support.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const { DOMParser } = new JSDOM('').window;
const all = (node: Document | Element, name: string) => [...node.getElementsByTagNameNS(W, name)];
const val = (el: Element | undefined, name = 'val') => el?.getAttributeNS(W, name) ?? null;
const textOf = (el: Element) =>
  all(el, 't')
    .map((t) => t.textContent)
    .join('');

const TIMELINE = table(
  ['When', 'What happened', 'Who'],
  [
    ['17 December 2011'],
    ['Police fired on striking oil workers in Zhanaozen.', cite('e2')],
    ['Amin Eleusinov (victim)'],
  ],
  [['2017'], ['The union was dissolved by a court.', cite('e1'), cite('hidden')], []],
);

const BODY = doc(
  heading(1, 'Introduction and summary'),
  para('The timeline below sets out what happened.', cite('e1')),
  TIMELINE,
  para('After the table the paragraphs go on being numbered.', cite('e2')),
);

const context = (body = BODY) =>
  goodContext({
    body,
    excerpts: new Map([
      ['e1', excerpt('e1')],
      [
        'e2',
        excerpt('e2', {
          sourceTitle: 'Kazakhstan: striking workers shot',
          authorOrganisation: 'Human Rights Watch',
          documentSymbol: null,
          dateText: '2011-12-20',
          page: null,
        }),
      ],
      ['hidden', excerpt('hidden', { confidentiality: 'never_export', sourceTitle: 'Statement of witness K.' })],
    ]),
    entities: [person('Amin Eleusinov', { pseudonym: 'a union leader' })],
  });

async function docxOf(redact: boolean) {
  const bytes = await renderDocx(prepareDocument(context(), { redact }));
  const entries = listZip(bytes) ?? [];
  const part = (name: string): string => {
    const text = readZipText(
      bytes,
      entries.find((e) => e.name === name),
    );
    if (text === undefined) throw new Error(`no part ${name}`);
    return text;
  };
  const xml = (name: string) => {
    const parsed = new DOMParser().parseFromString(part(name), 'application/xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    return parsed;
  };
  return { xml, names: entries.map((e) => e.name), part };
}

describe('a table in the document model', () => {
  it('lays each cell out as a block that knows its row and column, unnumbered, its notes in document order', () => {
    const { model, notes } = readDraft(context());
    expect(model.blocks.map((b) => [b.number, b.cell && [b.cell.row, b.cell.column, b.cell.header]])).toEqual([
      [null, null],
      [1, null],
      [null, [0, 0, true]],
      [null, [0, 1, true]],
      [null, [0, 2, true]],
      [null, [1, 0, false]],
      [null, [1, 1, false]],
      [null, [1, 2, false]],
      [null, [2, 0, false]],
      [null, [2, 1, false]],
      // The empty cell is still there, so the row keeps its three columns.
      [null, [2, 2, false]],
      [2, null],
    ]);
    expect(notes.map((n) => [n.number, n.excerptId])).toEqual([
      [1, 'e1'],
      [2, 'e2'],
      [3, 'e1'],
      [4, 'hidden'],
      [5, 'e2'],
    ]);
    const tables = layout(model.blocks).filter((item) => item.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ columns: 3 });
    expect(tables[0]?.kind === 'table' && tables[0].rows.map((r) => r.header)).toEqual([true, false, false]);
  });

  it('counts the table’s words toward the limit, as Word does', () => {
    const model = buildModel(BODY, () => '');
    const withoutTable = buildModel(doc(...BODY.content.filter((n) => n.type !== 'table')), () => '');
    // When What happened Who · 17 December 2011 · Police fired on striking oil workers in Zhanaozen. · Amin
    // Eleusinov (victim) · 2017 · The union was dissolved by a court.
    expect(bodyWords(model) - bodyWords(withoutTable)).toBe(4 + 3 + 8 + 3 + 1 + 7);
  });
});

describe('a table in the Word file', () => {
  it('is a real table: a shaded header row repeated on each page, borders all round, one cell per column', async () => {
    const { xml } = await docxOf(false);
    const document = xml('word/document.xml');
    const tables = all(document, 'tbl');
    expect(tables).toHaveLength(1);
    const tbl = tables[0] as Element;
    const borders = all(tbl, 'tblBorders')[0] as Element;
    expect(['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => val(all(borders, side)[0]))).toEqual([
      'single',
      'single',
      'single',
      'single',
      'single',
      'single',
    ]);
    const rows = all(tbl, 'tr');
    expect(rows.map((r) => all(r, 'tblHeader').length > 0)).toEqual([true, false, false]);
    expect(rows.map((r) => all(r, 'tc').map(textOf))).toEqual([
      ['When', 'What happened', 'Who'],
      ['17 December 2011', 'Police fired on striking oil workers in Zhanaozen.', 'Amin Eleusinov (victim)'],
      ['2017', 'The union was dissolved by a court.', ''],
    ]);
    // The header row is bold and shaded; the body rows are plain.
    const header = rows[0] as Element;
    expect(all(header, 'r').every((r) => all(r, 'b').length > 0)).toBe(true);
    expect(all(header, 'shd').map((s) => val(s, 'fill'))).toEqual(['E7E6E6', 'E7E6E6', 'E7E6E6']);
    expect(all(rows[1] as Element, 'b')).toHaveLength(0);
    // No cell paragraph carries a UPR paragraph number.
    expect(all(tbl, 'numPr')).toHaveLength(0);
    // The paragraph that introduces the table stays on the table's page.
    const before = tbl.previousElementSibling as Element;
    expect(textOf(before)).toBe('The timeline below sets out what happened.');
    expect(all(before, 'keepNext')).toHaveLength(1);
  });

  it('makes the citations in cells real footnotes, numbered in document order with the rest', async () => {
    const { xml } = await docxOf(false);
    const document = xml('word/document.xml');
    const references = all(document, 'footnoteReference');
    // The never-export citation in the cell is gone; the others are 1…4 in reading order.
    expect(references.map((r) => val(r, 'id'))).toEqual(['1', '2', '3', '4']);
    const inTable = references.filter((r) => r.closest('tbl') !== null).map((r) => val(r, 'id'));
    expect(inTable).toEqual(['2', '3']);
    const notes = all(xml('word/footnotes.xml'), 'footnote').filter((n) => Number(val(n, 'id')) > 0);
    expect(notes.map((n) => [val(n, 'id'), textOf(n).trim()])).toEqual([
      ['1', 'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, p. 3.'],
      ['2', 'Human Rights Watch, Kazakhstan: striking workers shot, 20 December 2011.'],
      ['3', 'Government of Kazakhstan, Information supplied by the Government, note 1 above, p. 3.'],
      ['4', 'Human Rights Watch, Kazakhstan, note 2 above.'],
    ]);
  });

  it('replaces names inside cells when redacting, and withholds the never-export note there too', async () => {
    const { names, part } = await docxOf(true);
    for (const name of names) {
      expect(part(name), name).not.toContain('Eleusinov');
      expect(part(name), name).not.toContain('witness K.');
    }
    expect(part('word/document.xml')).toContain('A union leader (victim)');
    const doc = prepareDocument(context(), { redact: true });
    expect(doc.substitutions).toEqual([
      expect.objectContaining({ name: 'Amin Eleusinov', pseudonym: 'a union leader' }),
    ]);
    expect(doc.sentences).toEqual([
      expect.objectContaining({ before: 'Amin Eleusinov (victim)', after: 'A union leader (victim)' }),
    ]);
    expect(doc.withheld.map((n) => [n.number, n.problem])).toEqual([[4, 'never_export']]);
  });
});

describe('a table in the printable page and in Markdown', () => {
  it('is an HTML table with its header row in <thead> and note calls in the cells', () => {
    const page = new JSDOM(renderHtml(prepareDocument(context(), { redact: true }))).window.document;
    const table = page.querySelector('main table.draft-table');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      'When',
      'What happened',
      'Who',
    ]);
    expect(
      [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.children].map((c) => c.textContent)),
    ).toEqual([
      ['17 December 2011', 'Police fired on striking oil workers in Zhanaozen.2', 'A union leader (victim)'],
      ['2017', 'The union was dissolved by a court.3', ''],
    ]);
    expect(table?.querySelector('td sup.note-ref a')?.getAttribute('href')).toBe('#note-2');
    expect([...page.querySelectorAll('p.numbered')].map((p) => p.textContent)).toEqual([
      '1.The timeline below sets out what happened.1',
      '2.After the table the paragraphs go on being numbered.4',
    ]);
    expect([...page.querySelectorAll('.notes li')]).toHaveLength(4);
  });

  it('is a pipe table in Markdown, header first, footnote marks in the cells', () => {
    const md = renderMarkdown(prepareDocument(context(), { redact: true }));
    expect(md).toContain(
      [
        '| When | What happened | Who |',
        '| --- | --- | --- |',
        '| 17 December 2011 | Police fired on striking oil workers in Zhanaozen.[^2] | A union leader (victim) |',
        '| 2017 | The union was dissolved by a court.[^3] |  |',
      ].join('\n'),
    );
    expect(md).toContain('2\\. After the table the paragraphs go on being numbered.[^4]');
    expect(md).not.toContain('Eleusinov');
  });

  it('heads a row with its header cell (a first column of headers), in HTML and in Word', async () => {
    const rowHeads: DraftNode = {
      type: 'table',
      content: [
        ['tableHeader', 'State', 'tableHeader', 'Position'],
        ['tableHeader', 'Germany', 'tableCell', 'Supported'],
      ].map(([a, x, b, y]) => ({
        type: 'tableRow',
        content: [
          { type: a as string, content: [para(x as string)] },
          { type: b as string, content: [para(y as string)] },
        ],
      })),
    };
    const exported = prepareDocument(context(doc(para('Intro.'), rowHeads)), { redact: false });
    const page = new JSDOM(renderHtml(exported)).window.document;
    expect([...page.querySelectorAll('table th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['State', 'col'],
      ['Position', 'col'],
      ['Germany', 'row'],
    ]);
    const bytes = await renderDocx(exported);
    const xml = new DOMParser().parseFromString(
      readZipText(
        bytes,
        (listZip(bytes) ?? []).find((e) => e.name === 'word/document.xml'),
      ) ?? '',
      'application/xml',
    );
    const rows = all(all(xml, 'tbl')[0] as Element, 'tr');
    expect(rows.map((r) => all(r, 'tc').map((tc) => all(tc, 'b').length > 0))).toEqual([
      [true, true],
      [true, false],
    ]);
    // Only the header row repeats on each page.
    expect(rows.map((r) => all(r, 'tblHeader').length)).toEqual([1, 0]);
  });

  it('escapes a pipe typed in a cell, so the row keeps its columns', () => {
    const md = renderMarkdown(
      prepareDocument(context(doc(para('Intro.'), table(['A', 'B'], [['x | y'], ['z']]))), { redact: false }),
    );
    expect(md).toContain('| x \\| y | z |');
  });
});

describe('a table with merged cells (pasted from Word)', () => {
  const cell = (type: string, content: DraftNode[], attrs: Record<string, unknown> = {}): DraftNode => ({
    type,
    attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs },
    content: [{ type: 'paragraph', content }],
  });
  const MERGED = doc(para('Intro.'), {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [
          cell('tableHeader', [{ type: 'text', text: 'Event' }], { colspan: 2 }),
          cell('tableHeader', [{ type: 'text', text: 'Evidence' }]),
        ],
      },
      {
        type: 'tableRow',
        content: [
          cell('tableCell', [{ type: 'text', text: '2016' }], { rowspan: 2 }),
          cell('tableCell', [{ type: 'text', text: 'Court case' }]),
          cell('tableCell', [cite('e1')]),
        ],
      },
      {
        type: 'tableRow',
        content: [cell('tableCell', [{ type: 'text', text: 'Liquidation' }]), cell('tableCell', [cite('e2')])],
      },
    ],
  });

  it('places each cell in the grid column it starts in, after the merged ones', () => {
    const { model } = readDraft(context(MERGED));
    expect(model.blocks.filter((b) => b.cell).map((b) => [inlineText(b.inlines), b.cell?.row, b.cell?.column])).toEqual(
      [
        ['Event', 0, 0],
        ['Evidence', 0, 2],
        ['2016', 1, 0],
        ['Court case', 1, 1],
        ['', 1, 2],
        ['Liquidation', 2, 1],
        ['', 2, 2],
      ],
    );
  });

  it('merges them in Word, in HTML, and leaves the covered places empty in Markdown', async () => {
    const exported = prepareDocument(context(MERGED), { redact: false });
    const bytes = await renderDocx(exported);
    const entries = listZip(bytes) ?? [];
    const xml = new DOMParser().parseFromString(
      readZipText(
        bytes,
        entries.find((e) => e.name === 'word/document.xml'),
      ) ?? '',
      'application/xml',
    );
    const rows = all(all(xml, 'tbl')[0] as Element, 'tr');
    expect(
      rows.map((r) => all(r, 'tc').map((tc) => [textOf(tc), val(all(tc, 'gridSpan')[0]), val(all(tc, 'vMerge')[0])])),
    ).toEqual([
      [
        ['Event', '2', null],
        ['Evidence', null, null],
      ],
      [
        ['2016', null, 'restart'],
        ['Court case', null, null],
        ['', null, null],
      ],
      [
        ['', null, 'continue'],
        ['Liquidation', null, null],
        ['', null, null],
      ],
    ]);
    const page = new JSDOM(renderHtml(exported)).window.document;
    expect(page.querySelector('th')?.getAttribute('colspan')).toBe('2');
    expect(page.querySelector('td')?.getAttribute('rowspan')).toBe('2');
    expect([...page.querySelectorAll('tbody tr')].map((tr) => tr.children.length)).toEqual([3, 2]);
    expect(renderMarkdown(exported)).toContain(
      [
        '| Event |  | Evidence |',
        '| --- | --- | --- |',
        '| 2016 | Court case | [^1] |',
        '|  | Liquidation | [^2] |',
      ].join('\n'),
    );
  });
});

describe('the checks inside a table', () => {
  it('see a never-export citation, quoted protected words and a pseudonymised name in a cell', () => {
    const secret = 'the witness was beaten at the Zhanaozen police station on 17 December';
    const results = runChecks(
      {
        ...context(
          doc(...BODY.content, table(['When', 'What happened'], [['2011'], [`We were told that ${secret}.`]])),
        ),
        protectedQuotes: () => [{ excerptId: 'x1', exact: secret }],
      },
      { today: TODAY },
    );
    const found = results.map((r) => [r.code, r.target]);
    expect(found).toContainEqual(['CITATION_NEVER_EXPORT', { kind: 'note', number: 4 }]);
    expect(found).toContainEqual(['NEVER_EXPORT_QUOTED', { kind: 'paragraph', number: 2 }]);
    expect(found).toContainEqual(['PSEUDONYM_REPLACED', { kind: 'paragraph', number: 1 }]);
  });

  it('read a reference to an earlier recommendation in a cell, and say when it is gone or unnumbered', () => {
    const body = doc(
      ...BODY.content,
      table(
        ['Recommendation', 'Assessment'],
        [[recommendationRef('r2')], ['Not implemented']],
        [[recommendationRef('gone')], ['No information']],
      ),
    );
    const results = runChecks(
      { ...context(body), recommendations: new Map([['r2', recommendation('r2', { paragraph: null })]]) },
      { today: TODAY },
    );
    const found = results.filter((r) => r.rule === 'recommendation-ref').map((r) => [r.code, r.target]);
    expect(found).toEqual([
      ['RECOMMENDATION_UNNUMBERED', { kind: 'paragraph', number: 2 }],
      ['RECOMMENDATION_MISSING', { kind: 'paragraph', number: 2 }],
    ]);
  });

  it('do not ask for a number on a long cell, which is unnumbered by design', () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const results = runChecks(context(doc(...BODY.content, table(['What happened'], [[long]]))), { today: TODAY });
    expect(results.map((r) => r.code)).not.toContain('LONG_UNNUMBERED');
  });
});

describe('comparing versions with a table', () => {
  it('shows a changed cell as its row before and after, the other rows unchanged', () => {
    const after = doc(
      heading(1, 'Introduction and summary'),
      para('The timeline below sets out what happened.', cite('e1')),
      table(
        ['When', 'What happened', 'Who'],
        [
          ['16–17 December 2011'],
          ['Police fired on striking oil workers in Zhanaozen.', cite('e2')],
          ['Amin Eleusinov (victim)'],
        ],
        [['2017'], ['The union was dissolved by a court.', cite('e1'), cite('hidden')], []],
      ),
      para('After the table the paragraphs go on being numbered.', cite('e2')),
    );
    const changes = compareBodies(
      BODY,
      after,
      (id) => `source ${id}`,
      () => '',
    );
    expect(changes.filter((c) => c.change !== 'same')).toEqual([
      {
        change: 'changed',
        before:
          '17 December 2011 | Police fired on striking oil workers in Zhanaozen. [source e2] | Amin Eleusinov (victim)',
        after:
          '16–17 December 2011 | Police fired on striking oil workers in Zhanaozen. [source e2] | Amin Eleusinov (victim)',
      },
    ]);
    expect(changes.map((c) => c.before)).toContain('When | What happened | Who');
  });
});

describe('what the Timeline and Claims tabs insert, in the draft’s language', () => {
  const event: EventRecord = {
    id: 'ev1',
    dossierId: 'd1',
    title: 'Liquidated by the courts',
    description: '',
    date: { start: '2017-03-01', end: '2017-03-31', precision: 'month' },
    dateText: 'March 2017',
    place: 'Shymkent',
    participants: [
      { entityId: 'k', role: 'victim', name: 'KNPRK', kind: 'organisation', pseudonym: null },
      { entityId: 'c', role: 'court', name: 'Economic Court', kind: 'organisation', pseudonym: null },
    ],
    evidence: ['x1', 'x2'].map((excerptId) => ({
      excerptId,
      sourceId: 's',
      sourceTitle: 'Campaign page',
      sourceKind: 'web_page' as const,
      exact: 'liquidated',
      page: null,
      contradicted: false,
    })),
    sourceCount: 1,
    disputed: false,
    createdAt: '',
    updatedAt: '',
  };

  it('heads the timeline’s columns and names the roles in English, Russian, French and Spanish', () => {
    const languages = ['en', 'ru', 'fr', 'es'];
    expect(languages.map((l) => timelineColumns(wording(l)))).toEqual([
      ['When', 'What happened', 'Where', 'Who', 'Evidence'],
      ['Когда', 'Что произошло', 'Где', 'Кто', 'Доказательства'],
      ['Date', 'Faits', 'Lieu', 'Personnes en cause', 'Preuves'],
      ['Fecha', 'Hechos', 'Lugar', 'Personas involucradas', 'Pruebas'],
    ]);
    const rows = languages.map((l) => timelineRow(wording(l), event));
    expect(rows.map((row) => row[3])).toEqual([
      [{ text: 'KNPRK (victim); Economic Court (court)' }],
      [{ text: 'KNPRK (пострадавший); Economic Court (суд)' }],
      [{ text: 'KNPRK (victime); Economic Court (tribunal)' }],
      [{ text: 'KNPRK (víctima); Economic Court (tribunal)' }],
    ]);
    // The month as each language writes it; the evidence as citations, one after another.
    expect(rows.map((row) => row[0])).toEqual([
      [{ text: 'March 2017' }],
      [{ text: 'март 2017 г.' }],
      [{ text: 'mars 2017' }],
      [{ text: 'marzo de 2017' }],
    ]);
    expect(rows[0]?.[4]).toEqual([{ excerptId: 'x1' }, { text: ', ' }, { excerptId: 'x2' }]);
  });

  it('words a claim and its evidence as one cited paragraph, quoted as the language quotes', () => {
    const claim = { id: 'c1', exact: 'Problems have not\nbeen reported' };
    const against = [{ id: 'x1', exact: '600 unions were prevented' }];
    const text = (language: string) =>
      claimParts(wording(language), claim, against, [])
        .map((p) => ('text' in p ? p.text : `[${p.excerptId}]`))
        .join('');
    expect(text('en')).toBe(
      'The State says: “Problems have not been reported”[c1]. This is contradicted by the following: “600 unions were prevented”[x1].',
    );
    expect(text('es')).toBe(
      'El Estado afirma: «Problems have not been reported»[c1]. Lo contradice lo siguiente: «600 unions were prevented»[x1].',
    );
  });
});
