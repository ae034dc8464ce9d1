// The reader's rows: one per block of the normalised text, with a page marker wherever a new page
// begins. Pure, so it is tested without a browser.
import type { Block, PageSpan } from '../../../../shared/api.ts';

export type ReaderRow = { type: 'page'; page: number } | { type: 'block'; block: Block; index: number };

/** A page may own more than one span (its footnotes moved to the end): order spans by offset. */
export function sortPages(pages: PageSpan[]): PageSpan[] {
  return [...pages].sort((a, b) => a.start - b.start);
}

/** The page on which an offset lies (binary search over spans sorted by start); null for unpaginated text. */
export function pageAt(pages: PageSpan[], offset: number): number | null {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = pages[mid] as PageSpan;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return span.page;
  }
  return null;
}

// The reader's typography (styles.css: the 46rem .reader-canvas, .reader-row p at 1.02rem Georgia with
// line-height 1.65), used only to estimate heights: measured rows replace the estimates.
const LINE_PX = 25;
const CHAR_PX = 8.2;
const COLUMN_PX = 688;

/**
 * How tall a row will probably be before it is drawn and measured. Close estimates keep the
 * scrollbar steady: with one guess for every paragraph, a 300-page source's scroll height more than
 * doubled as it was read (the thumb drifting under the pointer); with these, it moves by about 1 %.
 */
export function estimateRowHeight(row: ReaderRow | undefined): number {
  if (!row) return 0;
  if (row.type === 'page') return 40;
  if (row.block.kind === 'heading') return 47;
  const lines = Math.ceil((row.block.end - row.block.start) / Math.floor(COLUMN_PX / CHAR_PX));
  return 26 + LINE_PX * lines;
}

/**
 * A page marker row precedes the first block that starts on a new page. A page that begins inside
 * a block (a paragraph running across a page break) is marked inline by the block itself.
 */
export function buildRows(blocks: Block[], unsorted: PageSpan[]): ReaderRow[] {
  const pages = sortPages(unsorted);
  const rows: ReaderRow[] = [];
  let lastPage = 0;
  blocks.forEach((block, index) => {
    const first = pageAt(pages, block.start);
    if (first !== null && first > lastPage) rows.push({ type: 'page', page: first });
    rows.push({ type: 'block', block, index });
    const last = pageAt(pages, Math.max(block.start, block.end - 1));
    lastPage = Math.max(lastPage, first ?? 0, last ?? 0);
  });
  return rows;
}

/** Where each page begins (only a page's first span marks it), sorted by offset; kept per page map. */
const pageStartsOf = new WeakMap<PageSpan[], PageSpan[]>();

function pageStarts(pages: PageSpan[]): PageSpan[] {
  let starts = pageStartsOf.get(pages);
  if (!starts) {
    const first = new Map<number, PageSpan>();
    for (const p of pages)
      if (!first.has(p.page) || p.start < (first.get(p.page) as PageSpan).start) first.set(p.page, p);
    starts = sortPages([...first.values()]);
    pageStartsOf.set(pages, starts);
  }
  return starts;
}

/** Index of the first item whose start is >= offset, in a list sorted by start. */
function firstAtOrAfter(sorted: { start: number }[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as { start: number }).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Pages that begin strictly inside [start, end): where a paragraph crosses a page break. Called for
 * every block the reader draws, so the page starts are worked out once per page map.
 */
export function pageBreaksWithin(pages: PageSpan[], start: number, end: number): PageSpan[] {
  const starts = pageStarts(pages);
  const found: PageSpan[] = [];
  for (let i = firstAtOrAfter(starts, start + 1); i < starts.length; i++) {
    const p = starts[i] as PageSpan;
    if (p.start >= end) break;
    found.push(p);
  }
  return found;
}

/**
 * Sorts ranges (excerpts, find matches) into the blocks they overlap: result[i] lists block i's, in
 * the order given. Blocks must be in text order and not overlap. A block with none gets one shared
 * empty list, and a block's list is the same array until the ranges change, so the reader's rows
 * can skip re-rendering (React.memo) while the text scrolls.
 */
export function perBlock<T>(blocks: Block[], ranges: T[], span: (range: T) => readonly [number, number]): T[][] {
  const none: T[] = [];
  const result: T[][] = blocks.map(() => none);
  for (const range of ranges) {
    const [start, end] = span(range);
    // The first block ending after the range starts: a binary search over block ends.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((blocks[mid] as Block).end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < blocks.length && (blocks[i] as Block).start < end; i++) {
      if (result[i] === none) result[i] = [];
      (result[i] as T[]).push(range);
    }
  }
  return result;
}

/** Every case-insensitive occurrence of `query` in `text`, as [start, end) offsets. */
export function findAll(text: string, query: string): [number, number][] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle.length < 2) return [];
  const haystack = text.toLocaleLowerCase();
  const found: [number, number][] = [];
  let at = haystack.indexOf(needle);
  while (at >= 0 && found.length < 5000) {
    found.push([at, at + needle.length]);
    at = haystack.indexOf(needle, at + needle.length);
  }
  return found;
}
