// The same document imported as PDF, Word, text and web page must read the same, paragraph by
// paragraph: a monitor cites an excerpt and its page, and neither may depend on the file type.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { loadPdfJs, pdfOptions } from '../../../src/main/ingest/pdf.ts';
import type { ImportedDocument } from '../../../src/main/ingest/types.ts';
import { blockTexts, documentBytes } from './support/fixtures.ts';

// What differs between formats only in spacing. One explainable difference more: the source writes
// "de- registration" with a stray space after the hyphen; where the PDF breaks the line at exactly
// that space, the space is gone and the PDF reads "de-registration". Nothing else is normalised.
function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/(\p{L})- (\p{L})/gu, '$1-$2')
    .trim();
}

/** Each page's raw text as pdf.js gives it, whitespace and hyphens removed, for finding phrases. */
async function rawPages(bytes: Uint8Array): Promise<{ pages: string[]; headers: string[] }> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument(pdfOptions(bytes));
  const doc = await task.promise;
  const pages: string[] = [];
  const headers: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const strings = content.items.map((item) => ('str' in item ? item.str : ''));
    pages.push(compact(strings.join(' ')));
    // Every fixture PDF opens each page with its running header (symbol or title, then page number).
    headers.push((strings.find((s) => s.trim() !== '') ?? '').replace(/\s*\d+\s*$/, ''));
  }
  await task.destroy();
  return { pages, headers };
}

const compact = (text: string) => text.replace(/[\s\-\u2010\u00ad]/g, '');

function pageAt(doc: ImportedDocument, offset: number): number | undefined {
  return doc.pages.find((span) => offset >= span.start && offset < span.end)?.page;
}

const DOCUMENTS = [
  {
    name: 'ilo-cas-kazakhstan-c87-2022',
    story: 'the Government’s reply to the ILO',
    title: 'Kazakhstan (ratification: 2000) — Convention No. 87 — Information supplied by the Government (2022)',
    pages: 3,
  },
  {
    name: 'ictur-upr-submission-kazakhstan',
    story: 'an NGO’s UPR submission',
    title: 'ICTUR stakeholder submission to the Universal Periodic Review of Kazakhstan',
    pages: 5,
  },
  {
    name: 'campaign-page-kazakhstan-fundamental-rights',
    story: 'a campaign page',
    title: 'Kazakhstan must respect democracy and fundamental rights',
    pages: 2,
  },
] as const;

