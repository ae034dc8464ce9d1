// Amount suggestions: sums of money with their currency — fines, damages, dues — as English and
// Russian reports write them: "KZT 1,595,800", "1,595,800 tenge", "1 595 800 тенге", "US$ 5,000",
// "€200", "5 million tenge", "2,5 млн тенге", and fines in Kazakhstan's monthly calculation index
// ("100 MCI", "100 МРП"), which courts use instead of a sum. A number without a currency is not an
// amount: "100 hours", "50 percent" and "No. 87" stay unsuggested. Values are "KZT 1595800":
// currency code, then the amount with no grouping, exact (no floating point).
import { NA, NB, suggestion } from './spans.ts';
import type { Suggestion } from './types.ts';

interface Currency {
  code: string;
  /** The sign says less than the code: "$" could be another dollar. */
  assumed?: boolean;
}

// Currency written before the number.
const BEFORE: Array<[string, Currency]> = [
  ['US\\$', { code: 'USD' }],
  ['U\\.S\\.\\s?\\$', { code: 'USD' }],
  ['USD', { code: 'USD' }],
  ['KZT', { code: 'KZT' }],
  ['EUR', { code: 'EUR' }],
  ['GBP', { code: 'GBP' }],
  ['RUB', { code: 'RUB' }],
  ['CHF', { code: 'CHF' }],
  ['KGS', { code: 'KGS' }],
  ['UZS', { code: 'UZS' }],
  ['€', { code: 'EUR' }],
  ['£', { code: 'GBP' }],
  ['₸', { code: 'KZT' }],
  ['₽', { code: 'RUB' }],
  ['\\$', { code: 'USD', assumed: true }],
];

// Currency written after the number.
const AFTER: Array<[string, Currency]> = [
  ['tenge', { code: 'KZT' }],
  ['тенге', { code: 'KZT' }],
  ['тг\\.?', { code: 'KZT' }],
  ['US\\s+dollars?', { code: 'USD' }],
  ['dollars?', { code: 'USD', assumed: true }],
  ['долл(?:ар(?:ов|а)?)?\\.?\\s+США', { code: 'USD' }],
  ['долларов|доллара|доллар', { code: 'USD', assumed: true }],
  ['euros?', { code: 'EUR' }],
  ['евро', { code: 'EUR' }],
  ['pounds\\s+sterling', { code: 'GBP' }],
  ['(?:roubles|rubles|roubles?|rubles?)', { code: 'RUB' }],
  ['рубл(?:ей|я|ь)|руб\\.', { code: 'RUB' }],
  ['Swiss\\s+francs?', { code: 'CHF' }],
  ['soms?', { code: 'KGS' }],
  ['сом(?:ов|а)?', { code: 'KGS' }],
  ['monthly\\s+calculation\\s+ind(?:ices|exes|ex)', { code: 'MCI' }],
  ['MCIs?', { code: 'MCI' }],
  ['МРП', { code: 'MCI' }],
  ['USD|KZT|EUR|GBP|RUB|CHF|KGS|UZS', { code: '' }],
  ['€|₸|₽', { code: '' }],
];
const SIGN_CODES: Record<string, string> = { '€': 'EUR', '₸': 'KZT', '₽': 'RUB' };

// 1,595,800 · 1 595 800 (also with no-break spaces) · 1595800.50 · 2,5
const NUMBER = '\\d{1,3}(?:(?:,|[ \\u00a0\\u202f])\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?';
const SCALE =
  '(?:[^\\S\\n]*(thousand|million|billion|bn|mln|m|k|тыс\\.?|тысяч[аи]?|млн\\.?|миллион(?:а|ов)?|млрд\\.?|миллиард(?:а|ов)?)(?![\\p{L}]))?';
const SCALES: Array<[RegExp, number]> = [
  [/^(?:thousand|k|тыс|тысяч)/u, 3],
  [/^(?:million|m$|mln|млн|миллион)/u, 6],
  [/^(?:billion|bn|млрд|миллиард)/u, 9],
];

// "10,000-20,000 roubles", "50,000 to 100,000 roubles", "KZT 5–10 million": one sum, a range.
const RANGE = `(?:(${NUMBER})${SCALE}[^\\S\\n]*(?:[–—-]|to)[^\\S\\n]*)?`;
// "250,000 Russian roubles", "1,500 Kazakh tenge": the country's adjective before the currency's word.
const NATIONAL: Record<string, string> = {
  Russian: 'RUB',
  Kazakh: 'KZT',
  Kazakhstani: 'KZT',
  Kyrgyz: 'KGS',
  Uzbek: 'UZS',
  Tajik: 'TJS',
  Belarusian: 'BYN',
  Swiss: 'CHF',
  American: 'USD',
  Canadian: 'CAD',
  Australian: 'AUD',
};
const beforeRe = new RegExp(
  `(?<![\\p{L}\\p{N}])(${BEFORE.map(([re]) => re).join('|')})[^\\S\\n]?${RANGE}(${NUMBER})${SCALE}(?![\\d])`,
  'gu',
);
const afterRe = new RegExp(
  `${NB}(?<![.,\\d])${RANGE}(${NUMBER})${SCALE}[^\\S\\n]*(?:(${Object.keys(NATIONAL).join('|')})[^\\S\\n]+)?(${AFTER.map(([re]) => `(?:${re})`).join('|')})${NA}`,
  'giu',
);
// A code in brackets after the sum confirms its currency: "250,000 Russian roubles (RUB)".
const CODE_AFTER = /^[^\S\n]*\((USD|KZT|EUR|GBP|RUB|CHF|KGS|UZS|TJS|BYN|CAD|AUD)\)/u;

