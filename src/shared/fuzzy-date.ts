// Fuzzy dates: what monitors know of when something happened — a day, a month, a year, a range
// ("July to December 2011", "2009–15") or an open end ("since 2018"). Each is stored as the first and
// last ISO day it can cover (end null: still going), with the precision it was known to, so events
// sort and filter by plain text comparison and print as they were written, in the reader's language.
// Pure: shared by main (store, CLI) and the renderer.
import * as chrono from 'chrono-node';
import { z } from 'zod';

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day as YYYY-MM-DD');

export const FuzzyDate = z
  .object({
    /** The first day it can have been. */
    start: IsoDay,
    /** The last day it can have been; null when open-ended ("since 2018"). */
    end: IsoDay.nullable(),
    /** How finely it was known: prints "2011", "July 2011" or "3 July 2011". */
    precision: z.enum(DATE_PRECISIONS),
  })
  .refine((d) => d.end === null || d.end >= d.start, { message: 'The end comes before the start', path: ['end'] });
export type FuzzyDate = z.infer<typeof FuzzyDate>;

/** A single day, month or year; a range of them; or open-ended. */
export type FuzzyKind = 'single' | 'range' | 'open';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

interface Point {
  year: number;
  month?: number;
  day?: number;
}

function precisionOf(p: Point): DatePrecision {
  return p.day !== undefined ? 'day' : p.month !== undefined ? 'month' : 'year';
}

