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
import { renderMarkdown } from '../../../src/main/drafts/markdown.ts';
import { buildModel, layout } from '../../../src/main/drafts/model.ts';
import { bodyWords } from '../../../src/main/drafts/words.ts';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import { cite, doc, excerpt, goodContext, heading, para, person, TODAY, table } from './support.ts';

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

  it('escapes a pipe typed in a cell, so the row keeps its columns', () => {
    const md = renderMarkdown(
      prepareDocument(context(doc(para('Intro.'), table(['A', 'B'], [['x | y'], ['z']]))), { redact: false }),
    );
    expect(md).toContain('| x \\| y | z |');
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
