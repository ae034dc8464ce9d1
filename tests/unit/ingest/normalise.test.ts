// The normaliser on layouts the fixtures do not have: positioned lines made up in the test, so each
// rule (headers, page numbers, hyphens, paragraph breaks, footnotes, page map) is seen on its own.
import { describe, expect, it } from 'vitest';
import { buildText } from '../../../src/main/ingest/build.ts';
import type { Lexicon, PdfLine, PdfPageLines } from '../../../src/main/ingest/normalise.ts';
import { buildLexicon, isPageNumber, joinLine, normalisePdfLines } from '../../../src/main/ingest/normalise.ts';

const RIGHT = 500;

/** A line on a page: full width unless `short`; 10-pt body font unless told. */
function line(page: number, y: number, text: string, options: Partial<PdfLine> & { short?: boolean } = {}): PdfLine {
  const size = options.size ?? 10;
  const x0 = options.x0 ?? 70;
  const x1 = options.x1 ?? (options.short ? x0 + text.length * size * 0.45 : RIGHT);
  return { page, y, text, x0, x1, size, font: options.font ?? 'body' };
}

function normalise(pages: PdfPageLines[]) {
  const { blocks, furniture } = normalisePdfLines(pages);
  return { ...buildText(blocks, pages.length), furniture };
}

const texts = (built: { text: string; blocks: Array<{ start: number; end: number }> }) =>
  built.blocks.map((b) => built.text.slice(b.start, b.end));

describe('a word broken at a line end is rejoined only when it is one word', () => {
  const lexicon: Lexicon = buildLexicon([
    'the de-registration of unions and the international community',
    'trade unions, a union of trade workers',
  ]);
  it.each([
    ['organisations were organi-', 'zations of workers', 'organisations were organizations of workers'],
    ['workers who are non-', 'unionized today', 'workers who are non-unionized today'],
    ['the e-', 'government portal', 'the e-government portal'],
    ['led to the de-', 'registration of', 'led to the de-registration of'],
    ['the inter-', 'national community', 'the international community'],
    ['the trade-', 'union movement', 'the trade-union movement'],
    ['регистрации профсо-', 'юза было отказано', 'регистрации профсоюза было отказано'],
    ['a soft profes\u00ad', 'sional break', 'a soft professional break'],
    ['symbol CAN/D/Kazakhstan-', 'C.87 says', 'symbol CAN/D/Kazakhstan-C.87 says'],
    ['years 2014-', '2015 saw', 'years 2014-2015 saw'],
    ['(Kazakhstan -', 'KSPK) were', '(Kazakhstan - KSPK) were'],
  ])('%s | %s', (left, right, joined) => {
    expect(joinLine(left, right, lexicon)).toBe(joined);
  });
});

describe('running headers, footers and page numbers are not part of the text', () => {
  const page = (n: number, body: string[]): PdfPageLines => ({
    page: n,
    width: 595,
    lines: [
      line(n, 800, `A/HRC/43/${10 + n}`, { short: true, size: 8 }),
      // The last line of the page's text and a title-like line stop short of the margin.
      ...body.map((text, i) => line(n, 760 - i * 12, text, { short: i === body.length - 1 || !text.endsWith('.') })),
      line(n, 40, `GE.20-01234 ${n}`, { short: true, size: 8 }),
      line(n, 28, `- ${n} -`, { short: true, size: 8 }),
    ],
  });

  it('removes what repeats at the page edges, whatever its page number, and keeps it as furniture', () => {
    const built = normalise([
      page(1, ['First page text.']),
      page(2, ['Second page text.']),
      page(3, ['Third page text.']),
    ]);
    expect(texts(built)).toEqual(['First page text.', 'Second page text.', 'Third page text.']);
    expect(built.furniture).toContain('A/HRC/43/11');
    expect(built.furniture).toContain('- 3 -');
  });

  it('knows a bare page number when it sees one, and a word when it does not', () => {
    for (const number of ['3', '- 3 -', 'Page 3 of 10', 'стр. 3', '12 / 40', 'xiv'])
      expect(isPageNumber(number), number).toBe(true);
    for (const word of ['Civil', 'mix', 'Introduction', '2.']) expect(isPageNumber(word), word).toBe(false);
  });

  it('keeps a line at a page top that appears on one page only', () => {
    const pages = [page(1, ['Introduction', 'Body one.']), page(2, ['Body two.']), page(3, ['Body three.'])];
    pages[0]?.lines.splice(0, 1); // page 1 without its header: "Introduction" is now its top line
    expect(texts(normalise(pages))).toContain('Introduction');
  });
});

