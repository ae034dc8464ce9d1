// Metadata the text itself tells: document symbol, date, language; and which titles are junk.
// Everything here is a suggestion the person confirms on import, so when unsure we say nothing.
import { francAll } from 'franc-min';
import { cleanInline } from './build.ts';

// UN document symbols are series of segments joined by "/": A/HRC/43/10, A/HRC/WG.6/34/KAZ/1,
// E/C.12/KAZ/CO/2, CCPR/C/KAZ/CO/2; the ILO's Committee on the Application of Standards uses
// CAN/D/Kazakhstan-C.87, the Governing Body GB.343/INS/4, the Conference ILC.110/Record No.…
const SYMBOL =
  /(?<![\p{L}\d/])(?:A|S|E|ST|CCPR|CERD|CEDAW|CAT|CRC|CRPD|CMW|CED|CESCR|HRI|CAN|GB\.\d{3}|ILC\.\d{2,3})\/[\p{L}\d.()-]+(?:\/[\p{L}\d.()-]+)*/gu;

/** A document symbol found in the text: two slashes at least, or one and a digit ("S/2021/123"). */
export function findSymbol(...texts: string[]): string | undefined {
  for (const text of texts) {
    for (const match of text.matchAll(SYMBOL)) {
      const symbol = match[0].replace(/[.)(-]+$/u, '');
      const slashes = symbol.split('/').length - 1;
      if (slashes >= 2 || /\d/.test(symbol.slice(symbol.indexOf('/')))) return symbol;
    }
  }
  return undefined;
}