function currencyOf(written: string, table: Array<[string, Currency]>): Currency | undefined {
  for (const [re, currency] of table) {
    if (new RegExp(`^(?:${re})$`, 'iu').test(written)) {
      return currency.code ? currency : { code: SIGN_CODES[written] ?? written.toUpperCase() };
    }
  }
  return undefined;
}

/**
 * Reads a written number: "1,595,800" → 1595800; "1 595 800,50" → 1595800.50; "2,5" (a Russian
 * decimal comma) → 2.5. A separator before exactly three digits groups thousands — except a lone
 * point before a scale word ("1.500 million" is one and a half million).
 */
function parseNumber(written: string, hasScale: boolean): { whole: string; fraction: string } {
  const compact = written.replace(/[ \u00a0\u202f]/g, '');
  const last = /([.,])(\d+)$/.exec(compact);
  let whole = compact;
  let fraction = '';
  if (last?.[1] && last[2]) {
    const separators = compact.match(/[.,]/g) ?? [];
    const grouping =
      last[2].length === 3 &&
      (separators.length > 1 ? separators.every((c) => c === last[1]) : last[1] === ',' || !hasScale);
    if (!grouping) {
      whole = compact.slice(0, last.index);
      fraction = last[2];
    }
  }
  return { whole: whole.replace(/[.,]/g, '').replace(/^0+(?=\d)/, ''), fraction };
}

/** Multiplies by 10^zeros on the digits, so "1.1 million" is 1100000, not 1100000.0000000002. */
function scaled(whole: string, fraction: string, zeros: number): string {
  // Unscaled sums keep their cents as written: "150 000,50" → 150000.50.
  if (zeros === 0) return fraction ? `${whole}.${fraction}` : whole;
  const point = whole.length + zeros;
  const digits = `${whole}${fraction}`.padEnd(point, '0');
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${integer}.${rest}` : integer;
}

function scaleOf(word: string | undefined): number {
  if (!word) return 0;
  const lower = word.toLowerCase();
  for (const [re, zeros] of SCALES) if (re.test(lower)) return zeros;
  return 0;
}

interface Found {
  start: number;
  end: number;
  currency: Currency;
  number: string;
  scale?: string;
  /** The first sum of a range. */
  from?: string;
  fromScale?: string;
}

const cap = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Stretches a sum over a currency code in brackets after it, which then names the currency. */
function withCodeAfter(text: string, found: Found): Found {
  const code = CODE_AFTER.exec(text.slice(found.end, found.end + 12));
  if (!code?.[1]) return found;
  return { ...found, end: found.end + code[0].length, currency: { code: code[1] } };
}

function sumOf(number: string, scale: string | undefined): string {
  const { whole, fraction } = parseNumber(number, scaleOf(scale) > 0);
  return scaled(whole, fraction, scaleOf(scale));
}

/** Finds sums of money with their currency. */
export function findAmounts(text: string): Suggestion[] {
  const found: Found[] = [];
  // Sums with the currency first are found first; one written after them may not overlap one. Both
  // come out in text order, so the last taken is the only one a new sum could overlap.
  for (const m of text.matchAll(beforeRe)) {
    const currency = currencyOf(m[1] ?? '', BEFORE);
    if (!currency) continue;
    const start = m.index ?? 0;
    found.push(
      withCodeAfter(text, {
        start,
        end: start + m[0].length,
        currency,
        from: m[2],
        fromScale: m[3],
        number: m[4] ?? '',
        scale: m[5],
      }),
    );
  }
  const before = [...found];
  let next = 0;
  for (const m of text.matchAll(afterRe)) {
    const written = (m[6] ?? '').replace(/\s+/g, ' ');
    let currency = currencyOf(written, AFTER);
    if (!currency) continue;
    // "Canadian dollars" are not US dollars; "Russian roubles" say what "roubles" said already.
    const national = m[5] ? NATIONAL[cap(m[5].toLowerCase())] : undefined;
    if (national && (currency.assumed || currency.code === national)) currency = { code: national };
    else if (national) continue;
    const start = m.index ?? 0;
    const span = { start, end: start + m[0].length };
    while (next < before.length && (before[next] as Found).end <= span.start) next++;
    const other = before[next];
    if (other && other.start < span.end) continue;
    found.push(
      withCodeAfter(text, { ...span, currency, from: m[1], fromScale: m[2], number: m[3] ?? '', scale: m[4] }),
    );
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((amount) => {
      const upper = sumOf(amount.number, amount.scale);
      // "5–10 million": the first number borrows the scale written once after the second.
      const lower = amount.from === undefined ? undefined : sumOf(amount.from, amount.fromScale ?? amount.scale);
      const value = lower === undefined ? upper : `${lower}–${upper}`;
      const detail: Record<string, string> = { currency: amount.currency.code, amount: value };
      if (lower !== undefined) Object.assign(detail, { minimum: lower, maximum: upper });
      if (amount.currency.assumed) detail.currencyAssumed = 'true';
      if (amount.currency.code === 'MCI') detail.unit = 'monthly calculation index (Kazakhstan)';
      const confidence = amount.currency.assumed ? 0.75 : amount.currency.code === 'MCI' ? 0.8 : 0.9;
      return suggestion(
        text,
        'amount',
        amount.start,
        amount.end,
        `${amount.currency.code} ${value}`,
        confidence,
        detail,
      );
    });
}