describe('lines reflow into paragraphs', () => {
  it('splits on extra space between paragraphs and keeps short lines inside one', () => {
    const built = normalise([
      {
        page: 1,
        lines: [
          line(1, 700, 'The first paragraph starts here and runs over'),
          line(1, 688, 'a second line.', { short: true }),
          line(1, 670, 'The second paragraph has a short first line', { short: true }),
          line(1, 658, 'because the author typed a line break there and goes on', { short: true }),
          line(1, 646, 'to the end.', { short: true }),
          line(1, 628, 'Third.', { short: true }),
          line(1, 610, 'Fourth paragraph, long enough for the layout to count as spaced.'),
          line(1, 598, 'Its end.', { short: true }),
        ],
      },
    ]);
    expect(texts(built)).toEqual([
      'The first paragraph starts here and runs over a second line.',
      'The second paragraph has a short first line because the author typed a line break there and goes on to the end.',
      'Third.',
      'Fourth paragraph, long enough for the layout to count as spaced. Its end.',
    ]);
  });

  it('without space between paragraphs, splits at a short line that ends a sentence or an indent', () => {
    const built = normalise([
      {
        page: 1,
        lines: [
          line(1, 700, 'Paragraphs here are set solid, with no space between them, as'),
          line(1, 688, 'in many court decisions.', { short: true }),
          line(1, 676, 'The next one starts flush left after a short line and runs on'),
          line(1, 664, 'over two lines', { short: true }),
          line(1, 652, 'and this line continues it because it starts in lower case.', { short: true }),
          line(1, 640, 'An indented paragraph follows a full line of its predecessor.', { x0: 90 }),
          line(1, 628, 'It ends here.', { short: true }),
        ],
      },
    ]);
    expect(texts(built)).toEqual([
      'Paragraphs here are set solid, with no space between them, as in many court decisions.',
      'The next one starts flush left after a short line and runs on over two lines and this line continues it because it starts in lower case.',
      'An indented paragraph follows a full line of its predecessor. It ends here.',
    ]);
  });

  it('recognises headings by size and by a bold font', () => {
    const built = normalise([
      {
        page: 1,
        lines: [
          line(1, 760, 'Annual report', { size: 16, short: true }),
          line(1, 730, 'Background', { font: 'bold', short: true }),
          line(1, 712, 'Body text of the report runs over several lines in the body font'),
          line(1, 700, 'and ends here.', { short: true }),
        ],
      },
    ]);
    expect(built.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['paragraph', undefined],
    ]);
  });
});

describe('a heading in the body font too long for one line', () => {
  const page = (lines: PdfLine[]): PdfPageLines[] => [{ page: 1, width: 595, lines }];
  const body = (y: number) => [
    line(1, y, 'The Ministry has analysed how the courts applied these articles over the last three'),
    line(1, y - 12, 'years and found no case.', { short: true }),
  ];

  it('is a heading when it wraps onto a short second line and text follows', () => {
    const built = normalise(
      page([
        ...body(790),
        line(1, 760, 'Concerning the enforcement of articles 145 and 154 of the Criminal Code and article'),
        line(1, 748, '97(2) of the Administrative Offences Code', { short: true }),
        ...body(730),
      ]),
    );
    expect(built.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(texts(built)[1]).toBe(
      'Concerning the enforcement of articles 145 and 154 of the Criminal Code and article 97(2) of the Administrative Offences Code',
    );
  });

  it('is still a paragraph when it ends like a sentence, starts in lower case, or closes the document', () => {
    const sentence = normalise(
      page([
        ...body(790),
        line(1, 760, 'Consideration is currently being given to the decriminalization of article 402(1)'),
        line(1, 748, 'of the Criminal Code.', { short: true }),
        ...body(730),
      ]),
    );
    expect(sentence.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    const closing = normalise(
      page([
        ...body(760),
        line(1, 730, 'Ministry of Labour and Social Protection of the Population of the Republic of'),
        line(1, 718, 'Kazakhstan', { short: true }),
      ]),
    );
    expect(closing.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('a paragraph crossing a page break, with footnotes at the foot of the page', () => {
  const built = normalise([
    {
      page: 1,
      lines: [
        line(1, 700, 'A paragraph that starts on the first page and fills the whole line to the'),
        line(1, 688, 'right margin, so that the text goes on after the break1'),
        line(1, 60, '1 See the letter of 2 March 2023, which the union received by post and', { size: 8, short: true }),
        line(1, 51, 'kept on file.', { size: 8, short: true }),
      ],
    },
    {
      page: 2,
      lines: [
        line(2, 760, 'onto the second page, where it ends.', { short: true }),
        line(2, 740, 'Another paragraph.', { short: true }),
      ],
    },
  ]);

  it('keeps the paragraph whole and moves the footnote to the end, as a footnote block', () => {
    expect(texts(built)).toEqual([
      'A paragraph that starts on the first page and fills the whole line to the right margin, so that the text goes on after the break1 onto the second page, where it ends.',
      'Another paragraph.',
      '1 See the letter of 2 March 2023, which the union received by post and kept on file.',
    ]);
    expect(built.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'footnote']);
  });

  it('maps page 2 from the word that opens it, and the footnote back to page 1', () => {
    const onto = built.text.indexOf('onto the second page');
    const note = built.text.indexOf('1 See the letter');
    expect(built.pages).toEqual([
      { page: 1, start: 0, end: onto },
      { page: 2, start: onto, end: note },
      { page: 1, start: note, end: built.text.length },
    ]);
  });
});

describe('the page map covers pages without text', () => {
  it('gives a blank page an empty span where the next page starts', () => {
    const built = buildText(
      [
        { kind: 'paragraph', text: 'Page one.', page: 1 },
        { kind: 'paragraph', text: '• Page three, a bullet.', page: 3 },
      ],
      4,
    );
    expect(built.text).toBe('Page one.\n\nPage three, a bullet.');
    expect(built.blocks[1]?.kind).toBe('list-item');
    expect(built.pages).toEqual([
      { page: 1, start: 0, end: 11 },
      { page: 2, start: 11, end: 11 },
      { page: 3, start: 11, end: 32 },
      { page: 4, start: 32, end: 32 },
    ]);
  });
});
