// Every importer produces draft blocks (kind + plain text); this module turns them into the one
// shape the app stores: the blocks' texts joined by a blank line, with offsets and the page map.
import type { Block, BlockKind, PageSpan } from './types.ts';

export interface DraftBlock {
  kind: BlockKind;
  level?: number;
  text: string;
  /** Paginated sources: the page of the block's first character. */
  page?: number;
  /** Paginated sources: later pages that begin inside this block, at offsets into `text`. */
  pageStarts?: Array<{ page: number; at: number }>;
}

// Characters that carry nothing a reader sees, or that differ between formats for the same text:
// soft hyphens, zero-width spaces, byte-order marks and C0/C1 controls (tabs and newlines become spaces).
// Zero-width (non-)joiners stay: Persian and Indic scripts need them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: controls are exactly what is removed here.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Collapses whitespace to single spaces and drops invisible characters; idempotent. */
export function cleanInline(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

// A paragraph opening with a bullet glyph is a list item: the glyph is layout, not text (DOCX and HTML
// lists carry no glyph at all, so keeping it would make the same document differ between formats).
// Numbers like "1." or "(a)" stay: people cite them. Dashes stay: in Russian a leading dash is dialogue.
// U+F0B7 etc. are the private-use bullets Word's Symbol font leaves in PDFs.
const BULLET = /^[•◦▪▫‣⁃●○■□∙·*+\-\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s+(?=\S)/u;

export function stripBullet(text: string): { text: string; removed: number } {
  const match = BULLET.exec(text);
  return match ? { text: text.slice(match[0].length), removed: match[0].length } : { text, removed: 0 };
}

export interface BuiltText {
  text: string;
  blocks: Block[];
  pages: PageSpan[];
}

/**
 * Joins draft blocks into the normalised text. Empty blocks are dropped; bullets become list items.
 * With `pageCount`, builds the page map from where each page's first character lands: spans are
 * contiguous, in text order and cover the whole text, and a paragraph crossing a page break lies in
 * both pages. A page can own a second span when its footnotes were moved to the end of the text.
 */
export function buildText(drafts: DraftBlock[], pageCount = 0): BuiltText {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const marks: Array<{ page: number; at: number }> = [];
  let offset = 0;
  for (const draft of drafts) {
    let text = cleanInline(draft.text);
    let kind = draft.kind;
    let removed = 0;
    if (kind === 'paragraph' || kind === 'list-item') {
      const stripped = stripBullet(text);
      if (stripped.removed > 0) {
        kind = 'list-item';
        text = stripped.text;
        removed = stripped.removed;
      }
    }
    if (text === '') continue;
    if (parts.length > 0) offset += 2; // the "\n\n" separator belongs to the page before
    const start = offset;
    if (draft.page !== undefined) marks.push({ page: draft.page, at: start });
    for (const mark of draft.pageStarts ?? []) {
      marks.push({ page: mark.page, at: start + Math.min(text.length, Math.max(0, mark.at - removed)) });
    }
    parts.push(text);
    offset += text.length;
    const block: Block = { kind, start, end: offset };
    if (kind === 'heading') block.level = Math.min(6, Math.max(1, draft.level ?? 2));
    blocks.push(block);
  }
  const text = parts.join('\n\n');
  return { text, blocks, pages: pageCount > 0 ? pageSpans(marks, pageCount, text.length) : [] };
}

function pageSpans(marks: Array<{ page: number; at: number }>, pageCount: number, length: number): PageSpan[] {
  const spans: PageSpan[] = [];
  let highest = 0;
  const open = (page: number, at: number) => {
    const last = spans.at(-1);
    if (last?.page === page) return;
    if (last) last.end = at;
    spans.push({ page, start: spans.length === 0 ? 0 : at, end: length });
  };
  for (const mark of marks) {
    if (mark.page < 1 || mark.page > pageCount) continue;
    // Pages skipped in the reading flow (blank or scanned) get an empty span where the next begins.
    for (let page = highest + 1; page < mark.page; page++) open(page, mark.at);
    open(mark.page, mark.at);
    highest = Math.max(highest, mark.page);
  }
  for (let page = highest + 1; page <= pageCount; page++) open(page, length);
  return spans;
}
