// Anchoring: how an excerpt is pinned to a source's text, and found again when that text changes.
//
// We keep what Hypothesis keeps — the W3C TextQuoteSelector (the quote with a little context either
// side) and TextPositionSelector (its offsets) — because offsets alone break as soon as the importer
// improves, while a quote with its context survives moved paragraphs and small repairs. Finding it
// again follows Hypothesis's order: the old position, then the quote elsewhere, then an approximate
// match, each candidate ranked by quote, context and distance. Where Upright is stricter: a lawyer
// cites the page, so a wrong match is worse than none — short quotes and approximate matches must
// also agree with their context, an approximate match may differ in form (spacing, hyphenation) but
// not in words or figures, and anything that cannot be placed is reported as an orphan.
import search from 'approx-string-match';
import { UprightError } from '../../shared/errors.ts';
import type { PageSpan } from '../ingest/types.ts';

export type { PageSpan };

/** An excerpt's place in a text: TextQuoteSelector (exact, prefix, suffix) + TextPositionSelector (start, end). */
export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets into the source's normalised text, [start, end). */
  start: number;
  end: number;
  /** The page of `start`, or null for sources without pages. */
  page: number | null;
}

export type ReanchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

/** Where an excerpt was found again: at its old offsets, elsewhere verbatim, or approximately. */
export interface Placed {
  status: 'exact' | 'moved' | 'fuzzy';
  start: number;
  end: number;
  page: number | null;
  /** 0–1: how well quote, context and position agree (1 = same quote, same context, same place). */
  score: number;
  /** The anchor described afresh from the new text: what to store in place of the old one. */
  anchor: Anchor;
}

export type Reanchored = Placed | { status: 'orphan' };

export interface ReanchorAllResult {
  reanchored: Array<{ id: string } & Placed>;
  /** Excerpts that could not be placed: shown to the person, never dropped. */
  orphans: Array<{ id: string; exact: string }>;
}

/** Characters of context kept either side of a quote (Hypothesis keeps 32). */
export const CONTEXT_LENGTH = 32;
/** A context is shortened to a whole word only if at least this much of it remains. */
const MIN_TRIMMED_CONTEXT = 16;
/** The approximate search allows this share of the quote's length as edits (hyphenation, spacing). */
const MAX_ERROR_RATE = 0.15;
/** …and never more than this: bounds the search's cost on very long quotes. */
const MAX_ERRORS = 256;
/** A verbatim quote at least this long identifies its passage by itself, whatever surrounds it. */
const SELF_EVIDENT_LENGTH = 64;
// The mean agreement (0–1) of both sides of the context a candidate needs when neither side is
// intact. Unrelated text scores about 0.3; calibrated on the fixture documents by deleting and
// moving sentences: these keep wrong placements rare without orphaning moved passages.
const CONTEXT_NEEDED_SHORT = 0.8;
const CONTEXT_NEEDED = 0.5;
/** Share of a quote's letters and digits an approximate match may change (a repaired OCR letter). */
const WORDING_ERROR_RATE = 0.05;
/** Beyond the whole-text search (which reports only its lowest-error matches), look near the old place. */
const LOCAL_WINDOW = 2000;
/** Enough verbatim occurrences to rank: a quote found more often than this is not identifying. */
const MAX_OCCURRENCES = 2000;
// Hypothesis's weights: the quote matters most, then each side of the context, position breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

const SPACE = /[\s\u200b]/;

function isSpace(text: string, index: number): boolean {
  return SPACE.test(text.charAt(index));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Anchors the selection text[start, end): trims surrounding spaces, keeps up to 32 characters of
 * context either side and finds the page it starts on. Throws INVALID_PARAMS for an empty,
 * space-only or out-of-range selection.
 */
export function describeSelection(text: string, start: number, end: number, pages: readonly PageSpan[]): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new UprightError('SELECTION_OUTSIDE_TEXT');
  }
  if (start >= end) throw new UprightError('SELECTION_EMPTY');
  const range = trimRange(text, start, end);
  if (!range) throw new UprightError('SELECTION_BLANK');
  return anchorAt(text, range.start, range.end, pages);
}

