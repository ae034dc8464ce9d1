// Date suggestions. Reports cite dates the way tribunals and the ILO write them: "on 9 June 2021",
// lists that share one year ("21 September, 4 October and 23 December 2021"), ranges ("from July
// 2018 to September 2018", "Between 2021 and 2022"), partial dates ("in November 2022", "in 2026",
// "first quarter of 2023"). chrono-node finds full dates well but splits such lists wrongly
// ("October, 3") and knows nothing of partial dates or years, so a small grammar of our own finds
// the date atoms, joins them into ranges and gives list items their year; chrono is the safety net
// for formats the grammar does not know ("9-Jun-2021"), in English and Russian.
import * as chrono from 'chrono-node';
import { longestFirst, NA, NB, sentenceBreakBetween, suggestion } from './spans.ts';
import type { Suggestion } from './types.ts';

type Precision = 'day' | 'month' | 'year' | 'quarter' | 'half';

interface Atom {
  start: number;
  end: number;
  precision: Precision;
  year?: number;
  month?: number;
  day?: number;
  /** "19–24 January 2017": the last day of a day range inside one atom. */
  dayEnd?: number;
  /** "June 4 until July 6, 2010": the month the range inside one atom ends in. */
  monthEnd?: number;
  /** "2009–15": the last year of a year range inside one atom. */
  yearEnd?: number;
  quarter?: number;
  half?: number;
  modifier?: string;
  yearSource?: 'explicit' | 'list' | 'sentence' | 'reference';
  confidence: number;
}

const EN_MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sept: 9,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const FULL_MONTHS = Object.keys(EN_MONTHS).slice(0, 12);
const SHORT_MONTHS = Object.keys(EN_MONTHS).filter((name) => !FULL_MONTHS.includes(name));
const cap = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
// Month names are matched capitalised or in capitals only: lower-case "may" and "march" are verbs.
const FULL_MONTH_RE = FULL_MONTHS.flatMap((name) => [cap(name), name.toUpperCase()]).join('|');
const MONTH_RE = `(?:${FULL_MONTH_RE}|(?:${SHORT_MONTHS.flatMap((n) => [cap(n), n.toUpperCase()]).join('|')})\\.?)`;

// Russian month stems with the endings that occur in dates: nominative, genitive, prepositional.
const RU_MONTH_STEMS: Array<[string, number]> = [
  ['январ[ьяе]', 1],
  ['феврал[ьяе]', 2],
  ['март[ае]?', 3],
  ['апрел[ьяе]', 4],
  ['ма[йяе]', 5],
  ['июн[ьяе]', 6],
  ['июл[ьяе]', 7],
  ['август[ае]?', 8],
  ['сентябр[ьяе]', 9],
  ['октябр[ьяе]', 10],
  ['ноябр[ьяе]', 11],
  ['декабр[ьяе]', 12],
];
const RU_MONTH_RE = `(?:${RU_MONTH_STEMS.map(([stem]) => stem).join('|')})`;
const RU_YEAR_WORD = '(?:\\s*(?:года|году|г\\.))?';

const YEAR_RE = '((?:1[89]|20)\\d\\d)(?![\\d]|[.,]\\d)';
// Between the days of a range or a list inside one date: "19–24", "6 until 8", "12 and 13".
const DAY_JOIN = '\\s*(?:[–—-]|to|until|till|through|and|&)\\s*';
const ORDINAL = '(?:st|nd|rd|th)?';
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: -1,
};

function monthOf(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  const english = EN_MONTHS[key];
  if (english) return english;
  for (const [stem, month] of RU_MONTH_STEMS) {
    if (new RegExp(`^${stem}$`, 'u').test(key)) return month;
  }
  return undefined;
}

