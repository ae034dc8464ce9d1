// Where an excerpt sits on a page of the original PDF. The vault keeps an excerpt as offsets in the
// source's normalised text and a page map (which offsets each page holds); pdf.js gives a page's text
// as positioned items. The excerpt's words on a page are found again among that page's items by
// comparing letters and digits only (NFKC, lower case): the normaliser rejoined hyphenated words,
// dropped running headers and changed spaces, and a ligature may be one glyph in the PDF — none of
// which changes the letters. Of several matches on the page, the one preceded by the same words wins,
// then the one nearest the excerpt's place on the page. Boxes are fractions of the page, so they
// scale with the drawn page.
import type { PageSpan } from '../../../../shared/api.ts';

/** What pdf.js says about one run of text (a TextItem of getTextContent). */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: the run's baseline direction and size (a, b), upward (c, d), origin (e, f). */
  transform: number[];
  /** Length of the run along its baseline, in page units. */
  width: number;
}

export interface PdfHighlight {
  id: string;
  start: number;
  end: number;
  colour: string;
}

/** A highlight box, as fractions of the page's width and height from its top left corner. */
export interface PdfBox {
  id: string;
  colour: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The page's visible area in PDF units: [x0, y0, x1, y1] (pdf.js's page.view). */
export type PageView = [number, number, number, number];

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The letters and digits of a text, folded, each with the index of the character it came from. */
function letters(text: string): { chars: string; from: number[] } {
  let chars = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(code);
    for (const folded of char.normalize('NFKC').toLowerCase()) {
      if (WORD_CHAR.test(folded)) {
        chars += folded;
        from.push(i);
      }
    }
    if (char.length === 2) i++;
  }
  return { chars, from };
}

interface PageLetters {
  chars: string;
  /** For each letter: which item, and which character of its string. */
  item: number[];
  offset: number[];
}

function pageLetters(items: PdfTextItem[]): PageLetters {
  const out: PageLetters = { chars: '', item: [], offset: [] };
  items.forEach((it, index) => {
    const { chars, from } = letters(it.str);
    out.chars += chars;
    for (const at of from) {
      out.item.push(index);
      out.offset.push(at);
    }
  });
  return out;
}

/** How many letters before `at` in `printed` agree with the end of `context`, up to its length. */
function agreeingBefore(printed: string, at: number, context: string): number {
  let n = 0;
  while (n < context.length && at - n - 1 >= 0 && printed[at - n - 1] === context[context.length - n - 1]) n++;
  return n;
}

/**
 * Where `quote` is printed: of its occurrences, the one preceded by the same words as in the text
 * (`context`), then the one nearest `near`; -1 when it is not there.
 */