/** Shrinks [start, end) past spaces at either end, without splitting a surrogate pair; null if nothing is left. */
function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && isSpace(text, from)) from++;
  while (to > from && isSpace(text, to - 1)) to--;
  if (from === to) return null;
  // A selection edge inside an emoji or a rare CJK character would cut it in two: take it whole.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to++;
  return { start: from, end: to };
}

function anchorAt(text: string, start: number, end: number, pages: readonly PageSpan[]): Anchor {
  return {
    exact: text.slice(start, end),
    prefix: contextBefore(text, start),
    suffix: contextAfter(text, end),
    start,
    end,
    page: pageAt(pages, start),
  };
}

/** Up to 32 characters before `at`, starting on a whole word when that leaves enough context. */
function contextBefore(text: string, at: number): string {
  let from = Math.max(0, at - CONTEXT_LENGTH);
  if (from > 0 && !isSpace(text, from - 1)) {
    // The window begins inside a word: a fragment like "ciation" is noise, so start after it.
    let cut = from;
    while (cut < at && !isSpace(text, cut)) cut++;
    while (cut < at && isSpace(text, cut)) cut++;
    if (at - cut >= MIN_TRIMMED_CONTEXT) from = cut;
  }
  while (from < at && at - from > MIN_TRIMMED_CONTEXT && isSpace(text, from)) from++;
  if (from < at && isLowSurrogate(text.charCodeAt(from))) from++;
  return text.slice(from, at);
}

/** Up to 32 characters after `at`, ending on a whole word when that leaves enough context. */
function contextAfter(text: string, at: number): string {
  let to = Math.min(text.length, at + CONTEXT_LENGTH);
  if (to < text.length && !isSpace(text, to)) {
    let cut = to;
    while (cut > at && !isSpace(text, cut - 1)) cut--;
    while (cut > at && isSpace(text, cut - 1)) cut--;
    if (cut - at >= MIN_TRIMMED_CONTEXT) to = cut;
  }
  while (to > at && to - at > MIN_TRIMMED_CONTEXT && isSpace(text, to - 1)) to--;
  if (to > at && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return text.slice(at, to);
}

/**
 * The page holding `offset`. Spans may come in any order and a page may own two (its footnotes moved
 * to the end of the text). Offsets in no span (the blank line between blocks, past the end) belong
 * to the page that ended last before them.
 */
export function pageAt(pages: readonly PageSpan[], offset: number): number | null {
  let holding: PageSpan | undefined;
  let before: PageSpan | undefined;
  let after: PageSpan | undefined;
  for (const span of pages) {
    if (span.end <= span.start) continue; // a blank page's empty span holds no text
    if (span.start <= offset && offset < span.end) {
      // Should spans overlap, the page that began last before the offset is the one it is printed on.
      if (!holding || span.start > holding.start || (span.start === holding.start && span.page < holding.page)) {
        holding = span;
      }
    } else if (span.end <= offset) {
      if (!before || span.end > before.end) before = span;
    } else if (!after || span.start < after.start) {
      after = span;
    }
  }
  return (holding ?? before ?? after)?.page ?? null;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  /** Mean agreement of prefix and suffix, 0–1. */
  context: number;
  /** Agreement of the better side: 1 when it adjoins the candidate intact. */
  side: number;
  score: number;
}

/**
 * Finds an excerpt again in a re-normalised text: 'exact' where it was, 'moved' when the quote is
 * found verbatim elsewhere, 'fuzzy' when found with small differences, else 'orphan'.
 */
export function reanchor(anchor: Anchor, newText: string, newPages: readonly PageSpan[]): Reanchored {
  const { exact } = anchor;
  if (exact.trim() === '') return { status: 'orphan' }; // a removed excerpt's tombstone has no quote
  const hint = Math.min(Math.max(0, anchor.start), newText.length);

  // The common case, cheaply: nothing moved and the context still reads the same.
  if (
    newText.startsWith(exact, anchor.start) &&
    newText.slice(Math.max(0, anchor.start - anchor.prefix.length), anchor.start) === anchor.prefix &&
    newText.startsWith(anchor.suffix, anchor.end) &&
    (anchor.prefix !== '' || anchor.suffix !== '' || newText.length === exact.length)
  ) {
    return placed(
      'exact',
      { start: anchor.start, end: anchor.end, errors: 0, context: 1, side: 1, score: 1 },
      newText,
      newPages,
    );
  }

  const verbatim = best(occurrences(newText, exact), anchor, newText, hint);
  if (verbatim) {
    return placed(verbatim.start === anchor.start ? 'exact' : 'moved', verbatim, newText, newPages);
  }

  const budget = Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATE));
  if (budget === 0) return { status: 'orphan' }; // a short quote gets no approximate search at all
  const found = approximate(newText, exact, budget, hint).map((m) => tighten(newText, anchor, m));
  const fuzzy = best(found, anchor, newText, hint);
  if (fuzzy) return placed('fuzzy', fuzzy, newText, newPages);
  return { status: 'orphan' };
}