function validDay(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
  return day <= days;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

/** A pattern, and how to turn one match into an atom (or nothing, when the match is not a date). */
interface Rule {
  re: RegExp;
  /** A match this rule rejects hides the span from the other rules: "31 February 2021" is no date at all. */
  blocks?: boolean;
  atom: (m: RegExpMatchArray, text: string) => Omit<Atom, 'start' | 'end'> | undefined;
}

const MONTH_DASH_AFTER = new RegExp(`^\\s*[–—-]\\s*(?:${FULL_MONTH_RE})${NA}`, 'u');

const ENGLISH_RULES: Rule[] = [
  {
    // 9 June 2021 · 16th of December 2011 · 19–24 January 2017 · 6 until 8 May · 12 and 13 March 2010 ·
    // 21 September (year from context)
    re: new RegExp(
      `${NB}(?<![.,/])(\\d{1,2})${ORDINAL}(?:${DAY_JOIN}(\\d{1,2})${ORDINAL})?(?:\\s+of)?\\s+(${MONTH_RE})(?:,?\\s+${YEAR_RE})?${NA}`,
      'gu',
    ),
    blocks: true,
    atom: (m) => dayAtom(num(m[4]), m[3], Number(m[1]), num(m[2])),
  },
  {
    // June 9, 2021 · June 9th · June 4 until June 6, 2010 · March 12 and 13, 2010
    re: new RegExp(
      `${NB}(${MONTH_RE})\\s+(\\d{1,2})(?:${ORDINAL}${DAY_JOIN}(?:(${MONTH_RE})\\s+)?(\\d{1,2}))?(?:${ORDINAL},?\\s+${YEAR_RE}|(?:st|nd|rd|th)${NA})`,
      'gu',
    ),
    atom: (m) => dayAtom(num(m[5]), m[1], Number(m[2]), num(m[4]), m[3]),
  },
  {
    // on March 19 · until June 6 — an American day without a year, where a preposition says it is one
    re: new RegExp(
      `(?<=(?:^|[^\\p{L}])(?:[Oo]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Bb]y|[Bb]efore|[Aa]fter)\\s+)(${MONTH_RE})\\s+(\\d{1,2})(?![\\d.:]|,?\\s+\\d)`,
      'gu',
    ),
    atom: (m) => dayAtom(undefined, m[1], Number(m[2])),
  },
  {
    // 2009–15 · 2010-12: a range of years with the second written short
    re: new RegExp(`${NB}(?<![.,/])((?:1[89]|20)\\d\\d)\\s*[–—-]\\s*(\\d\\d)(?![\\d]|[.,/]\\d)`, 'gu'),
    atom: (m) => {
      const year = Number(m[1]);
      const end = Math.floor(year / 100) * 100 + Number(m[2]);
      return end > year ? { precision: 'year', year, yearEnd: end, confidence: 0.75 } : undefined;
    },
  },
  {
    // November 2022 · early June 2021 · end of May 2020
    re: new RegExp(
      `${NB}(?:(?:the\\s+)?(early|late|mid-?|(?:end|beginning|start|middle)\\s+of)\\s*)?(${MONTH_RE})(?:\\s+of)?,?\\s+${YEAR_RE}`,
      'gu',
    ),
    atom: (m) => {
      const month = monthOf(m[2] ?? '');
      if (!month) return undefined;
      return { precision: 'month', month, year: Number(m[3]), modifier: modifierOf(m[1]), confidence: 0.9 };
    },
  },
  {
    // first quarter of 2023 · second half of 2021 · Q1 2023
    re: new RegExp(
      `${NB}(?:(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+(quarter|half)\\s+of\\s+(?:the\\s+year\\s+)?${YEAR_RE}|Q([1-4])\\s*${YEAR_RE})`,
      'giu',
    ),
    atom: (m) => {
      if (m[5]) return { precision: 'quarter', quarter: Number(m[5]), year: Number(m[6]), confidence: 0.85 };
      const year = Number(m[3]);
      const order = ORDINALS[(m[1] ?? '').toLowerCase()] ?? 0;
      if ((m[2] ?? '').toLowerCase() === 'half') {
        const half = order === -1 ? 2 : order;
        return half === 1 || half === 2 ? { precision: 'half', half, year, confidence: 0.85 } : undefined;
      }
      const quarter = order === -1 ? 4 : order;
      return quarter > 0 ? { precision: 'quarter', quarter, year, confidence: 0.85 } : undefined;
    },
  },
  {
    // end of 2022 · mid-2021 · early 2020
    re: new RegExp(`${NB}(?:the\\s+)?(early|late|mid-|mid|(?:end|beginning|start|middle)\\s+of)\\s*${YEAR_RE}`, 'giu'),
    atom: (m) => ({ precision: 'year', year: Number(m[2]), modifier: modifierOf(m[1]), confidence: 0.8 }),
  },
  {
    // 2021-06-09
    re: new RegExp(`${NB}(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])`, 'gu'),
    atom: (m) => numericAtom(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // 09.06.2021 · 9/6/2021 — day first, as in the UN, the ILO and the former Soviet states; a first
    // number above 12 can only be a day, a second one above 12 only a day in US order.
    re: new RegExp(`${NB}(?<![.,/])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?![\\d]|[.,/]\\d)`, 'gu'),
    atom: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = Number(m[4]);
      if (b > 12 && a <= 12) return numericAtom(year, a, b);
      return numericAtom(year, b, a);
    },
  },
  {
    // A month on its own: only "in June", "from July to December"; checked in context below.
    re: new RegExp(`${NB}(${FULL_MONTH_RE})${NA}`, 'gu'),
    atom: (m, text) => {
      const start = m.index ?? 0;
      const before = text.slice(Math.max(0, start - 12), start);
      const after = text.slice(start + (m[1] ?? '').length, start + (m[1] ?? '').length + 12);
      // "May-June", "October–December 2012": a month range says it is about months.
      const monthRange =
        MONTH_DASH_AFTER.test(after) || new RegExp(`(?:${FULL_MONTH_RE})\\s*[–—-]\\s*$`, 'u').test(before);
      if (!monthRange && !/(?:^|[^\p{L}])(?:in|since|during|until|till|from|through|to|by|and)\s+$/iu.test(before)) {
        return undefined;
      }
      const month = monthOf(m[1] ?? '');
      return month ? { precision: 'month', month, confidence: 0.5 } : undefined;
    },
  },
  {
    re: new RegExp(`${NB}(?<![.,/])${YEAR_RE}${NA}`, 'gu'),
    atom: (m, text) => bareYear(text, m.index ?? 0, Number(m[1])),
  },
];

const RUSSIAN_RULES: Rule[] = [
  {
    // 14 марта 2023 года · 10 января · 19–24 января 2017 г.
    re: new RegExp(
      `${NB}(?<![.,/])(\\d{1,2})(?:\\s*[–—-]\\s*(\\d{1,2}))?\\s+(${RU_MONTH_RE})${NA}(?:\\s+${YEAR_RE}${RU_YEAR_WORD})?`,
      'giu',
    ),
    blocks: true,
    atom: (m) => dayAtom(num(m[4]), m[3], Number(m[1]), num(m[2])),
  },
  {
    // в июне 2021 года
    re: new RegExp(`${NB}(${RU_MONTH_RE})${NA}\\s+${YEAR_RE}${RU_YEAR_WORD}`, 'giu'),
    atom: (m) => {
      const month = monthOf(m[1] ?? '');
      return month ? { precision: 'month', month, year: Number(m[2]), confidence: 0.9 } : undefined;
    },
  },
  {
    // в первом квартале 2023 года
    re: new RegExp(
      `${NB}(перв|втор|трет|четв[её]рт)(?:ом|ый|ой|ий|ем|ого|его)\\s+квартал[аеу]?\\s+${YEAR_RE}${RU_YEAR_WORD}`,
      'giu',
    ),
    atom: (m) => {
      const quarter = ['перв', 'втор', 'трет', 'четв'].indexOf((m[1] ?? '').toLowerCase().slice(0, 4)) + 1;
      return quarter > 0 ? { precision: 'quarter', quarter, year: Number(m[2]), confidence: 0.85 } : undefined;
    },
  },
  {
    // 2021 года · в 2021 году · 2018 г.
    re: new RegExp(`${NB}(?<![.,/])${YEAR_RE}(\\s*(?:года|году|годах|годов|годы|год|гг?\\.))?${NA}`, 'gu'),
    atom: (m, text) => {
      const start = m.index ?? 0;
      if (m[2]) return { precision: 'year', year: Number(m[1]), confidence: 0.85 };
      const before = text.slice(Math.max(0, start - 8), start);
      if (/(?:^|[^\p{L}])(?:в|с|по|до|от|к|между|и)\s+$/iu.test(before)) {
        return { precision: 'year', year: Number(m[1]), confidence: 0.7 };
      }
      return undefined;
    },
  },
];

function modifierOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const word = raw.toLowerCase().replace(/-$/, '').split(/\s+/)[0];
  return word === 'start' ? 'beginning' : word;
}

