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

/** Pages that begin strictly inside [start, end): where a paragraph crosses a page break. */
export function pageBreaksWithin(pages: PageSpan[], start: number, end: number): PageSpan[] {
  // Only the first span of each page marks where the page begins.
  const firstSpan = new Map<number, number>();
  for (const p of pages) firstSpan.set(p.page, Math.min(firstSpan.get(p.page) ?? p.start, p.start));
  return pages.filter((p) => firstSpan.get(p.page) === p.start && p.start > start && p.start < end);
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