/** Re-anchors every excerpt of one source against its new text; those that cannot be placed are listed. */
export function reanchorAll(
  anchors: ReadonlyArray<{ id: string; anchor: Anchor }>,
  newText: string,
  newPages: readonly PageSpan[],
): ReanchorAllResult {
  const result: ReanchorAllResult = { reanchored: [], orphans: [] };
  for (const { id, anchor } of anchors) {
    const found = reanchor(anchor, newText, newPages);
    if (found.status === 'orphan') result.orphans.push({ id, exact: anchor.exact });
    else result.reanchored.push({ id, ...found });
  }
  return result;
}

function placed(status: Placed['status'], match: Scored, text: string, pages: readonly PageSpan[]): Placed {
  // An approximate match may take in a space at either end: trim it, as a selection would be.
  const range = trimRange(text, match.start, match.end) ?? { start: match.start, end: match.end };
  const anchor = anchorAt(text, range.start, range.end, pages);
  return { status, start: anchor.start, end: anchor.end, page: anchor.page, score: match.score, anchor };
}

function occurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

function approximate(text: string, quote: string, budget: number, hint: number): Candidate[] {
  const found = search(text, quote, budget).slice(0, MAX_OCCURRENCES);
  // The whole-text search keeps only its lowest-error matches; the right one, near where the excerpt
  // was, may have one edit more than a stray look-alike elsewhere — so search near the old place too.
  const from = Math.max(0, hint - LOCAL_WINDOW);
  const to = Math.min(text.length, hint + quote.length + LOCAL_WINDOW);
  if (from > 0 || to < text.length) {
    for (const m of search(text.slice(from, to), quote, budget).slice(0, MAX_OCCURRENCES)) {
      found.push({ start: m.start + from, end: m.end + from, errors: m.errors });
    }
  }
  return found;
}

/**
 * The matcher starts a match as early as its error count allows, so "estab- lish" found in "… to
 * establish" may come back as "o establish". Among the starts with that count, take the last one on
 * a word boundary when the quote began on one: a citation should not open with the tail of a word.
 */
function tighten(text: string, anchor: Anchor, match: Candidate): Candidate {
  const { exact, prefix } = anchor;
  const startsWord = isWordChar(exact, 0) && (prefix === '' || !isWordChar(prefix, prefix.length - 1));
  if (!startsWord) return match;
  const from = Math.max(0, match.end - exact.length - match.errors);
  let start = -1;
  for (const m of search(reverse(text.slice(from, match.end)), reverse(exact), match.errors)) {
    const at = match.end - m.end;
    if (m.start === 0 && (at === 0 || !isWordChar(text, at - 1))) start = Math.max(start, at);
  }
  return start === -1 ? match : { ...match, start };
}

const WORD = /[\p{L}\p{N}]/u;

function isWordChar(text: string, index: number): boolean {
  return WORD.test(text.charAt(index));
}

function score(candidate: Candidate, anchor: Anchor, text: string, hint: number): Scored {
  const quote = 1 - candidate.errors / anchor.exact.length;
  const prefix = prefixAgreement(anchor.prefix, text, candidate.start);
  const suffix = suffixAgreement(anchor.suffix, text, candidate.end);
  const position = 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length);
  const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
  const score = raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
  return { ...candidate, context: (prefix + suffix) / 2, side: Math.max(prefix, suffix), score };
}