for (const fixture of DOCUMENTS) {
  describe(`a monitor imports ${fixture.story} as PDF, Word, text and web page`, () => {
    const docs = {} as Record<'pdf' | 'docx' | 'txt' | 'html', ImportedDocument>;
    let raw: { pages: string[]; headers: string[] };

    beforeAll(async () => {
      for (const ext of ['pdf', 'docx', 'txt', 'html'] as const) {
        docs[ext] = await importDocument(documentBytes(`${fixture.name}.${ext}`), `${fixture.name}.${ext}`);
      }
      raw = await rawPages(documentBytes(`${fixture.name}.pdf`));
    });

    it('reads the same paragraphs, in the same order, from every format', () => {
      const expected = blockTexts(docs.txt).map(comparable);
      expect(expected.length).toBeGreaterThan(15);
      expect(blockTexts(docs.pdf).map(comparable)).toEqual(expected);
      expect(blockTexts(docs.docx).map(comparable)).toEqual(expected);
      expect(blockTexts(docs.html).map(comparable)).toEqual(expected);
    });

    it('marks the same paragraphs as list items in every format', () => {
      const items = (doc: ImportedDocument) => doc.blocks.flatMap((b, i) => (b.kind === 'list-item' ? [i] : []));
      for (const doc of [docs.pdf, docs.docx, docs.html]) expect(items(doc)).toEqual(items(docs.txt));
    });

    it('finds the title in every format', () => {
      for (const doc of Object.values(docs)) expect(doc.metadata.title).toBe(fixture.title);
      expect(docs.pdf.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    });

    it('leaves no running header or footer in the PDF text', () => {
      expect(new Set(raw.headers).size).toBe(1);
      const header = raw.headers[0] ?? '';
      expect(header.length).toBeGreaterThan(5);
      expect(docs.pdf.text).not.toContain(header);
    });

    it('maps every paragraph’s first and last words to the PDF page they are printed on', () => {
      expect(docs.pdf.pageCount).toBe(fixture.pages);
      expect(docs.pdf.pages.map((span) => span.page)).toEqual(Array.from({ length: fixture.pages }, (_, i) => i + 1));
      for (const block of docs.pdf.blocks) {
        const text = docs.pdf.text.slice(block.start, block.end);
        for (const [offset, phrase] of [
          [block.start, text.slice(0, 40)],
          [block.end - 1, text.slice(-40)],
        ] as const) {
          const printedOn = raw.pages.flatMap((page, i) => (page.includes(compact(phrase)) ? [i + 1] : []));
          expect(printedOn, phrase).not.toEqual([]);
          expect(printedOn, phrase).toContain(pageAt(docs.pdf, offset));
        }
      }
    });
  });
}

describe('a monitor cites the ILO reply by page', () => {
  let doc: ImportedDocument;
  beforeAll(async () => {
    doc = await importDocument(documentBytes('ilo-cas-kazakhstan-c87-2022.pdf'), 'ilo-cas-kazakhstan-c87-2022.pdf');
  });

  const pageOf = (phrase: string) => {
    const at = doc.text.indexOf(phrase);
    expect(at, phrase).toBeGreaterThanOrEqual(0);
    return pageAt(doc, at);
  };

  it('gives the page each phrase is printed on, across page breaks too', () => {
    expect(pageOf('The Government has provided the following information.')).toBe(1);
    // One paragraph runs from the foot of page 1 to the top of page 2: it belongs to both.
    expect(pageOf('Concerning the ban on Ms Kharkova')).toBe(1);
    expect(pageOf('Kharkova’s ban on holding leadership positions')).toBe(2);
    const crossing = doc.blocks.find((b) =>
      doc.text.slice(b.start, b.end).startsWith('Concerning the ban on Ms Kharkova'),
    );
    expect(crossing && doc.text.slice(crossing.start, crossing.end)).toContain('activities L. Kharkova’s ban');
    expect(pageOf('The Ministry of Labour has not received any such complaints')).toBe(3);
    expect(pageOf('positive response was received')).toBe(3);
  });

  it('reads its longest section headings, wrapped over two lines in the body font, as headings', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => doc.text.slice(b.start, b.end));
    expect(headings).toContain(
      'Concerning the inclusion of international workers’ and employers’ associations in the list of organizations providing grants',
    );
    expect(headings).toContain(
      'Concerning the enforcement of articles 145 and 154 of the Criminal Code and article 97(2) of the Administrative Offences Code',
    );
    // Their text follows as its own paragraph.
    const next =
      doc.blocks[doc.blocks.findIndex((b) => doc.text.startsWith('Concerning the enforcement', b.start)) + 1];
    expect(next && doc.text.slice(next.start, next.end)).toMatch(/^The Ministry of Labour has conducted an analysis/);
  });

  it('keeps page spans contiguous over the whole text', () => {
    expect(doc.pages[0]?.start).toBe(0);
    expect(doc.pages.at(-1)?.end).toBe(doc.text.length);
    for (const [i, span] of doc.pages.entries()) if (i > 0) expect(span.start).toBe(doc.pages[i - 1]?.end);
  });

  it('rejoins line-end hyphens only where the word is not a compound', () => {
    // "non-|unionized" is broken at its own hyphen in the PDF; "rights-related" mid-line stays too.
    expect(doc.text).toContain('both unionized and non-unionized workers');
    expect(doc.text).toContain('human rights-related government work');
    expect(doc.text).toContain('the e-government web portal');
    expect(doc.text).not.toMatch(/non-\s+unionized|nonunionized/);
  });

  it('suggests the ILO symbol from the running header, the year from the title, and English', () => {
    expect(doc.metadata).toMatchObject({ symbol: 'CAN/D/Kazakhstan-C.87', date: '2022', language: 'en' });
  });
});

describe('a monitor imports the ICTUR submission as PDF', () => {
  it('keeps the compound the PDF breaks at its hyphen, and recognises list items', async () => {
    const doc = await importDocument(documentBytes('ictur-upr-submission-kazakhstan.pdf'), 'ictur.pdf');
    expect(doc.text).toContain('is the de-registration of the Confederation');
    const items = doc.blocks.filter((b) => b.kind === 'list-item').map((b) => doc.text.slice(b.start, b.end));
    expect(items).toContain('Identify the perpetrators and ensure that they are brought to justice;');
    expect(items).toHaveLength(11);
    // The en dash that a line break put at the start of a line is not a list: it stays in its paragraph.
    expect(doc.text).toContain('across a wide geographic base – sections 10(2) and 11(3)');
  });
});