function firstDay(p: Point): string {
  return `${pad(p.year, 4)}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

function lastDay(p: Point): string {
  const month = p.month ?? 12;
  return `${pad(p.year, 4)}-${pad(month)}-${pad(p.day ?? lastDayOfMonth(p.year, month))}`;
}

function valid(p: Point): boolean {
  if (!Number.isInteger(p.year) || p.year < 1 || p.year > 9999) return false;
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) return false;
  if (p.day !== undefined && (p.month === undefined || p.day < 1 || p.day > lastDayOfMonth(p.year, p.month)))
    return false;
  return true;
}

const FINER: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/** One day, month or year. */
export function fuzzyPoint(year: number, month?: number, day?: number): FuzzyDate {
  const p = { year, month, day };
  return { start: firstDay(p), end: lastDay(p), precision: precisionOf(p) };
}

function range(from: Point, to: Point | null): FuzzyDate {
  const precisions = [precisionOf(from), ...(to ? [precisionOf(to)] : [])];
  // The finer precision keeps what was typed at either end ("3 June to December 2011").
  const precision = precisions.reduce((a, b) => (FINER[a] <= FINER[b] ? a : b));
  return { start: firstDay(from), end: to ? lastDay(to) : null, precision };
}

/** Where a stored date's start and end fall as points of its precision. */
function pointOf(day: string, precision: DatePrecision): Point {
  const [year, month, d] = day.split('-').map(Number) as [number, number, number];
  if (precision === 'year') return { year };
  if (precision === 'month') return { year, month };
  return { year, month, day: d };
}

export function fuzzyKind(date: FuzzyDate): FuzzyKind {
  if (date.end === null) return 'open';
  return lastDay(pointOf(date.start, date.precision)) === date.end ? 'single' : 'range';
}

/** Chronological order: by first day, then the shorter span first, open-ended last. */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  const aEnd = a.end ?? '\uffff';
  const bEnd = b.end ?? '\uffff';
  return aEnd === bEnd ? 0 : aEnd < bEnd ? -1 : 1;
}

/** Whether the date can fall within [from, to] (ISO days, either bound optional): ranges overlap. */
export function fuzzyOverlaps(date: FuzzyDate, from?: string | null, to?: string | null): boolean {
  if (to && date.start > to) return false;
  if (from && date.end !== null && date.end < from) return false;
  return true;
}

/**
 * A normalised value as the date suggestions give it: "2021", "2021-06", "2021-06-09", or two of
 * them joined by "/" ("2022-01/2022-03"); "2018/.." is open-ended. Null for anything else (a
 * suggestion without its year, "--09-21").
 */
export function fuzzyFromIso(value: string): FuzzyDate | null {
  const point = (text: string): Point | null => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
    if (!m) return null;
    const p: Point = { year: Number(m[1]) };
    if (m[2]) p.month = Number(m[2]);
    if (m[3]) p.day = Number(m[3]);
    return valid(p) ? p : null;
  };
  const [a, b, ...rest] = value.split('/');
  if (a === undefined || rest.length > 0) return null;
  const from = point(a);
  if (!from) return null;
  if (b === undefined) return range(from, from);
  if (b === '..' || b === '') return range(from, null);
  const to = point(b);
  if (!to || lastDay(to) < firstDay(from)) return null;
  return range(from, to);
}

// ---------------------------------------------------------------------------------------------
// Typed input, English and Russian.

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
// Russian month names in any case form: январь, января, январе, янв.
const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма[йяе]', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'] as const;

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (/^[a-z]+$/.test(w) && w.length >= 3) {
    const index = EN_MONTHS.findIndex((m) => w.startsWith(m));
    // Whole names or their standard abbreviations only: "marathon" is not March.
    if (
      index >= 0 &&
      (w.length <= 4 ||
        /^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(w))
    )
      return index + 1;
  }
  const ru = RU_MONTHS.findIndex((stem) => new RegExp(`^${stem}[а-яё]*$`, 'u').test(w));
  return ru >= 0 ? ru + 1 : undefined;
}

/** Words that mean "year" after a number: "2018 года", "2018 г.", "2018 year". */
const YEAR_WORD = /(?<=\d)\s*(?:годы|годов|года|году|год|гг\.?|г\.?)(?=[\s,–—-]|$)/gu;

/** A partial point: the parts a range's other end may fill in ("July" ← "December 2011"). */
interface Partial {
  year?: number;
  month?: number;
  day?: number;
  /** "15" in "2009–15": two digits that take the century of the other end. */
  shortYear?: number;
}

function parsePart(text: string): Partial | null {
  const t = text.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (!t) return null;
  let m = /^(\d{4})$/.exec(t);
  if (m) return { year: Number(m[1]) };
  m = /^(\d{2})$/.exec(t);
  if (m) return { shortYear: Number(m[1]), day: Number(m[1]) };
  m = /^(\d{1,2})$/.exec(t);
  if (m) return { day: Number(m[1]) };
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]), ...(m[3] ? { day: Number(m[3]) } : {}) };
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  m = /^(\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return { month: Number(m[1]), year: Number(m[2]) };
  const words = t.split(' ');
  // Month [year] · day month [year] · month day [year]
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  for (const word of words) {
    if (/^(the|of|in|on|в|во)$/i.test(word)) continue;
    const number = /^(\d{1,4})(?:st|nd|rd|th|-?го|-?е)?$/i.exec(word);
    if (number) {
      const n = Number(number[1]);
      if ((number[1] as string).length === 4 && year === undefined) year = n;
      else if ((number[1] as string).length <= 2 && day === undefined) day = n;
      else return null;
      continue;
    }
    const mn = monthNumber(word);
    if (mn !== undefined && month === undefined) {
      month = mn;
      continue;
    }
    return null;
  }
  if (month === undefined && day !== undefined) return null;
  if (month === undefined && year === undefined) return null;
  return { year, month, day };
}

const OPEN_START = /^(?:since|from|after|starting(?:\s+in|\s+from)?|начиная\s+с[о]?|с|со|после|от)\s+/iu;
const BETWEEN = /^(?:between|между)\s+(.+?)\s+(?:and|и)\s+(.+)$/iu;
const FROM_TO = /^(?:from|с|со)\s+(.+?)\s+(?:to|until|till|through|по|до)\s+(.+)$/iu;
const SPLIT = /\s*(?:–|—|-|\/|\.\.|\bto\b|\buntil\b|\btill\b|\bthrough\b|\s+по\s+|\s+до\s+)\s*/iu;

function complete(from: Partial, to: Partial): [Point, Point] | null {
  const end: Partial = { ...to };
  // "2009–15": a two-digit end takes the start's century.
  if (from.year !== undefined && from.month === undefined && to.shortYear !== undefined && to.month === undefined) {
    end.year = Math.floor(from.year / 100) * 100 + to.shortYear;
    if (end.year < from.year) end.year += 100;
    delete end.day;
  }
  delete end.shortYear;
  const start: Partial = { ...from };
  delete start.shortYear;
  // "July to December 2011", "3–5 June 2011": the start borrows what only the end says.
  if (start.year === undefined) start.year = end.year;
  if (start.month === undefined && start.day !== undefined) start.month = end.month;
  if (end.year === undefined) end.year = start.year;
  if (end.month === undefined && end.day !== undefined) end.month = start.month;
  if (start.year === undefined || end.year === undefined) return null;
  const a = start as Point;
  const b = end as Point;
  if (!valid(a) || !valid(b)) return null;
  if (lastDay(b) < firstDay(a)) return null;
  return [a, b];
}

function pointFrom(partial: Partial | null): Point | null {
  if (!partial || partial.year === undefined) return null;
  const p: Point = { year: partial.year, month: partial.month, day: partial.day };
  return valid(p) ? p : null;
}

/** chrono-node for the formats our small grammar does not know ("Jun 3rd, 2011", "3 июня 2011"). */
function chronoDay(text: string): Point | null {
  for (const parser of [chrono.en.strict, chrono.ru.strict]) {
    const [result] = parser.parse(text);
    if (!result || result.end || result.index !== 0 || result.text.length < text.trim().length - 1) continue;
    const c = result.start;
    if (!c.isCertain('year') || !c.isCertain('month')) continue;
    const p: Point = { year: c.get('year') ?? 0, month: c.get('month') ?? 0 };
    if (c.isCertain('day')) p.day = c.get('day') ?? 0;
    if (valid(p)) return p;
  }
  return null;
}

/**
 * Reads a typed date: "3 July 2011", "July 2011", "2011", "July to December 2011", "2009–15",
 * "since 2018"; "с 2018 года", "июль–декабрь 2011", "с 3 по 5 июня 2011 г.", "01.07.2011".
 * Null when the words are not a date.
 */
export function parseFuzzyDate(input: string): FuzzyDate | null {
  const text = input.trim().replace(/[.;]$/, '').replace(YEAR_WORD, '').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const iso = fuzzyFromIso(text);
  if (iso) return iso;

  const pair = BETWEEN.exec(text) ?? FROM_TO.exec(text);
  if (pair) {
    const both = complete(parsePart(pair[1] ?? '') ?? {}, parsePart(pair[2] ?? '') ?? {});
    if (both) return range(both[0], both[1]);
  }
  const open = OPEN_START.exec(text);
  if (open) {
    const rest = text.slice(open[0].length);
    const start = pointFrom(parsePart(rest)) ?? chronoDay(rest);
    if (start) return range(start, null);
  }
  const single = pointFrom(parsePart(text)) ?? chronoDay(text);
  if (single) return range(single, single);

  const parts = text.split(SPLIT).filter((part) => part.length > 0);
  if (parts.length === 2) {
    const a = parsePart(parts[0] ?? '');
    const b = parsePart(parts[1] ?? '');
    if (a && b) {
      const both = complete(a, b);
      if (both) return range(both[0], both[1]);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Printing, through Intl in the reader's language.

const OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/** Noon UTC, printed in UTC: the same calendar day whatever the computer's time zone. */
function instant(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 12);
}

/**
 * One end as words: "July 2011" / «июль 2011 г.». With `afterPreposition`, Russian months take the
 * genitive that follows «с»: «с июля 2018 г.» (Intl gives it only beside a day, so the day is dropped).
 */
export function formatFuzzyDay(
  day: string,
  precision: DatePrecision,
  locale: string,
  afterPreposition = false,
): string {
  if (afterPreposition && precision === 'month' && locale.startsWith('ru')) {
    const parts = new Intl.DateTimeFormat(locale, OPTIONS.day).formatToParts(instant(day));
    const dayIndex = parts.findIndex((p) => p.type === 'day');
    return parts
      .filter((_, i) => i !== dayIndex && i !== dayIndex + 1)
      .map((p) => p.value)
      .join('')
      .trim();
  }
  return new Intl.DateTimeFormat(locale, OPTIONS[precision]).format(instant(day));
}

export interface FuzzyWords {
  /** Wraps the start of an open-ended date: "since {date}". */
  since(date: string): string;
}

const DEFAULT_WORDS: Record<string, FuzzyWords> = {
  en: { since: (date) => `since ${date}` },
  ru: { since: (date) => `с ${date}` },
};

/**
 * The date as a person writes it: "3 July 2011", "July – December 2011", "2009–2015",
 * "since 2018" / «с 2018 г.». `words` lets the interface word the open end from its catalog.
 */
export function formatFuzzyDate(date: FuzzyDate, locale: string, words?: FuzzyWords): string {
  const kind = fuzzyKind(date);
  if (kind === 'open') {
    const w = words ?? DEFAULT_WORDS[locale.slice(0, 2)] ?? (DEFAULT_WORDS.en as FuzzyWords);
    return w.since(formatFuzzyDay(date.start, date.precision, locale, true));
  }
  const format = new Intl.DateTimeFormat(locale, OPTIONS[date.precision]);
  if (kind === 'single') return format.format(instant(date.start));
  // The end's own precision unit: "December" for a month range ends on its last day.
  const end = pointOf(date.end as string, date.precision);
  return format.formatRange(instant(date.start), instant(firstDay(end)));
}

/** The bucket a date falls in at a zoom level, as a sortable key: "2010s", "2011", "2011-07", "2011-07-03". */
export const TIMELINE_ZOOMS = ['decade', 'year', 'month', 'day'] as const;
export type TimelineZoom = (typeof TIMELINE_ZOOMS)[number];

export function bucketOf(date: FuzzyDate, zoom: TimelineZoom): string {
  const [y, m, d] = date.start.split('-') as [string, string, string];
  if (zoom === 'decade') return `${y.slice(0, 3)}0`;
  if (zoom === 'year') return y;
  if (zoom === 'month') return `${y}-${m}`;
  return `${y}-${m}-${d}`;
}