/** The highest-scoring acceptable candidate; on a tie, the nearest to the old place. */
function best(candidates: Candidate[], anchor: Anchor, text: string, hint: number): Scored | undefined {
  let top: Scored | undefined;
  for (const candidate of candidates) {
    const scored = score(candidate, anchor, text, hint);
    if (!acceptable(scored, anchor, text, hint)) continue;
    if (!top || scored.score > top.score) top = scored;
  }
  return top;
}

/** Whether a candidate is trustworthy enough to carry a lawyer's citation. */
function acceptable(candidate: Scored, anchor: Anchor, text: string, hint: number): boolean {
  const length = anchor.exact.length;
  // Excerpts stored without context (older rows) can only be confirmed verbatim at the same place,
  // or by a quote long enough to speak for itself.
  if (anchor.prefix === '' && anchor.suffix === '' && anchor.start > 0) {
    return candidate.errors === 0 && (candidate.start === hint || length >= SELF_EVIDENT_LENGTH);
  }
  if (candidate.errors === 0 && length >= SELF_EVIDENT_LENGTH) return true;
  if (candidate.errors > 0 && !sameWording(anchor.exact, text.slice(candidate.start, candidate.end))) return false;
  // A passage that really moved keeps at least one side of its context (the rest of its sentence);
  // otherwise both sides must broadly agree, and more so for short quotes ("ILO", "12 unions"),
  // which recur everywhere.
  if (candidate.side === 1) return true;
  return candidate.context >= (length < CONTEXT_LENGTH ? CONTEXT_NEEDED_SHORT : CONTEXT_NEEDED);
}

/** How well the recorded prefix agrees with the text just before `at` (0–1). Empty: "text starts here". */
function prefixAgreement(prefix: string, text: string, at: number): number {
  if (prefix === '') return text.slice(0, at).trim() === '' ? 1 : 0;
  const window = text.slice(Math.max(0, at - prefix.length - slack(prefix)), at);
  return anchoredSimilarity(reverse(prefix), reverse(window));
}

/** How well the recorded suffix agrees with the text just after `at` (0–1). Empty: "text ends here". */
function suffixAgreement(suffix: string, text: string, at: number): number {
  if (suffix === '') return text.slice(at).trim() === '' ? 1 : 0;
  return anchoredSimilarity(suffix, text.slice(at, at + suffix.length + slack(suffix)));
}

/** Room for a few characters inserted into the context (a repaired hyphenation, an extra space). */
function slack(context: string): number {
  return Math.ceil(context.length / 4);
}

function reverse(s: string): string {
  // Code units, not code points: both sides are reversed alike, so pairs still compare equal.
  return s.split('').reverse().join('');
}

/**
 * 1 − (edit distance between `pattern` and the best-matching beginning of `text`) / pattern length.
 * Anchored at the start because context is only evidence if it adjoins the quote.
 */
function anchoredSimilarity(pattern: string, text: string): number {
  const m = pattern.length;
  const n = text.length;
  let previous = new Uint16Array(n + 1);
  let current = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitution = (previous[j - 1] ?? 0) + (p === text.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  let distance = m;
  for (let j = 0; j <= n; j++) distance = Math.min(distance, previous[j] ?? m);
  return Math.max(0, 1 - distance / m);
}

/** Letters and digits only, compatibility-folded (ligatures): what a re-normalisation must not change. */
function wording(s: string): string {
  return s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

function figures(s: string): string {
  return (s.normalize('NFKC').match(/\p{N}+/gu) ?? []).join(' ');
}

/**
 * Whether an approximate match differs from the quote only in form — spacing, hyphenation,
 * punctuation, ligatures, a stray letter — and not in substance: "filed" for "submitted" is another
 * passage, and any changed figure (a year, a count, an article) is another claim.
 */
function sameWording(quote: string, found: string): boolean {
  if (figures(quote) !== figures(found)) return false;
  const a = wording(quote);
  const b = wording(found);
  const allowed = Math.floor(a.length * WORDING_ERROR_RATE);
  if (Math.abs(a.length - b.length) > allowed) return false;
  if (allowed === 0 || a.length === 0) return a === b;
  return search(b, a, allowed).length > 0;
}