function bestOccurrence(printed: string, quote: string, context: string, near: number): number {
  let best = -1;
  let bestScore = -1;
  for (let at = printed.indexOf(quote); at >= 0; at = printed.indexOf(quote, at + 1)) {
    const score = agreeingBefore(printed, at, context);
    if (score > bestScore || (score === bestScore && Math.abs(at - near) < Math.abs(best - near))) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/**
 * How wide a piece of an item's text is, in any unit: only ratios are used. The renderer measures
 * with the item's font family; without a measure every character counts the same.
 */
export type MeasureText = (text: string, item: PdfTextItem) => number;

const byLength: MeasureText = (text) => text.length;

/** The box around characters [from, to) of one item, in page fractions (top left origin). */
function itemBox(
  item: PdfTextItem,
  from: number,
  to: number,
  view: PageView,
  measure: MeasureText,
): Omit<PdfBox, 'id' | 'colour'> | null {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  const size = Math.hypot(a, b);
  const up = Math.hypot(c, d);
  const length = item.str.length;
  if (size === 0 || up === 0 || length === 0) return null;
  // Along the baseline: the share of the run's width the text before and up to these characters takes.
  const whole = measure(item.str, item) || length;
  const along = [a / size, b / size];
  const upward = [c / up, d / up];
  const s0 = (item.width * measure(item.str.slice(0, from), item)) / whole;
  const s1 = (item.width * measure(item.str.slice(0, to), item)) / whole;
  // From a little below the baseline (descenders) to the top of capitals.
  const corners = [
    [s0, -0.22 * up],
    [s1, -0.22 * up],
    [s0, 0.9 * up],
    [s1, 0.9 * up],
  ].map(([s = 0, h = 0]) => [
    e + (along[0] ?? 0) * s + (upward[0] ?? 0) * h,
    f + (along[1] ?? 0) * s + (upward[1] ?? 0) * h,
  ]);
  const xs = corners.map((p) => p[0] ?? 0);
  const ys = corners.map((p) => p[1] ?? 0);
  const [x0, y0, x1, y1] = view;
  const pageWidth = x1 - x0;
  const pageHeight = y1 - y0;
  if (pageWidth <= 0 || pageHeight <= 0) return null;
  return {
    left: (Math.min(...xs) - x0) / pageWidth,
    top: (y1 - Math.max(...ys)) / pageHeight,
    width: (Math.max(...xs) - Math.min(...xs)) / pageWidth,
    height: (Math.max(...ys) - Math.min(...ys)) / pageHeight,
  };
}

/**
 * The boxes to draw on page `page` for the highlights: one per text run an excerpt covers there.
 * An excerpt whose words cannot be found on the page (the text was re-read since, or the page has
 * no text layer) draws nothing there rather than something in the wrong place.
 */
export function highlightBoxes(
  page: number,
  items: PdfTextItem[],
  view: PageView,
  source: { text: string; pages: PageSpan[] },
  highlights: PdfHighlight[],
  measure: MeasureText = byLength,
): PdfBox[] {
  const span = source.pages.find((p) => p.page === page);
  if (!span || span.end <= span.start) return [];
  const onPage = highlights.filter((h) => h.start < span.end && h.end > span.start);
  if (onPage.length === 0) return [];
  const printed = pageLetters(items);
  const boxes: PdfBox[] = [];
  for (const h of onPage) {
    const start = Math.max(h.start, span.start);
    const end = Math.min(h.end, span.end);
    const quote = letters(source.text.slice(start, end)).chars;
    if (quote === '') continue;
    // The words before it on the page tell two occurrences apart (running headers are not in the text).
    const context = letters(source.text.slice(Math.max(span.start, start - 80), start)).chars.slice(-32);
    const before = letters(source.text.slice(span.start, start)).chars.length;
    const at = bestOccurrence(printed.chars, quote, context, before);
    if (at < 0) continue;
    // Characters [from, to) of each item the match covers, in reading order.
    const covered = new Map<number, { from: number; to: number }>();
    for (let k = at; k < at + quote.length; k++) {
      const index = printed.item[k] ?? 0;
      const offset = printed.offset[k] ?? 0;
      const range = covered.get(index);
      if (range) {
        range.from = Math.min(range.from, offset);
        range.to = Math.max(range.to, offset + 1);
      } else covered.set(index, { from: offset, to: offset + 1 });
    }
    let previous: PdfBox | undefined;
    for (const [index, { from, to }] of covered) {
      const item = items[index];
      const box = item ? itemBox(item, from, to, view, measure) : null;
      if (!box) continue;
      // Runs of one line (a justified line is often one run per word) make one box, gaps included.
      if (previous && sameLine(previous, box) && box.left >= previous.left) {
        const right = Math.max(previous.left + previous.width, box.left + box.width);
        const bottom = Math.max(previous.top + previous.height, box.top + box.height);
        previous.top = Math.min(previous.top, box.top);
        previous.width = right - previous.left;
        previous.height = bottom - previous.top;
        continue;
      }
      previous = { id: h.id, colour: h.colour, ...box };
      boxes.push(previous);
    }
  }
  return boxes;
}

function sameLine(a: Omit<PdfBox, 'id' | 'colour'>, b: Omit<PdfBox, 'id' | 'colour'>): boolean {
  return Math.abs(a.top - b.top) < Math.min(a.height, b.height) * 0.3;
}