const MONTHS: Record<string, number> = {
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
  janvier: 1,
  février: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  décembre: 12,
  января: 1,
  февраля: 2,
  марта: 3,
  апреля: 4,
  мая: 5,
  июня: 6,
  июля: 7,
  августа: 8,
  сентября: 9,
  октября: 10,
  ноября: 11,
  декабря: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day?: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > 31) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const MONTH_NAMES = Object.keys(MONTHS).join('|');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:er)?\\s+(${MONTH_NAMES})\\s+(\\d{4})`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_NAMES})\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'iu');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;

/** The first full date written in a piece of text ("9 June 2021", "June 9, 2021", "14 марта 2023"). */
export function findDate(text: string): string | undefined {
  const candidates: Array<{ index: number; date: string | undefined }> = [];
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy)
    candidates.push({
      index: dmy.index,
      date: isoDate(Number(dmy[3]), MONTHS[dmy[2]?.toLowerCase() ?? ''] ?? 0, Number(dmy[1])),
    });
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy)
    candidates.push({
      index: mdy.index,
      date: isoDate(Number(mdy[3]), MONTHS[mdy[1]?.toLowerCase() ?? ''] ?? 0, Number(mdy[2])),
    });
  const iso = ISO.exec(text);
  if (iso) candidates.push({ index: iso.index, date: isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) });
  const dotted = DOTTED.exec(text);
  if (dotted)
    candidates.push({ index: dotted.index, date: isoDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1])) });
  return candidates.filter((c) => c.date).sort((a, b) => a.index - b.index)[0]?.date;
}

/**
 * The document's own date, from its opening: a full date on a short line among its first blocks
 * (a dateline, "Дата интервью: 14 марта 2023 года"), else a year in brackets closing the title
 * ("… supplied by the Government (2022)"). Dates inside paragraphs are events the document reports.
 */
export function findDocumentDate(title: string | undefined, openingBlocks: string[]): string | undefined {
  for (const block of openingBlocks.slice(0, 4)) {
    const date = block.length <= 160 ? findDate(block) : undefined;
    if (date) return date;
  }
  const year = /\((\d{4})\)\s*$/.exec(title ?? '')?.[1];
  return year && Number(year) >= 1900 && Number(year) <= 2100 ? year : undefined;
}

/** Normalises a date a file's metadata gives (ISO, PDF "D:20220609…", RFC 2822) to ISO, or undefined. */
export function normaliseDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (pdf) {
    const [, y, m, d] = pdf;
    if (!m) return y;
    return isoDate(Number(y), Number(m), d ? Number(d) : undefined);
  }
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (iso) {
    const [, y, m, d] = iso;
    if (!m) return y;
    return isoDate(Number(y), Number(m), d ? Number(d) : undefined);
  }
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return undefined;
  const date = new Date(parsed);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

// Titles that word processors and converters write on their own.
const JUNK_TITLE =
  /^(?:microsoft (?:word|powerpoint|excel)\s*-|untitled|document\d*$|title$|слайд|powerpoint presentation|no title|\s*$)|\.(?:docx?|pdf|rtf|odt|html?|txt)$/iu;

export function usableTitle(value: string | undefined | null): string | undefined {
  const title = cleanInline(value ?? '');
  if (title.length < 3 || title.length > 300 || JUNK_TITLE.test(title)) return undefined;
  return title;
}

export function usableAuthor(value: string | undefined | null): string | undefined {
  const author = cleanInline(value ?? '');
  if (author.length < 2 || author.length > 200) return undefined;
  // Account names a machine fills in, not an author a person would cite.
  if (/^(?:admin(?:istrator)?|user|owner|author|unknown|windows user|пользователь)$/iu.test(author)) return undefined;
  return author;
}

// franc answers in ISO 639-3; the app stores ISO 639-1. Only franc-min's languages are listed.
const ISO_639_1: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  fra: 'fr',
  deu: 'de',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  ces: 'cs',
  hun: 'hu',
  ron: 'ro',
  swe: 'sv',
  tur: 'tr',
  ind: 'id',
  zlm: 'ms',
  vie: 'vi',
  jav: 'jv',
  sun: 'su',
  tgl: 'tl',
  swh: 'sw',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  zul: 'zu',
  som: 'so',
  kin: 'rw',
  run: 'rn',
  nya: 'ny',
  lin: 'ln',
  plt: 'mg',
  bos: 'bs',
  hrv: 'hr',
  srp: 'sr',
  azj: 'az',
  uzn: 'uz',
  kaz: 'kk',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  pbu: 'ps',
  ckb: 'ku',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  ben: 'bn',
  pan: 'pa',
  guj: 'gu',
  tel: 'te',
  tam: 'ta',
  kan: 'kn',
  mal: 'ml',
  sin: 'si',
  mya: 'my',
  tha: 'th',
  amh: 'am',
  ell: 'el',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  fuv: 'ff',
  qug: 'qu',
  zyb: 'za',
};

/** Letters needed before a guess is worth making: franc is unreliable on a sentence or two. */
const MIN_LETTERS = 120;

/** ISO 639-1 code of the text's language, or undefined when the text is short or the guess is close. */
export function detectLanguage(text: string): string | undefined {
  // 800 characters of prose decide as well as franc's maximum of 2,048, at a third of the cost.
  const sample = text.slice(0, 800);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return undefined;
  const ranked = francAll(sample, { minLength: MIN_LETTERS });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return undefined;
  // Scores are relative to the best (1.0); a runner-up this close means franc cannot tell them apart.
  if (second && second[1] > 0.98) return undefined;
  return ISO_639_1[best[0]];
}

// Country names in English from the ICU data Node ships, so no list has to be kept up to date.
// Two-letter codes that are not countries (European Union, United Nations, pseudo-locales) are left out.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
let countryPattern: RegExp | undefined;
function countries(): RegExp {
  if (countryPattern) return countryPattern;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const found = new Set<string>();
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = names.of(code);
      if (name && name !== code && !/[-&(]/.test(name)) found.add(name);
    }
  }
  // Longest first, so "South Sudan" is not read as "Sudan".
  const alternatives = [...found].sort((x, y) => y.length - x.length).map((n) => n.replace(/[.]/g, '\\.'));
  countryPattern = new RegExp(`\\b(?:the\\s+)?(${alternatives.join('|')})\\b`, 'u');
  return countryPattern;
}

/** Words that stay lower case inside a name written in capitals ("MINISTRY OF LABOUR AND …"). */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'и', 'по', 'при', 'в', 'на']);

/** A name printed in capitals (letterheads often are) in ordinary case; other names unchanged. */
function tidyName(name: string): string {
  const clean = cleanInline(name).replace(/[\s,;:.–—-]+$/u, '');
  if (clean !== clean.toUpperCase()) return clean;
  const cyrillic = /\p{Script=Cyrillic}/u.test(clean);
  let capitaliseNext = true;
  return clean
    .toLowerCase()
    .split(' ')
    .map((word, i) => {
      // Russian names capitalise the first word and proper names after "Республики"/"Федерации".
      const upper = cyrillic ? capitaliseNext : i === 0 || !SMALL_WORDS.has(word);
      capitaliseNext = cyrillic && /^(республик|федерац|российск)/u.test(word);
      return upper ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(' ')
    .replace(/(?<!\p{L})(республик\p{L}*|федерац\p{L}*)/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1));
}

// A letterhead: the issuing body alone on one of the first short lines.
const LETTERHEAD =
  /^(?:the\s+)?(?:Ministry|Ministère|Permanent Mission|Embassy|Office of the|(?:General\s+)?Prosecutor(?:'s|’s)?\s+Office|Prosecutor General(?:'s|’s)? Office|State Agency|Agency for|Department of|Государственная инспекция|Министерство|Посольство|Постоянное представительство|Генеральная прокуратура|Правительство|Комитет по)(?!\p{L})[^\n]{3,160}$/iu;
// The government speaking in its own name (ILO and treaty-body records, national reports).
const GOVERNMENT_SPEAKS =
  /information (?:supplied|provided|submitted) by the government|the government (?:has )?provided the following|repl(?:y|ies) of the government|(?:comments|observations|response) of the government|national report of|информация,? представленная правительством/i;
const GOVERNMENT_NAMED = /\bGovernment of ((?:the\s+)?(?:[A-Z][\p{L}'’-]+)(?:\s+(?:of\s+)?[A-Z][\p{L}'’-]+){0,4})/u;
// Where an organisation introduces itself: "(1) Submitting Organisation", "About us".
const INTRODUCES =
  /submitting organi[sz]ation|about (?:the )?(?:submitting )?organi[sz]ation|about us|who we are|о нас\b|об организации/iu;
const NAME_WORD = String.raw`[A-Z][\p{L}'’-]+`;
const LINK_WORD = String.raw`(?:of|for|and|on|in|the|de|des|du|la)`;
/** "The International Centre for Trade Union Rights (ICTUR)": a name and the acronym it defines. */
const NAME_WITH_ACRONYM = new RegExp(
  String.raw`^(?:The\s+)?(${NAME_WORD}(?:\s+(?:${LINK_WORD}\s+)*${NAME_WORD}){1,10})\s+\(([A-Z]{2,10})\)`,
  'u',
);
/** "The ITUC deplores …", "ITUC also denounces …": an organisation speaking for itself. */
const STATEMENT =
  /\b([A-Z]{2,10})\s+(?:also\s+|strongly\s+|further\s+)?(?:condemns|deplores|denounces|calls on|calls upon|calls for|urges|demands)\b/gu;

/**
 * The organisation whose document this is, from its text alone, so every format of one document
 * gets the same author: a letterhead, the government speaking in its own name, an organisation
 * introducing itself, or one speaking in its own name three times. Undefined when unsure.
 */
export function findAuthorOrganisation(title: string | undefined, blocks: string[], text: string): string | undefined {
  for (const block of blocks.slice(0, 6)) {
    for (const line of block.split('\n').slice(0, 2)) {
      if (line.length <= 200 && LETTERHEAD.test(line.trim())) return tidyName(line.trim());
    }
  }
  const head = `${title ?? ''}\n${text.slice(0, 3000)}`;
  if (GOVERNMENT_SPEAKS.test(head)) {
    const named = GOVERNMENT_NAMED.exec(text.slice(0, 20_000));
    if (named) return `Government of ${named[1]}`;
    const country = countries().exec(head);
    if (country) return `Government of ${country[0].trim()}`;
  }
  const intro = blocks.slice(0, 12).findIndex((b) => b.length <= 120 && INTRODUCES.test(b));
  if (intro >= 0) {
    const named = NAME_WITH_ACRONYM.exec(blocks[intro + 1] ?? '');
    if (named?.[1]) return named[1];
  }
  const speakers = new Map<string, number>();
  for (const match of text.slice(0, 20_000).matchAll(STATEMENT)) {
    const acronym = match[1] as string;
    speakers.set(acronym, (speakers.get(acronym) ?? 0) + 1);
  }
  const [speaker, times] = [...speakers].sort((a, b) => b[1] - a[1])[0] ?? [];
  return speaker && (times ?? 0) >= 3 ? speaker : undefined;
}
