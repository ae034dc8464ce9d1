// The normaliser: from positioned lines (PDF) or hard-wrapped lines (text files) to paragraphs a
// person can quote. It removes running headers/footers and page numbers, rejoins words hyphenated at
// line ends, reflows lines into paragraphs and recognises headings and footnotes.
import type { DraftBlock } from './build.ts';
import { cleanInline } from './build.ts';
import type { BlockKind } from './types.ts';

/** One line of text on a PDF page, in PDF units (origin bottom-left, y grows upwards). */
export interface PdfLine {
  page: number;
  text: string;
  /** Left and right edge of the line's ink. */
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Font size in points (the line's dominant size, by characters). */
  size: number;
  /** The line's dominant font (pdf.js font id: stable within one document). */
  font: string;
}

export interface PdfPageLines {
  page: number;
  lines: PdfLine[];
  /** Page width in PDF units, when known: bounds the text measure on pages with few full lines. */
  width?: number;
}

// ---------------------------------------------------------------------------------------------
// Words, sentences, headings: small heuristics shared by the PDF and plain-text importers.

// Prefixes written with a hyphen in English compounds ("non-unionized", "e-government"): a line
// break after them keeps the hyphen. Only prefixes that are rarely a soft-hyphenation fragment.
const HYPHEN_PREFIXES = new Set([
  'non',
  'self',
  'ex',
  'e',
  'all',
  'cross',
  'well',
  'ill',
  'half',
  'quasi',
  'semi',
  'anti',
]);

/** What the document itself says about its words, to decide line-end hyphens. */
export interface Lexicon {
  words: Set<string>;
  compounds: Set<string>;
}

const TOKEN = /\p{L}+(?:-\p{L}+)*/gu;
const HYPHENS = '-\u2010\u00ad';

/**
 * The lexicon of some lines, ignoring the fragments at their ends that a hyphen splits. Built on
 * first use: most documents never need it, and it costs more than the rest of the normaliser.
 */
export function buildLexicon(lines: Iterable<string>): Lexicon {
  let built: Lexicon | undefined;
  const build = (): Lexicon => {
    const words = new Set<string>();
    const compounds = new Set<string>();
    const text = Array.from(lines).join('\n').toLowerCase();
    for (const match of text.matchAll(TOKEN)) {
      const token = match[0];
      // "de-" closing a line is a fragment, neither a word nor part of a compound.
      if (HYPHENS.includes(text.charAt(match.index + token.length) || ' ')) continue;
      if (!token.includes('-')) {
        words.add(token);
        continue;
      }
      compounds.add(token);
      for (const part of token.split('-')) words.add(part);
    }
    return { words, compounds };
  };
  return {
    get words() {
      built ??= build();
      return built.words;
    },
    get compounds() {
      built ??= build();
      return built.compounds;
    },
  };
}

/**
 * A line ends in "left-" and the next begins with "right" (lowercase). Is this a compound split at its
 * own hyphen ("non-|unionized", "de-|registration") — keep the hyphen — or a word the typesetter
 * hyphenated ("organi-|zations") — drop it? Evidence from the document itself first, then prefixes.
 */
export function keepsHyphen(left: string, right: string, lexicon: Lexicon): boolean {
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (lexicon.compounds.has(`${l}-${r}`)) return true;
  if (lexicon.words.has(l + r)) return false;
  if (HYPHEN_PREFIXES.has(l)) return true;
  // Two words the document uses on their own ("trade-|union", "rights-|related") form a compound;
  // short pieces ("in-|form", "can-|not") are more often a hyphenated single word.
  return l.length >= 4 && r.length >= 4 && lexicon.words.has(l) && lexicon.words.has(r);
}

const LINE_END_HYPHEN = /(\p{L}+)([-\u2010\u00ad])$/u;
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** How much of a paragraph's end decides how the next line joins it: the word before a hyphen. */
const JOIN_TAIL = 80;

/**
 * How `next` joins a paragraph whose text ends with `end` (its last JOIN_TAIL characters): how many
 * characters to drop from the end (a line-end hyphen) and what goes between.
 */
function joint(end: string, next: string, lexicon: Lexicon): { drop: number; glue: string } {
  const hyphen = HYPHENS.includes(end.slice(-1)) ? LINE_END_HYPHEN.exec(end) : null;
  const rightWord = hyphen ? /^\p{Ll}\p{L}*/u.exec(next)?.[0] : undefined;
  if (hyphen && rightWord) {
    const [, leftWord = '', mark] = hyphen;
    // A soft hyphen (U+00AD) is by definition a break inside one word.
    if (mark === '\u00ad' || !keepsHyphen(leftWord, rightWord, lexicon)) return { drop: 1, glue: '' };
    return { drop: 1, glue: '-' };
  }
  // "2014-|2015" or "word—|word": a dash touching the word before it touches the one after too.
  if (/[^\s][-\u2010\u2013\u2014]$/u.test(end.slice(-2))) return { drop: 0, glue: '' };
  // Chinese and Japanese put no spaces between words.
  if (CJK.test(end.slice(-1)) && CJK.test(next.charAt(0))) return { drop: 0, glue: '' };
  return { drop: 0, glue: ' ' };
}

/** Appends `next` to the text of a paragraph whose last line ended `acc`; returns the joined text. */
export function joinLine(acc: string, next: string, lexicon: Lexicon): string {
  if (acc === '') return next;
  if (next === '') return acc;
  const { drop, glue } = joint(acc.slice(-JOIN_TAIL), next, lexicon);
  return acc.slice(0, acc.length - drop) + glue + next;
}

/**
 * Joins the lines of one paragraph, rejoining hyphenated words; also where each line's text begins.
 * `clean` says the lines are already whitespace-normalised (PDF lines are), sparing the work.
 * Linear in the paragraph's length: lines are collected and joined once, and each join looks only
 * at the paragraph's last characters (re-reading the whole text per line made a paragraph of a
 * hundred thousand lines take minutes).
 */
export function joinLines(lines: string[], lexicon: Lexicon, clean = false): { text: string; starts: number[] } {
  const parts: string[] = [];
  const starts: number[] = [];
  let length = 0;
  let tail = '';
  for (const raw of lines) {
    const line = clean ? raw : cleanInline(raw);
    if (line === '') {
      starts.push(length);
      continue;
    }
    let glue = '';
    if (length > 0) {
      const join = joint(tail, line, lexicon);
      if (join.drop > 0) {
        parts[parts.length - 1] = (parts.at(-1) as string).slice(0, -join.drop);
        length -= join.drop;
        tail = tail.slice(0, -join.drop);
      }
      glue = join.glue;
      if (glue !== '') parts.push(glue);
      length += glue.length;
    }
    parts.push(line);
    length += line.length;
    tail = line.length >= JOIN_TAIL ? line.slice(-JOIN_TAIL) : (tail + glue + line).slice(-JOIN_TAIL);
    // Every join keeps the next line whole at the end (only the hyphen or space before it varies).
    starts.push(length - line.length);
  }
  return { text: parts.join(''), starts };
}

// Abbreviations that end with a period without ending a sentence.
const ABBREVIATIONS =
  /(?:^|[\s(])(?:No|Nos|Art|Arts|para|paras|p|pp|Mr|Ms|Mrs|Dr|Prof|St|vol|cf|e\.g|i\.e|etc|al|Inc|Ltd|ст|п|г|гг|им|т\.е|т\.д|\p{Lu})\.$/u;

/** Whether a line or paragraph ends a sentence (".", "!", "?", "…", possibly inside quotes or brackets). */
export function endsSentence(text: string): boolean {
  const trimmed = text.replace(/[\s"”’»)\]]+$/u, '');
  if (!/[.!?…]$/u.test(trimmed)) return false;
  return !ABBREVIATIONS.test(trimmed);
}

/** Ends with punctuation that a heading would not: a full stop, comma, colon or semicolon. */
export function endsLikeProse(text: string): boolean {
  return /[.!?…,;:][\s"”’»)\]]*$/u.test(text);
}

/**
 * A short line standing alone, starting like a title and not ending like a sentence. Used where the
 * format gives no styling (text files, body-font PDF lines): "Concerning the case of …" is a heading,
 * "See annex." is not.
 */
export function looksLikeHeading(text: string): boolean {
  if (text.length === 0 || text.length > 150) return false;
  if (endsLikeProse(text)) return false;
  if (!/\p{L}/u.test(text)) return false;
  return /^[\p{Lu}\p{Lt}\d(«“"]/u.test(text);
}

// ---------------------------------------------------------------------------------------------
// Running headers, footers and page numbers.

// "3", "- 3 -", "Page 3 of 10", "стр. 3", and front-matter numerals up to lxxxix ("civil" is no numeral).
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:(?:page|p\.|стр\.?|страница|seite|página)\s*)?(?:\d{1,4}|(?=[ivxl])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))(?:\s*(?:of|\/|из|von|de)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

// Digits vary from page to page inside a running header ("CAN/D/Kazakhstan-C.87 3").
function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** How many lines at the top and at the bottom of a page can be running headers or footers. */
const EDGE_LINES = 2;

function edgeLines(lines: PdfLine[]): PdfLine[] {
  if (lines.length === 0) return [];
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  const top = byHeight.slice(0, EDGE_LINES);
  const bottom = byHeight.slice(-EDGE_LINES);
  return [...new Set([...top, ...bottom])];
}

/**
 * Removes running headers and footers — lines at a page's top or bottom whose text, digits aside,
 * repeats on several pages — and bare page numbers there. Returns the body lines per page and the
 * removed lines (they often carry the document symbol).
 */
export function removeFurniture(pages: PdfPageLines[]): { pages: PdfPageLines[]; furniture: string[] } {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(edgeLines(page.lines).map((line) => furnitureKey(line.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const withText = pages.filter((page) => page.lines.length > 0).length;
  // On two pages both must agree; on more, at least 40% of the pages (odd/even headers differ).
  const needed = Math.max(2, Math.ceil(withText * 0.4));
  const furniture: string[] = [];
  const out = pages.map((page) => {
    const edges = new Set(edgeLines(page.lines));
    const lines = page.lines.filter((line) => {
      if (!edges.has(line)) return true;
      const repeated = (counts.get(furnitureKey(line.text)) ?? 0) >= needed;
      if (repeated || isPageNumber(line.text)) {
        furniture.push(line.text);
        return false;
      }
      return true;
    });
    return { ...page, lines };
  });
  return { pages: out, furniture };
}

// ---------------------------------------------------------------------------------------------
// Reflow: lines into paragraphs.

interface Layout {
  bodySize: number;
  bodyFont: string;
  /** Typical baseline-to-baseline distance inside a paragraph, per rounded font size. */
  spacing: Map<number, number>;
  /** The right edge of full lines (the text column's measure). */
  rightEdge: number;
  /** Paragraphs are separated by extra vertical space (else by indentation or short lines). */
  spacedParagraphs: boolean;
  /** Sizes larger than the body's, largest first: their rank is the heading level. */
  headingSizes: number[];
}

const round = (n: number) => Math.round(n * 2) / 2;

function mode<T>(weights: Map<T, number>): T | undefined {
  let best: T | undefined;
  let bestWeight = -1;
  for (const [value, weight] of weights) {
    if (weight > bestWeight) {
      best = value;
      bestWeight = weight;
    }
  }
  return best;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measureLayout(pages: PdfPageLines[]): Layout {
  const sizes = new Map<number, number>();
  const fonts = new Map<string, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      sizes.set(round(line.size), (sizes.get(round(line.size)) ?? 0) + line.text.length);
      fonts.set(line.font, (fonts.get(line.font) ?? 0) + line.text.length);
    }
  }
  const bodySize = mode(sizes) ?? 10;
  const bodyFont = mode(fonts) ?? '';
  const gaps = new Map<number, number[]>();
  const rights: number[] = [];
  for (const page of pages) {
    page.lines.forEach((line, i) => {
      if (round(line.size) === bodySize) rights.push(line.x1);
      const prev = page.lines[i - 1];
      if (!prev || round(prev.size) !== round(line.size)) return;
      const gap = prev.y - line.y;
      if (gap > line.size * 0.6 && gap < line.size * 4) {
        const list = gaps.get(round(line.size)) ?? [];
        list.push(gap);
        gaps.set(round(line.size), list);
      }
    });
  }
  const spacing = new Map<number, number>();
  for (const [size, list] of gaps) {
    // The smallest common gap is the line spacing; larger ones separate paragraphs.
    const sorted = [...list].sort((a, b) => a - b);
    spacing.set(size, sorted[Math.floor(sorted.length * 0.25)] ?? size * 1.2);
  }
  const bodySpacing = spacing.get(bodySize) ?? bodySize * 1.2;
  const bodyGaps = gaps.get(bodySize) ?? [];
  const wide = bodyGaps.filter((gap) => gap > bodySpacing * 1.3).length;
  const sortedRights = rights.sort((a, b) => a - b);
  // The measure is where full lines end. A document with hardly any full line (one short paragraph
  // a page) would put it far too left; no single-column text stops before 60% of the page width.
  const widths = pages.flatMap((page) => (page.width ? [page.width] : []));
  const rightEdge = Math.max(sortedRights[Math.floor(sortedRights.length * 0.95)] ?? 0, (median(widths) ?? 0) * 0.6);
  const headingSizes = [...sizes.keys()].filter((size) => size >= bodySize * 1.15).sort((a, b) => b - a);
  return {
    bodySize,
    bodyFont,
    spacing,
    rightEdge,
    spacedParagraphs: bodyGaps.length > 0 && wide / bodyGaps.length >= 0.06,
    headingSizes,
  };
}

function firstWordWidth(line: PdfLine): number {
  const word = /^\S+/.exec(line.text)?.[0] ?? '';
  const perChar = (line.x1 - line.x0) / Math.max(1, line.text.length);
  return word.length * perChar;
}

/** Would the next line's first word have fitted at the end of this one? Then the break was deliberate. */
function wordWouldFit(prev: PdfLine, next: PdfLine, layout: Layout): boolean {
  const space = prev.size * 0.28;
  return prev.x1 + space + firstWordWidth(next) < layout.rightEdge - prev.size * 0.2;
}

const BULLET_START = /^[•◦▪▫‣⁃●○■□∙·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s/u;
const DASH_START = /^[-–]\s/u;

function startsNewParagraph(prev: PdfLine, line: PdfLine, layout: Layout): boolean {
  if (Math.abs(prev.size - line.size) > 1) return true;
  if (BULLET_START.test(line.text)) return true;
  const fits = wordWouldFit(prev, line, layout);
  // A dash opening a line is a list item only after a line that stopped short; after a full line
  // it is punctuation the line break happened to fall before ("… base | – sections 10(2)").
  if (DASH_START.test(line.text) && (fits || endsSentence(prev.text))) return true;
  const sameFlow = prev.page === line.page && prev.y > line.y;
  // A new page or column: the paragraph goes on only if the last line was full.
  if (!sameFlow) return fits;
  const spacing = layout.spacing.get(round(line.size)) ?? line.size * 1.2;
  if (prev.y - line.y > spacing * 1.3 + 0.5) return true;
  const indented = line.x0 - prev.x0 > line.size * 0.8;
  if (!layout.spacedParagraphs && indented && endsSentence(prev.text)) return true;
  if (!fits) return false;
  // The last line stopped short although the next word would have fitted: the break was meant.
  // A change of font there is a heading run into its text; a full stop there ends the paragraph.
  if (prev.font !== line.font) return true;
  const startsUpper = /^[\p{Lu}\d]/u.test(line.text);
  if (endsSentence(prev.text) && startsUpper) return true;
  if (layout.spacedParagraphs) return false;
  // Without space between paragraphs, an indented first line or a capital after a short line.
  return indented || startsUpper;
}

interface Paragraph {
  lines: PdfLine[];
}

function classify(paragraph: Paragraph, text: string, layout: Layout, isFirst: boolean, isLast: boolean): BlockKind {
  const first = paragraph.lines[0];
  if (!first) return 'paragraph';
  const short = paragraph.lines.length <= 3 && text.length <= 200;
  if (layout.headingSizes.includes(round(first.size)) && short) return 'heading';
  if (BULLET_START.test(text) || DASH_START.test(text)) return 'paragraph';
  const shortEnough = short && !endsLikeProse(text);
  if (first.font !== layout.bodyFont && shortEnough && /\p{L}/u.test(text)) return 'heading';
  if (paragraph.lines.length === 1 && looksLikeHeading(text)) return 'heading';
  if (isFirst && shortEnough && looksLikeHeading(text)) return 'heading';
  if (wrappedHeading(paragraph, text, layout, isLast)) return 'heading';
  return 'paragraph';
}

/**
 * A heading in the body's font that is too long for one line: "Concerning the enforcement of articles
 * 145 and 154 of the Criminal Code and article 97(2) of the | Administrative Offences Code". Two lines,
 * the first running to the measure, the second stopping well short of it; reads like a title and
 * does not end like a sentence; and text follows it (a closing signature block is not a heading).
 */
function wrappedHeading(paragraph: Paragraph, text: string, layout: Layout, isLast: boolean): boolean {
  const [first, second] = paragraph.lines;
  if (paragraph.lines.length !== 2 || !first || !second || isLast) return false;
  if (!looksLikeHeading(text)) return false;
  const measure = layout.rightEdge - first.x0;
  return first.x1 >= layout.rightEdge - first.size * 2 && second.x1 - second.x0 < measure * 0.6;
}

function headingLevel(first: PdfLine, layout: Layout, isFirst: boolean): number {
  const larger = layout.headingSizes.length;
  const rank = layout.headingSizes.indexOf(round(first.size));
  if (rank >= 0) return rank + 1;
  // Body-size headings (bold, or short lines) rank below every larger size; when there is none,
  // the document's opening heading is its title.
  if (larger === 0) return isFirst ? 1 : 2;
  return larger + 1;
}

const FOOTNOTE_START = /^(?:\d{1,3}|[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?:[\s.)]|(?=\p{Lu}))/u;

/**
 * Splits each page's footnotes (smaller type, below every body-size line, opening with a number)
 * from its running text, so a paragraph crossing the page break is not cut by them.
 */
function splitFootnotes(pages: PdfPageLines[], layout: Layout): { body: PdfPageLines[]; notes: PdfLine[][] } {
  const notes: PdfLine[][] = [];
  const body = pages.map((page) => {
    let lowestBody = Number.POSITIVE_INFINITY;
    for (const line of page.lines) if (round(line.size) >= layout.bodySize) lowestBody = Math.min(lowestBody, line.y);
    if (lowestBody === Number.POSITIVE_INFINITY) return page; // no running text to set notes apart from
    const zone = page.lines.filter((line) => line.y < lowestBody && line.size <= layout.bodySize - 1);
    // Small print at the foot opens a note with a number, or goes on with the last page's note.
    const opensNote = zone.some((line) => FOOTNOTE_START.test(line.text));
    if (zone.length === 0 || (!opensNote && notes.length === 0)) return page;
    const ordered = [...zone].sort((a, b) => b.y - a.y || a.x0 - b.x0);
    for (const line of ordered) {
      const current = notes.at(-1);
      if (FOOTNOTE_START.test(line.text) || !current) notes.push([line]);
      else current.push(line);
    }
    const inZone = new Set(zone);
    return { ...page, lines: page.lines.filter((line) => !inZone.has(line)) };
  });
  return { body, notes };
}

/** The whole PDF normaliser: positioned lines of every page in, draft blocks and page furniture out. */
export function normalisePdfLines(input: PdfPageLines[]): { blocks: DraftBlock[]; furniture: string[] } {
  const { pages: cleaned, furniture } = removeFurniture(input);
  const layout = measureLayout(cleaned);
  const { body, notes } = splitFootnotes(cleaned, layout);
  const lexicon = buildLexicon(input.flatMap((page) => page.lines.map((line) => line.text)));

  const paragraphs: Paragraph[] = [];
  let prev: PdfLine | undefined;
  for (const page of body) {
    for (const line of page.lines) {
      const current = paragraphs.at(-1);
      if (!prev || !current || startsNewParagraph(prev, line, layout)) paragraphs.push({ lines: [line] });
      else current.lines.push(line);
      prev = line;
    }
  }

  const blocks: DraftBlock[] = [];
  paragraphs.forEach((paragraph, index) => {
    const block = toDraft(paragraph.lines, lexicon);
    const first = paragraph.lines[0];
    if (!first) return;
    const kind = classify(paragraph, block.text, layout, index === 0, index === paragraphs.length - 1);
    block.kind = kind;
    if (kind === 'heading') block.level = headingLevel(first, layout, index === 0);
    blocks.push(block);
  });
  for (const note of notes) {
    const block = toDraft(note, lexicon);
    block.kind = 'footnote';
    blocks.push(block);
  }
  return { blocks, furniture };
}

function toDraft(lines: PdfLine[], lexicon: Lexicon): DraftBlock {
  const { text, starts } = joinLines(
    lines.map((line) => line.text),
    lexicon,
    true,
  );
  const first = lines[0];
  const block: DraftBlock = { kind: 'paragraph', text };
  if (first) block.page = first.page;
  const pageStarts: Array<{ page: number; at: number }> = [];
  let page = first?.page;
  lines.forEach((line, i) => {
    if (line.page !== page) {
      pageStarts.push({ page: line.page, at: starts[i] ?? text.length });
      page = line.page;
    }
  });
  if (pageStarts.length > 0) block.pageStarts = pageStarts;
  return block;
}
