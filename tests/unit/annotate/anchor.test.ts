// A lawyer marks excerpts and cites them by page; when the importer improves and a source's text is
// re-normalised, every excerpt is found again — or reported — but never silently lost or misplaced.
import { describe, expect, it } from 'vitest';
import {
  type Anchor,
  CONTEXT_LENGTH,
  describeSelection,
  type PageSpan,
  pageAt,
  reanchor,
  reanchorAll,
} from '../../../src/main/annotate/anchor.ts';
import { UprightError } from '../../../src/shared/errors.ts';

/** Joins blocks with a blank line like the importers, page by page; the separator belongs to the page before. */
function paginate(pagesOfBlocks: string[][]): { text: string; pages: PageSpan[] } {
  let text = '';
  const pages: PageSpan[] = [];
  pagesOfBlocks.forEach((blocks, index) => {
    const start = text ? text.length + 2 : 0;
    for (const block of blocks) text += `${text ? '\n\n' : ''}${block}`;
    const previous = pages.at(-1);
    if (previous) previous.end = start;
    pages.push({ page: index + 1, start, end: text.length });
  });
  return { text, pages };
}

/** Selects the n-th occurrence of `quote`, as the reader would. */
function select(text: string, quote: string, pages: PageSpan[] = [], occurrence = 0): Anchor {
  let at = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture lacks ${quote}`);
  return describeSelection(text, at, at + quote.length, pages);
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UprightError);
    return (error as UprightError).code;
  }
  throw new Error('expected the selection to be refused');
}

const REPLY = paginate([
  [
    'Reply of the Government of Kazakhstan to the observations of the ITUC',
    'The Ministry of Labour reports that the Confederation of Independent Trade Unions was dissolved by a court decision of 7 January 2017, following its failure to re-register.',
  ],
  [
    'Between 2021 and 2023, the Ministry registered 14 new trade unions, and no trade union was refused registration on political grounds.',
    'Five applications were returned to the founders for technical corrections under article 13 of the Law on Trade Unions.',
  ],
  ['The Government remains committed to cooperation with the ILO and to social dialogue with the social partners.'],
]);

describe('marking an excerpt', () => {
  it('records the quote, its offsets, adjoining context and the page it starts on', () => {
    const { text, pages } = REPLY;
    const anchor = select(text, 'the Ministry registered 14 new trade unions', pages);
    expect(anchor.exact).toBe('the Ministry registered 14 new trade unions');
    expect(text.slice(anchor.start, anchor.end)).toBe(anchor.exact);
    expect(anchor.page).toBe(2);
    // Context adjoins the quote, at most 32 characters, and does not begin or end inside a word.
    expect(text.slice(anchor.start - anchor.prefix.length, anchor.start)).toBe(anchor.prefix);
    expect(text.slice(anchor.end, anchor.end + anchor.suffix.length)).toBe(anchor.suffix);
    expect(anchor.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(anchor.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(anchor.prefix).toBe('Between 2021 and 2023, ');
    expect(anchor.suffix).toBe(', and no trade union was refused');
  });

  it('cuts context at whole words rather than at 32 characters', () => {
    const { text, pages } = REPLY;
    for (const quote of ['the Ministry registered 14', 'Confederation of Independent', 'technical corrections']) {
      const { prefix, suffix, start, end } = select(text, quote, pages);
      expect(prefix.length).toBeGreaterThanOrEqual(16);
      expect(suffix.length).toBeGreaterThanOrEqual(16);
      const before = text.charAt(start - prefix.length - 1);
      const after = text.charAt(end + suffix.length);
      expect(before === '' || /\s/.test(before) || /^\s/.test(prefix)).toBe(true);
      expect(after === '' || /\s/.test(after) || /\s$/.test(suffix)).toBe(true);
    }
  });

  it('gives a selection crossing a page break the page it starts on', () => {
    const { text, pages } = REPLY;
    const crossing = select(text, 'failure to re-register.\n\nBetween 2021 and 2023', pages);
    expect(crossing.page).toBe(1);
    const after = select(text, 'Between 2021 and 2023', pages);
    expect(after.page).toBe(2);
    expect(select(text, 'social dialogue', pages).page).toBe(3);
  });

  it('trims spaces around a selection and takes the page of its first word', () => {
    const { text, pages } = REPLY;
    // Dragging from the blank line at the end of page 1 into page 2.
    const from = text.indexOf('re-register.') + 're-register.'.length;
    const anchor = describeSelection(text, from, text.indexOf(' and 2023') + 1, pages);
    expect(anchor.exact).toBe('Between 2021');
    expect(anchor.start).toBe(text.indexOf('Between'));
    expect(anchor.end).toBe(anchor.start + 'Between 2021'.length);
    expect(anchor.page).toBe(2);
  });

  it('finds pages in a map that is out of order, where a page owns a second span for its footnotes', () => {
    const pages: PageSpan[] = [
      { page: 2, start: 100, end: 200 },
      { page: 3, start: 200, end: 200 }, // a blank page
      { page: 1, start: 0, end: 100 },
      { page: 1, start: 300, end: 340 }, // page 1's footnote, moved to the end of the text
      { page: 4, start: 200, end: 300 },
    ];
    expect(pageAt(pages, 0)).toBe(1);
    expect(pageAt(pages, 99)).toBe(1);
    expect(pageAt(pages, 100)).toBe(2);
    expect(pageAt(pages, 200)).toBe(4);
    expect(pageAt(pages, 310)).toBe(1);
    expect(pageAt([], 10)).toBeNull();
    const text = 'x'.repeat(300) + 'Footnote 1: see the decision of the court.'.padEnd(40);
    expect(describeSelection(text, 302, 320, pages).page).toBe(1);
  });

  it('leaves the page empty for sources without pages and the prefix empty at the start of the text', () => {
    const anchor = describeSelection('Unions report three refusals in 2023.', 0, 13, []);
    expect(anchor).toEqual({
      exact: 'Unions report',
      prefix: '',
      suffix: ' three refusals in 2023.',
      start: 0,
      end: 13,
      page: null,
    });
  });

  it('keeps a whole character when a selection edge falls inside an emoji', () => {
    const text = 'The strike 🚩 began on 16 December 2011 in Zhanaozen.';
    const flag = text.indexOf('🚩');
    const anchor = describeSelection(text, flag + 1, text.indexOf(' in Zhanaozen'), []);
    expect(anchor.exact.startsWith('🚩')).toBe(true);
  });

  it('refuses empty, space-only and out-of-range selections with a clear error', () => {
    const { text, pages } = REPLY;
    expect(refusal(() => describeSelection(text, 10, 10, pages))).toBe('SELECTION_EMPTY');
    expect(refusal(() => describeSelection(text, 20, 10, pages))).toBe('SELECTION_EMPTY');
    const gap = text.indexOf('\n\n');
    expect(refusal(() => describeSelection(text, gap, gap + 2, pages))).toBe('SELECTION_BLANK');
    expect(refusal(() => describeSelection(text, -1, 5, pages))).toBe('SELECTION_OUTSIDE_TEXT');
    expect(refusal(() => describeSelection(text, 5, text.length + 1, pages))).toBe('SELECTION_OUTSIDE_TEXT');
    expect(refusal(() => describeSelection(text, 1.5, 10, pages))).toBe('SELECTION_OUTSIDE_TEXT');
    expect(refusal(() => describeSelection(text, Number.NaN, 10, pages))).toBe('SELECTION_OUTSIDE_TEXT');
  });
});

describe('a lawyer’s excerpts survive a re-import', () => {
  it('finds an excerpt in unchanged text exactly where it was', () => {
    const { text, pages } = REPLY;
    const anchor = select(text, 'no trade union was refused registration on political grounds', pages);
    const found = reanchor(anchor, text, pages);
    expect(found).toMatchObject({ status: 'exact', start: anchor.start, end: anchor.end, page: 2, score: 1 });
  });

  it('follows an excerpt moved by a paragraph inserted before it, onto its new page', () => {
    const { text, pages } = REPLY;
    const anchor = select(text, 'Five applications were returned to the founders', pages);
    const inserted = 'Annex: list of registered organisations (not reproduced).';
    const next = paginate([
      [
        'Reply of the Government of Kazakhstan to the observations of the ITUC',
        'The Ministry of Labour reports that the Confederation of Independent Trade Unions was dissolved by a court decision of 7 January 2017, following its failure to re-register.',
      ],
      [
        inserted,
        'Between 2021 and 2023, the Ministry registered 14 new trade unions, and no trade union was refused registration on political grounds.',
      ],
      [
        'Five applications were returned to the founders for technical corrections under article 13 of the Law on Trade Unions.',
        'The Government remains committed to cooperation with the ILO and to social dialogue with the social partners.',
      ],
    ]);
    const found = reanchor(anchor, next.text, next.pages);
    expect(found.status).toBe('moved');
    if (found.status === 'orphan') return;
    expect(found.start).toBe(anchor.start + inserted.length + 2);
    expect(next.text.slice(found.start, found.end)).toBe(anchor.exact);
    expect(found.page).toBe(3);
    expect(found.anchor.page).toBe(3);
  });

  it('finds a quote whose hyphenation and spacing the new importer repaired', () => {
    const old = paginate([
      [
        'The Committee notes that the Law on Trade Unions requires a new union to es- tablish  affiliates in more than half of the regions within six months of its registration, failing which it is liquidated.',
      ],
    ]);
    const quote = 'requires a new union to es- tablish  affiliates in more than half of the regions';
    const anchor = select(old.text, quote, old.pages);
    const repaired = paginate([
      [
        'The Committee notes that the Law on Trade Unions requires a new union to establish affiliates in more than half of the regions within six months of its registration, failing which it is liquidated.',
      ],
    ]);
    const found = reanchor(anchor, repaired.text, repaired.pages);
    expect(found.status).toBe('fuzzy');
    if (found.status === 'orphan') return;
    expect(found.anchor.exact).toBe('requires a new union to establish affiliates in more than half of the regions');
    expect(found.page).toBe(1);
    expect(found.score).toBeGreaterThan(0.9);
    expect(found.score).toBeLessThan(1);
  });

  it('does not let a match begin with the tail of the word before', () => {
    // The old text broke "two" across a line; the repaired text reads "at two thirds".
    const old = 'Decisions require a vote at t- wo thirds of the employees (conference delegates) present.';
    const anchor = select(old, 't- wo thirds of the employees (conference delegates)');
    const repaired = 'Decisions require a vote at two thirds of the employees (conference delegates) present.';
    const found = reanchor(anchor, repaired, []);
    expect(found.status).toBe('fuzzy');
    if (found.status === 'orphan') return;
    expect(found.anchor.exact).toBe('two thirds of the employees (conference delegates)');
  });

  it('reports an excerpt whose sentence was deleted as an orphan, not a look-alike sentence elsewhere', () => {
    const text = [
      'In 2022 the Ministry of Justice registered 12 trade unions in the Almaty region after review.',
      'Unions report three refusals of registration in 2023, each citing minor errors in the charter.',
      'In 2023 the Ministry of Justice registered 14 trade unions in the Almaty region after review.',
    ].join('\n\n');
    const anchor = select(text, 'In 2022 the Ministry of Justice registered 12 trade unions in the Almaty region');
    const next = text.slice(text.indexOf('Unions report'));
    expect(reanchor(anchor, next, [])).toEqual({ status: 'orphan' });
  });

  it('orphans an excerpt whose words changed, even in the same place: a different figure is not a repair', () => {
    const text =
      'Unions report that between 2021 and 2023 the Ministry of Justice refused 12 applications for registration, citing errors in the charter.';
    const anchor = select(text, 'the Ministry of Justice refused 12 applications for registration');
    const corrected = text.replace('refused 12', 'refused 17');
    expect(reanchor(anchor, corrected, [])).toEqual({ status: 'orphan' });
    // A repaired line break in the same place is, by contrast, still the same words.
    const rebroken = text.replace('applications', 'applica- tions');
    expect(reanchor(anchor, rebroken, [])).toMatchObject({ status: 'fuzzy' });
  });

  it('tells a repeated phrase apart by its context, even when another occurrence is nearer', () => {
    const phrase = 'the right to form and join trade unions';
    const first = `Article 23 of the Universal Declaration protects ${phrase} of one’s choosing.`;
    const second = `Yet workers at the oil fields of Zhanaozen were denied ${phrase} in 2011.`;
    const text = `${first}\n\n${second}`;
    const anchor = select(text, phrase, [], 1);
    expect(anchor.start).toBe(text.lastIndexOf(phrase));
    // New text: an introduction pushes the first occurrence near the old offset of the second.
    const intro = 'Introduction: this submission concerns freedom of association.';
    const next = `${intro}\n\n${first}\n\n${second}`;
    expect(Math.abs(next.indexOf(phrase) - anchor.start)).toBeLessThan(
      Math.abs(next.lastIndexOf(phrase) - anchor.start),
    );
    const found = reanchor(anchor, next, []);
    expect(found).toMatchObject({ status: 'moved', start: next.lastIndexOf(phrase) });
  });

  it('turns a short quote into an orphan rather than matching the same word elsewhere', () => {
    const text = [
      'The union sent a complaint to the ILO in March.',
      'The Government replied that the matter was closed.',
      'A mission of the ILO visited Astana in May 2023 and met the Ministry of Labour.',
    ].join('\n\n');
    const anchor = select(text, 'ILO', [], 0);
    const deleted = text.slice(text.indexOf('The Government'));
    expect(deleted.includes('ILO')).toBe(true);
    expect(reanchor(anchor, deleted, [])).toEqual({ status: 'orphan' });
    // …while the same short quote, moved with its sentence, is still found.
    const moved = `${text.slice(text.indexOf('The Government'))}\n\nThe union sent a complaint to the ILO in March.`;
    expect(reanchor(anchor, moved, [])).toMatchObject({ status: 'moved', start: moved.lastIndexOf('ILO') });
  });

  it('confirms excerpts stored without context only where they were', () => {
    const text = 'The ILO mission met the ILO office.';
    const legacy: Anchor = { exact: 'ILO', prefix: '', suffix: '', start: 24, end: 27, page: null };
    expect(reanchor(legacy, text, [])).toMatchObject({ status: 'exact', start: 24 });
    expect(reanchor(legacy, `Note. ${text}`, [])).toEqual({ status: 'orphan' });
    expect(reanchor({ ...legacy, exact: '' }, text, [])).toEqual({ status: 'orphan' });
  });

  it('re-anchors all of a source’s excerpts and lists the orphans by id', () => {
    const { text, pages } = REPLY;
    const anchors = [
      { id: 'a', anchor: select(text, 'dissolved by a court decision of 7 January 2017', pages) },
      { id: 'b', anchor: select(text, 'the Ministry registered 14 new trade unions', pages) },
      { id: 'c', anchor: select(text, 'cooperation with the ILO', pages) },
    ];
    const next = text.slice(0, text.indexOf('\n\nThe Government remains')).replace('Between', 'In the period between');
    const result = reanchorAll(anchors, next, [{ page: 1, start: 0, end: next.length }]);
    expect(result.reanchored.map((r) => [r.id, r.status, r.page])).toEqual([
      ['a', 'exact', 1],
      ['b', 'moved', 1],
    ]);
    expect(result.orphans).toEqual([{ id: 'c', exact: 'cooperation with the ILO' }]);
  });
});
