// The Original PDF view draws a source's excerpts over its pages. An excerpt is kept as offsets in the
// normalised text (hyphens rejoined, running headers gone); here it is found again among the
// positioned text runs pdf.js reads from the very page, and boxed where its words are printed.
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { loadPdfJs, pdfOptions } from '../../../src/main/ingest/pdf.ts';
import type { ImportedDocument } from '../../../src/main/ingest/types.ts';
import {
  highlightBoxes,
  type PageView,
  type PdfBox,
  type PdfTextItem,
} from '../../../src/renderer/src/features/reader/pdfHighlights.ts';
import { documentBytes } from '../ingest/support/fixtures.ts';

const FILE = 'ilo-cas-kazakhstan-c87-2022.pdf';
let doc: ImportedDocument;
const printed: { items: PdfTextItem[]; view: PageView }[] = [];

beforeAll(async () => {
  doc = await importDocument(documentBytes(FILE), FILE);
  const { getDocument } = await loadPdfJs();
  const task = getDocument(pdfOptions(documentBytes(FILE)));
  const pdf = await task.promise;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    printed.push({
      items: content.items.filter((item): item is PdfTextItem & typeof item => 'str' in item),
      view: page.view as PageView,
    });
  }
  await task.destroy();
});

/** The excerpt of `phrase` (its `nth` occurrence in the text) as the reader would draw it. */
function excerptOf(phrase: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = doc.text.indexOf(phrase, start + 1);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  return { id: `x-${start}`, start, end: start + phrase.length, colour: '#ffe08a' };
}

function boxesOn(page: number, highlights: ReturnType<typeof excerptOf>[]): PdfBox[] {
  const { items, view } = printed[page - 1] ?? { items: [], view: [0, 0, 0, 0] as PageView };
  return highlightBoxes(page, items, view, doc, highlights);
}

/** The text runs whose baseline falls inside a box: what a person sees under the highlight. */
function textUnder(page: number, box: PdfBox): string {
  const { items, view } = printed[page - 1] ?? { items: [], view: [0, 0, 0, 0] as PageView };
  const height = view[3] - view[1];
  const width = view[2] - view[0];
  return items
    .filter((item) => {
      const y = (view[3] - (item.transform[5] ?? 0)) / height;
      const x0 = ((item.transform[4] ?? 0) - view[0]) / width;
      const x1 = x0 + item.width / width;
      return y > box.top && y < box.top + box.height && x1 > box.left && x0 < box.left + box.width;
    })
    .map((item) => item.str)
    .join('');
}

describe('excerpts drawn over the original PDF', () => {
  it('boxes a one-line excerpt on its line, about as wide as its words', () => {
    const excerpt = excerptOf('The proposed amendments are currently in the process of negotiation.');
    const boxes = boxesOn(1, [excerpt]);
    expect(boxes).toHaveLength(1);
    const [box] = boxes;
    if (!box) return;
    expect(textUnder(1, box)).toContain('The proposed amendments are currently in the process of negotiation.');
    // The sentence fills its own line from the left margin to a little past the middle of the page.
    expect(box.left).toBeGreaterThan(0.08);
    expect(box.left).toBeLessThan(0.15);
    expect(box.left + box.width).toBeGreaterThan(0.55);
    expect(box.left + box.width).toBeLessThan(0.7);
    expect(box.height).toBeGreaterThan(0.005);
    expect(box.height).toBeLessThan(0.03);
    // Nothing of it on the other pages.
    expect(boxesOn(2, [excerpt])).toEqual([]);
  });

  it('boxes each line of an excerpt broken over lines at a hyphen the text rejoined', () => {
    const excerpt = excerptOf('both unionized and non-unionized workers');
    const page = doc.pages.find((p) => p.start <= excerpt.start && excerpt.start < p.end)?.page ?? 0;
    const boxes = boxesOn(page, [excerpt]);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    const tops = boxes.map((b) => b.top);
    expect(Math.max(...tops) - Math.min(...tops)).toBeGreaterThan(0.01);
  });

  it('picks the occurrence the excerpt is, not the first on the page', () => {
    const phrase = 'notification procedure';
    const first = excerptOf(phrase, 0);
    const second = excerptOf(phrase, 1);
    // "… to the notification procedure. The notification procedure for …": the second is further on.
    const a = boxesOn(1, [first]).at(-1);
    const b = boxesOn(1, [second]).at(-1);
    if (!a || !b) throw new Error('both occurrences should be drawn');
    const sameLine = Math.abs(a.top - b.top) < 0.005;
    expect(sameLine ? b.left > a.left + a.width - 0.001 : b.top > a.top).toBe(true);
    expect(textUnder(1, b)).toContain('The notification procedure');
  });

  it('draws an excerpt that runs over a page break on both pages, and only there', () => {
    const excerpt = excerptOf(
      'from engaging in trade union activities L. Kharkova’s ban on holding leadership positions',
    );
    const onFirst = boxesOn(1, [excerpt]);
    const onSecond = boxesOn(2, [excerpt]);
    expect(onFirst.length).toBeGreaterThan(0);
    expect(onSecond.length).toBeGreaterThan(0);
    // The foot of page 1, the top of page 2.
    expect(Math.min(...onFirst.map((b) => b.top))).toBeGreaterThan(0.85);
    expect(Math.max(...onSecond.map((b) => b.top))).toBeLessThan(0.15);
    // Page 2 sets that justified line one run per word: still one box, not a box per word.
    expect(onSecond).toHaveLength(1);
    expect(boxesOn(3, [excerpt])).toEqual([]);
  });

  it('draws nothing for words that are not on the page, rather than something in the wrong place', () => {
    const span = doc.pages[0];
    const stray = { id: 'stray', start: span?.start ?? 0, end: (span?.start ?? 0) + 10, colour: '#f00' };
    expect(highlightBoxes(1, [], [0, 0, 595, 842], doc, [stray])).toEqual([]);
    expect(
      highlightBoxes(
        1,
        printed[0]?.items ?? [],
        [0, 0, 595, 842],
        { text: 'Words printed nowhere.', pages: doc.pages },
        [stray],
      ),
    ).toEqual([]);
  });
});