function dayAtom(
  year: number | undefined,
  monthName: string | undefined,
  day: number,
  dayEnd?: number,
  monthEndName?: string,
): Omit<Atom, 'start' | 'end'> | undefined {
  const month = monthOf(monthName ?? '');
  if (!month || !validDay(year, month, day)) return undefined;
  const monthEnd = monthEndName ? monthOf(monthEndName) : month;
  if (!monthEnd) return undefined;
  if (dayEnd !== undefined) {
    if (!validDay(year, monthEnd, dayEnd) || monthEnd < month || (monthEnd === month && dayEnd <= day))
      return undefined;
  }
  const atom: Omit<Atom, 'start' | 'end'> = { precision: 'day', month, day, confidence: 0.95 };
  if (year !== undefined) atom.year = year;
  if (dayEnd !== undefined) atom.dayEnd = dayEnd;
  if (monthEnd !== month) atom.monthEnd = monthEnd;
  return atom;
}

function numericAtom(year: number, month: number, day: number): Omit<Atom, 'start' | 'end'> | undefined {
  if (year < 1800 || year > 2099 || !validDay(year, month, day)) return undefined;
  return { precision: 'day', year, month, day, confidence: 0.9 };
}

// A number that looks like a year is a date only where the words around it say so: "in 2026",
// "(2022)", "(ratification: 2000)", "the 2014 reforms" — not "No. 2000", "Convention, 1948 (No. 87)"
// (part of the instrument's name), "KZT 2000" or "2000 workers".
const YEAR_BEFORE_NOT =
  /(?:No\.?|Nos\.?|№|#|articles?|arts?\.|sections?|paragraphs?|paras?\.|pp?\.|pages?|Convention,?|Law,?|Act,?|Code,?|resolution|[$€£₸₽]|USD|KZT|EUR|RUB|GBP)\s*$/iu;
const YEAR_AFTER_NOT =
  /^(?:\s*\(No\b|\s+(?:Law|Act|Code|Decree|Constitution)\b|-[IVX]+\b|\s*(?:%|per\s?cent|tenge|dollars|euros?|roubles|rubles)\b)/u;
// "2000 workers" counts people; but "the 2011 cases" dates them.
const YEAR_COUNTS =
  /^\s+(?:people|persons|workers|employees|members|cases|times|hours|days|years|months|participants|delegates|votes|km)\b/u;
const YEAR_BEFORE_STRONG =
  /(?:^|[^\p{L}])(?:in|since|from|until|till|through|by|between|during|before|after|around|circa|as of|year|early|late|mid|and|or|to|of)\s+$/iu;
const YEAR_BEFORE_WEAK = /(?:(?:^|[^\p{L}])the\s+|\(\s*|[:,]\s+|[–—-]\s*)$/iu;

function bareYear(text: string, start: number, year: number): Omit<Atom, 'start' | 'end'> | undefined {
  if (year < 1900) return undefined;
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(start + 4, start + 24);
  if (YEAR_BEFORE_NOT.test(before) || YEAR_AFTER_NOT.test(after)) return undefined;
  const attributive = /(?:^|[^\p{L}])the\s+$/iu.test(before) && /^\s+\p{Ll}/u.test(after);
  if (YEAR_COUNTS.test(after) && !attributive) return undefined;
  if (YEAR_BEFORE_STRONG.test(before)) return { precision: 'year', year, confidence: 0.75 };
  // "(2022)", "(ratification: 2000)", "(6th edition, 2019)" — a year closing a parenthesis.
  if (/[(:,]\s*$/.test(before) && /^\s*\)/.test(after)) return { precision: 'year', year, confidence: 0.6 };
  // "the 2014 reforms": a year used as an adjective.
  if (attributive) return { precision: 'year', year, confidence: 0.6 };
  if (YEAR_BEFORE_WEAK.test(before) && /^\s*[–—-]\s*(?:1[89]|20)\d\d/.test(after)) {
    return { precision: 'year', year, confidence: 0.6 };
  }
  return undefined;
}

function findAtoms(text: string, rules: Rule[]): Atom[] {
  const atoms: Atom[] = [];
  const blocked: Array<{ start: number; end: number }> = [];
  for (const rule of rules) {
    for (const m of text.matchAll(rule.re)) {
      const found = rule.atom(m, text);
      if (!found) {
        if (rule.blocks) blocked.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
        continue;
      }
      let start = m.index ?? 0;
      // "the end of 2022" is cited as "end of 2022": the article is not part of the date.
      const article = /^the\s+/i.exec(m[0]);
      if (article) start += article[0].length;
      atoms.push({ ...found, start, end: (m.index ?? 0) + m[0].length });
    }
  }
  // Longest first: "9 June 2021" wins over the "June 2021" and "2021" inside it.
  return longestFirst(atoms.filter((atom) => !blocked.some((b) => b.start < atom.end && atom.start < b.end)));
}

/** chrono-node's finds in formats the grammar does not know, kept only when they do not overlap it. */
function chronoAtoms(text: string, russian: boolean, taken: Atom[]): Atom[] {
  const parsers = [chrono.en.strict, ...(russian ? [chrono.ru.strict] : [])];
  const atoms: Atom[] = [];
  for (const parser of parsers) {
    for (const result of parser.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
      const lead = /^(?:\s|on\s|in\s|at\s|from\s|since\s|the\s|в\s|с\s)+/iu.exec(result.text);
      const start = result.index + (lead ? lead[0].length : 0);
      const end = result.index + result.text.trimEnd().length;
      if (end <= start) continue;
      const span = { start, end };
      if (taken.some((a) => a.start < span.end && span.start < a.end)) continue;
      if (atoms.some((a) => a.start < span.end && span.start < a.end)) continue;
      const c = result.start;
      // Only whole calendar dates: chrono also reads times of day and bare numbers.
      const written = text.slice(start, end);
      if (!c.isCertain('day') || !c.isCertain('month') || !/\p{L}/u.test(written) || !/\d/.test(written)) continue;
      // English month names are capitalised; chrono also reads the verb in "employers may 2 times refuse".
      if (!/[\p{Lu}\u0400-\u04ff]/u.test(written)) continue;
      const atom: Atom = {
        start,
        end,
        precision: 'day',
        day: c.get('day') ?? 1,
        month: c.get('month') ?? 1,
        confidence: 0.8,
      };
      if (c.isCertain('year')) atom.year = c.get('year') ?? undefined;
      atoms.push(atom);
    }
  }
  return atoms;
}

interface DateMention {
  start: number;
  end: number;
  first: Atom;
  last: Atom;
}

const RANGE_GAP = /^\s*(?:[–—-]|to|until|till|through(?:\s+to)?|up\s+to|по|до)\s*$/iu;
const BETWEEN_GAP = /^\s+(?:and|и)\s+$/iu;
const LIST_GAP = /^[\s,;]*(?:(?:and|or|и|или)\s+)?(?:on\s+)?$/iu;

/** Joins atoms into ranges: "from A to B", "between A and B", "A–B", "с A по B", "между A и B". */
function joinRanges(text: string, atoms: Atom[]): DateMention[] {
  const mentions: DateMention[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i] as Atom;
    const b = atoms[i + 1];
    const opener = /(?<![\p{L}])(from|between|с|между)\s+$/iu.exec(text.slice(Math.max(0, a.start - 10), a.start));
    if (b) {
      const gap = text.slice(a.end, b.start);
      const between = opener !== null && /^(between|между)$/iu.test(opener[1] ?? '');
      if ((RANGE_GAP.test(gap) && !between) || (between && BETWEEN_GAP.test(gap))) {
        // The range words are part of the mention: "2021 and 2022" alone reads as two years.
        mentions.push({ start: a.start - (opener?.[0].length ?? 0), end: b.end, first: a, last: b });
        i++;
        continue;
      }
    }
    // "from 6 until 8 May": a range inside one date keeps its opening word too.
    const ranged = a.dayEnd !== undefined && opener !== null && /^(?:from|с)$/iu.test(opener[1] ?? '');
    mentions.push({ start: a.start - (ranged ? (opener?.[0].length ?? 0) : 0), end: a.end, first: a, last: a });
  }
  return mentions;
}

/**
 * Gives a year to atoms written without one. In "21 September, 4 October and 23 December 2021" and
 * "from 10 January to 2 March 2023" the year comes from the next date of the same sentence; failing
 * that the reference date (the caller's choice); failing that none — a wrong year is worse than none.
 */
function inferYears(text: string, mentions: DateMention[], referenceDate: Date | undefined): void {
  for (const mention of mentions) {
    for (const atom of [mention.first, mention.last]) {
      if (atom.year !== undefined) atom.yearSource ??= 'explicit';
    }
  }
  for (const [index, mention] of mentions.entries()) {
    const { first, last } = mention;
    if (first !== last && first.year === undefined && last.year !== undefined) {
      // "from December to February 2023": December is of the year before.
      const wraps = (first.month ?? 0) > (last.month ?? 0) && last.month !== undefined;
      first.year = last.year - (wraps ? 1 : 0);
      first.yearSource = 'list';
    }
    if (last.year !== undefined || last.precision === 'year') continue;
    const next = mentions
      .slice(index + 1)
      .find((other) => other.first.year !== undefined && other.first.yearSource === 'explicit');
    if (next && next.start - mention.end < 200 && !sentenceBreakBetween(text, mention.end, next.start)) {
      // A plain list ("21 September, 4 October and 23 December 2021") is surer than a year found
      // further on in the sentence ("on 6 August; and on 27 August, when …; and on 4 September 2018").
      const between = mentions.slice(index, mentions.indexOf(next) + 1);
      const plain = between.every((m, i) => i === 0 || LIST_GAP.test(text.slice(between[i - 1]?.end ?? 0, m.start)));
      for (const atom of [first, last]) {
        if (atom.year === undefined) {
          atom.year = next.first.year;
          atom.yearSource = plain ? 'list' : 'sentence';
        }
      }
      continue;
    }
    if (referenceDate) {
      for (const atom of [first, last]) {
        if (atom.year === undefined) {
          atom.year = referenceDate.getUTCFullYear();
          atom.yearSource = 'reference';
        }
      }
    }
  }
}

function isoStart(atom: Atom): string {
  const year = atom.year === undefined ? '-' : String(atom.year);
  switch (atom.precision) {
    case 'day':
      return `${year}-${pad(atom.month ?? 1)}-${pad(atom.day ?? 1)}`;
    case 'month':
      return `${year}-${pad(atom.month ?? 1)}`;
    case 'quarter':
      return `${year}-${pad(((atom.quarter ?? 1) - 1) * 3 + 1)}`;
    case 'half':
      return `${year}-${pad(((atom.half ?? 1) - 1) * 6 + 1)}`;
    case 'year':
      return year;
  }
}

function isoEnd(atom: Atom): string {
  const year = atom.year === undefined ? '-' : String(atom.year);
  switch (atom.precision) {
    case 'day':
      return `${year}-${pad(atom.monthEnd ?? atom.month ?? 1)}-${pad(atom.dayEnd ?? atom.day ?? 1)}`;
    case 'year':
      return atom.yearEnd === undefined ? year : String(atom.yearEnd);
    case 'quarter':
      return `${year}-${pad((atom.quarter ?? 1) * 3)}`;
    case 'half':
      return `${year}-${pad((atom.half ?? 1) * 6)}`;
    default:
      return isoStart(atom);
  }
}

function isRange(atom: Atom): boolean {
  return (
    atom.dayEnd !== undefined || atom.yearEnd !== undefined || atom.precision === 'quarter' || atom.precision === 'half'
  );
}

function confidenceOf(atom: Atom): number {
  if (atom.yearSource === 'list') return Math.min(atom.confidence, 0.85);
  if (atom.yearSource === 'sentence') return Math.min(atom.confidence, 0.7);
  if (atom.yearSource === 'reference') return 0.55;
  if (atom.year === undefined) return 0.5;
  return atom.confidence;
}

/** Finds dates in a text. Russian patterns run alongside English ones: reports quote both. */
export function findDates(text: string, options: { language?: string; referenceDate?: Date } = {}): Suggestion[] {
  const russian = options.language === 'ru' || /[\u0400-\u04ff]/u.test(text);
  const grammar = findAtoms(text, russian ? [...ENGLISH_RULES, ...RUSSIAN_RULES] : ENGLISH_RULES);
  const atoms = [...grammar, ...chronoAtoms(text, russian, grammar)].sort((a, b) => a.start - b.start);
  const mentions = joinRanges(text, atoms);
  inferYears(text, mentions, options.referenceDate);

  return mentions.map((mention) => {
    const { first, last } = mention;
    const single = first === last;
    const value = single && !isRange(first) ? isoStart(first) : `${isoStart(first)}/${isoEnd(last)}`;
    const detail: Record<string, string> = {
      precision: single && first.dayEnd === undefined && first.yearEnd === undefined ? first.precision : 'range',
    };
    if (first.modifier) detail.modifier = first.modifier;
    const sources = new Set([first.yearSource, last.yearSource]);
    if (sources.has('list')) detail.year = 'inferred from the list';
    if (sources.has('sentence')) detail.year = 'inferred from the same sentence';
    if (sources.has('reference')) detail.year = 'assumed from the reference date';
    if (first.year === undefined || last.year === undefined) detail.year = 'unknown';
    const confidence = Math.min(confidenceOf(first), confidenceOf(last)) + (single ? 0 : 0.05);
    return suggestion(text, 'date', mention.start, mention.end, value, confidence, detail);
  });
}
