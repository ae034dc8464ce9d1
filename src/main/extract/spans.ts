// Small helpers shared by the extractors: building suggestions, keeping one kind from overlapping
// itself, and the word-boundary fragments that work for Cyrillic (\b only knows ASCII letters).
import type { Suggestion, SuggestionKind } from './types.ts';

/** Not preceded by a letter or digit (a Unicode-aware \b at the start of a token). */
export const NB = '(?<![\\p{L}\\p{N}_])';
/** Not followed by a letter or digit. */
export const NA = '(?![\\p{L}\\p{N}_])';

export function suggestion(
  text: string,
  kind: SuggestionKind,
  start: number,
  end: number,
  value: string,
  confidence: number,
  detail?: Record<string, string>,
): Suggestion {
  const result: Suggestion = { kind, start, end, text: text.slice(start, end), value, confidence: round(confidence) };
  if (detail && Object.keys(detail).length > 0) result.detail = detail;
  return result;
}

function round(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Keeps a set of candidates of one kind free of overlaps: the most confident first, then the longest
 * (a full "articles 145 and 154 of the Criminal Code" beats the "Criminal Code" inside it).
 */
export function withoutOverlaps<T extends { start: number; end: number; confidence: number }>(items: T[]): T[] {
  return keep(
    [...items].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start),
  );
}

/** Same as withoutOverlaps, but length wins over confidence: for candidates of the same grammar. */
export function longestFirst<T extends { start: number; end: number }>(items: T[]): T[] {
  return keep([...items].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start));
}

/** Takes ranked spans in order, skipping any that overlaps one already taken; returns them by position. */
function keep<T extends { start: number; end: number }>(ranked: T[]): T[] {
  // Taken spans never overlap, so sorted by start they are sorted by end too: one binary search
  // finds the only one that could overlap a new span (long sources have thousands of candidates).
  const kept: T[] = [];
  for (const item of ranked) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((kept[middle] as T).end <= item.start) low = middle + 1;
      else high = middle;
    }
    const next = kept[low];
    if (next && next.start < item.end) continue;
    kept.splice(low, 0, item);
  }
  return kept;
}

/** A set of spans that answers "does this span overlap one of them?" in time proportional to its length. */
export class Covered {
  private readonly marks: Uint8Array;
  constructor(length: number) {
    this.marks = new Uint8Array(length + 1);
  }
  add(span: { start: number; end: number }): void {
    this.marks.fill(1, span.start, span.end);
  }
  hits(span: { start: number; end: number }): boolean {
    for (let i = span.start; i < span.end; i++) if (this.marks[i]) return true;
    return false;
  }
}

/** A sentence ends between a and b: a full stop, question or exclamation mark before a capital, or a paragraph break. */
export function sentenceBreakBetween(text: string, a: number, b: number): boolean {
  const gap = text.slice(a, b);
  return /\n|[.!?]["”»)]?\s+["“«(]?\p{Lu}/u.test(gap);
}

/** Capitalised words that open sentences or headings but never start a name. */
export const LEADING_WORDS = new Set(
  (
    'A About Above According Accordingly Additionally After Against Also Although Among An And Another Any As At ' +
    'Before Below Between Both But By Concerning Consideration Crucially Currently Despite Draft During Each ' +
    'Emblematic Even Every Following For Former Further Furthermore From Hence Her Here His However If In Including ' +
    'Into Its It Likewise Many Meanwhile Moreover Most New No Not Now Numerous Obliged Of On Only Or Other Our Over ' +
    'Per Previous Recently Regarding Several She Similarly Since Some Statistical Such That The Their Then There ' +
    'Therefore These They This Those Through Thus To Ultimately Under Unless Until Upon Via We When Whereas Whether ' +
    'Which While Who With Within Without Yet'
  ).split(' '),
);

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
