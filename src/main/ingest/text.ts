// Plain text and Markdown: interview notes, copied statements, exported messages.
// Paragraphs are separated by blank lines; lines inside a paragraph are rejoined (hard-wrapped text
// reads as one paragraph), with the same hyphenation rules as PDFs.

import { type ImportWarning, warning } from '../../shared/warnings.ts';
import type { DraftBlock } from './build.ts';
import { assemble } from './document.ts';
import { decodeText } from './encoding.ts';
import { buildLexicon, joinLines, looksLikeHeading } from './normalise.ts';
import type { ImportedDocument } from './types.ts';

const LIST_LINE = /^\s*(?:[-*+•◦▪‣●]\s+|\d{1,3}[.)]\s+)/u;
const BULLET_LINE = /^\s*[-*+•◦▪‣●]\s+/u;

function paragraphsOf(text: string): string[][] {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((chunk) => chunk.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
}

/** Lines of one chunk that are list items each start an item of their own. */
function splitListItems(lines: string[]): string[][] {
  if (!lines.some((line) => LIST_LINE.test(line))) return [lines];
  const items: string[][] = [];
  for (const line of lines) {
    const current = items.at(-1);
    if (LIST_LINE.test(line) || !current) items.push([line]);
    else current.push(line);
  }
  return items;
}

export async function importText(bytes: Uint8Array, signal: AbortSignal, markdown: boolean): Promise<ImportedDocument> {
  const decoded = decodeText(bytes);
  signal.throwIfAborted();
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const { drafts, images } = markdown ? markdownBlocks(text) : { drafts: plainBlocks(text), images: 0 };
  const warnings: ImportWarning[] = decoded.warning ? [decoded.warning] : [];
  if (images > 0) warnings.push(warning('IMAGES_SKIPPED', { count: images }));
  return assemble({
    format: markdown ? 'markdown' : 'text',
    drafts,
    warnings,
    encoding: decoded.encoding,
    titleFromFirstBlock: true,
  });
}

function plainBlocks(text: string): DraftBlock[] {
  const lexicon = buildLexicon(text.split('\n'));
  const drafts: DraftBlock[] = [];
  for (const chunk of paragraphsOf(text)) {
    for (const item of splitListItems(chunk)) {
      const joined = joinLines(item, lexicon).text;
      const isBullet = BULLET_LINE.test(item[0] ?? '');
      // Plain text has no styling: a lone short line that does not end like a sentence is a heading.
      const heading = !isBullet && item.length === 1 && chunk.length === 1 && looksLikeHeading(joined);
      if (heading) drafts.push({ kind: 'heading', level: drafts.length === 0 ? 1 : 2, text: joined });
      else drafts.push({ kind: isBullet ? 'list-item' : 'paragraph', text: joined });
    }
  }
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// Markdown: the common block syntax (ATX and setext headings, lists, quotes, fences) and inline
// markers stripped to their text. Links keep their text; images are left out, like in web pages.

/** Inline Markdown to plain text: emphasis, code, links and images. */
export function stripInlineMarkdown(text: string): string {
  return (
    text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '') // images: not imported
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // [text](url) → text
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // [text][ref] → text
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // <http://…> autolinks: the address is the text
      .replace(/<\/?[A-Za-z][^>]*>/g, '') // inline HTML tags
      .replace(/`([^`]+)`/g, '$1')
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\p{L}\d*_])([*_])(?=\S)([\s\S]*?\S)\2(?![\p{L}\d])/gu, '$1$3')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      // The backslash escapes Markdown itself defines.
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
  );
}

function markdownBlocks(text: string): { drafts: DraftBlock[]; images: number } {
  const lines = text.split('\n');
  const lexicon = buildLexicon(lines);
  const drafts: DraftBlock[] = [];
  let paragraph: string[] = [];
  let kind: DraftBlock['kind'] = 'paragraph';
  let images = 0;

  const flush = () => {
    if (paragraph.length > 0) {
      images += paragraph.join(' ').match(/!\[[^\]]*\]\([^)]*\)/g)?.length ?? 0;
      drafts.push({ kind, text: stripInlineMarkdown(joinLines(paragraph, lexicon).text) });
    }
    paragraph = [];
    kind = 'paragraph';
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').trimStart().startsWith(fence[1] ?? '```'); i++)
        code.push(lines[i] ?? '');
      if (code.some((l) => l.trim() !== '')) drafts.push({ kind: 'paragraph', text: code.join(' ') });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$/.exec(line);
    if (atx) {
      flush();
      drafts.push({ kind: 'heading', level: atx[1]?.length ?? 1, text: stripInlineMarkdown(atx[2] ?? '') });
      continue;
    }
    const next = lines[i + 1] ?? '';
    if (paragraph.length === 0 && /^\s{0,3}(=+|-+)\s*$/.test(next) && !LIST_LINE.test(line)) {
      drafts.push({ kind: 'heading', level: next.trim().startsWith('=') ? 1 : 2, text: stripInlineMarkdown(line) });
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush(); // a thematic break
      continue;
    }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (quote) {
      if (kind !== 'quote') flush();
      kind = 'quote';
      if ((quote[1] ?? '').trim() === '') flush();
      else paragraph.push(quote[1] ?? '');
      continue;
    }
    const item = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      kind = 'list-item';
      // Numbered items keep their number: people cite "recommendation 3".
      paragraph.push(/^\s*\d/.test(line) ? line.trim() : (item[1] ?? ''));
      continue;
    }
    if (kind === 'quote') flush();
    paragraph.push(line);
  }
  flush();
  return { drafts, images };
}
