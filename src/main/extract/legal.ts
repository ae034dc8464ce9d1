// Legal-reference suggestions: the instruments a submission cites (ILO Conventions, UN treaties,
// national codes, laws and decrees) and the provisions cited in them ("article 402(1) of the
// Criminal Code", "sections 10(2), 11(3) and 13 of the Trade Union Law", "статьи 2 Конвенции МОТ
// № 87"). A provision with its instrument is one reference, so "Convention No. 87" is never split
// and "articles 145 and 154 of the Criminal Code" is one mention with two articles. Values are
// canonical so the same instrument groups together across languages: "C.87", "Convention No. 87"
// and "Конвенции МОТ № 87" are all "ILO Convention No. 87".
import { Covered, escapeRegExp, LEADING_WORDS, longestFirst, NA, NB, suggestion, withoutOverlaps } from './spans.ts';
import type { Suggestion } from './types.ts';

interface Instrument {
  start: number;
  end: number;
  /** Canonical name: "Criminal Code", "ILO Convention No. 87", "ICCPR", "Закон о профессиональных союзах". */
  name: string;
  detail: Record<string, string>;
  confidence: number;
  /** Abbreviations like "УК" only count next to a provision. */
  needsProvision?: boolean;
  /** An acronym or defined short form: it may follow a provision with no "of" ("article 213 CC"). */
  short?: boolean;
}

const WORD = "\\p{Lu}[\\p{L}’'\\-]*";
const CONNECTOR = '(?:of|and|the|to|for|on|in|against|with|at|from)';
/** A title in Title Case: "Freedom of Association and Protection of the Right to Organise". */
const SP = '[^\\S\\n]+';
const TITLE = `${WORD}(?:${SP}(?:${CONNECTOR}${SP})*${WORD})*`;
/** The same, bounded, where a title comes before its keyword: an unbounded run would be re-read from every capital. */
const TITLE_BEFORE = `${WORD}(?:${SP}(?:${CONNECTOR}${SP}){0,3}${WORD}){0,15}`;
/** One to four capitalised words: "Criminal", "Administrative Offences", "Trade Union". */
const CAPS = `${WORD}(?:${SP}${WORD}){0,3}`;
// "of the Republic of Kazakhstan", "of the Russian Federation", "of the Kyrgyz Republic".
const REPUBLIC =
  '(?:\\s+of\\s+the\\s+(?:Republic\\s+of\\s+\\p{Lu}\\p{L}+|Russian\\s+Federation|\\p{Lu}\\p{L}+\\s+Republic))';

/** Drops sentence openers and connectors from the front of a title: "The Labour" → "Labour". */
function trimLeading(title: string): { skipped: number; title: string } {
  const words = title.split(/(\s+)/);
  let skipped = 0;
  while (words.length > 0) {
    const word = words[0] ?? '';
    const isConnector = new RegExp(`^${CONNECTOR}$`).test(word);
    if (!LEADING_WORDS.has(word) && !isConnector) break;
    skipped += word.length + (words[1] ?? '').length;
    words.splice(0, 2);
  }
  return { skipped, title: words.join('') };
}

const SMALL_WORDS = new Set(['of', 'on', 'to', 'and', 'the', 'for', 'in', 'at', 'by', 'with', 'a', 'an', 'or']);

/** "MEASURES TO ENSURE PUBLIC ORDER" → "Measures to Ensure Public Order". */
function titleCase(capitals: string): string {
  return capitals
    .toLowerCase()
    .split(/(\s+)/)
    .map((word, i) => (i === 0 || !SMALL_WORDS.has(word) ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join('');
}

interface InstrumentRule {
  re: RegExp;
  make: (m: RegExpMatchArray) => Omit<Instrument, 'start' | 'end'> | undefined;
  /** Where the span starts inside the match, when a leading part is only context. */
  lead?: (m: RegExpMatchArray) => number;
}

const ilo = (numbers: string[], extra: Record<string, string> = {}): Omit<Instrument, 'start' | 'end'> => {
  const codes = numbers.map((n) => `C${n.padStart(3, '0')}`).join(', ');
  const name = numbers.length > 1 ? `ILO Conventions Nos. ${numbers.join(', ')}` : `ILO Convention No. ${numbers[0]}`;
  return { name, detail: { code: codes, ...extra }, confidence: 0.95 };
};

const yearDetail = (year: string | undefined): Record<string, string> => (year ? { year } : {});

const numbersIn = (list: string): string[] => [...list.matchAll(/\d{1,3}/g)].map((m) => String(Number(m[0])));

// UN and regional treaties a UPR submission cites, by name and by acronym.
const TREATIES: Array<{ re: string; short: string; full: string }> = [
  {
    re: 'International\\s+Covenant\\s+on\\s+Civil\\s+and\\s+Political\\s+Rights',
    short: 'ICCPR',
    full: 'International Covenant on Civil and Political Rights',
  },
  {
    re: 'International\\s+Covenant\\s+on\\s+Economic,\\s+Social\\s+and\\s+Cultural\\s+Rights',
    short: 'ICESCR',
    full: 'International Covenant on Economic, Social and Cultural Rights',
  },
  {
    re: 'Universal\\s+Declaration\\s+of\\s+Human\\s+Rights',
    short: 'UDHR',
    full: 'Universal Declaration of Human Rights',
  },
  {
    re: 'Convention\\s+against\\s+Torture(?:\\s+and\\s+Other\\s+Cruel,\\s+Inhuman\\s+or\\s+Degrading\\s+Treatment\\s+or\\s+Punishment)?',
    short: 'CAT',
    full: 'Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment',
  },
  {
    re: 'Convention\\s+on\\s+the\\s+Elimination\\s+of\\s+All\\s+Forms\\s+of\\s+Discrimination\\s+against\\s+Women',
    short: 'CEDAW',
    full: 'Convention on the Elimination of All Forms of Discrimination against Women',
  },
  {
    re: 'International\\s+Convention\\s+on\\s+the\\s+Elimination\\s+of\\s+All\\s+Forms\\s+of\\s+Racial\\s+Discrimination',
    short: 'ICERD',
    full: 'International Convention on the Elimination of All Forms of Racial Discrimination',
  },
  {
    re: 'Convention\\s+on\\s+the\\s+Rights\\s+of\\s+the\\s+Child',
    short: 'CRC',
    full: 'Convention on the Rights of the Child',
  },
  {
    re: 'Convention\\s+on\\s+the\\s+Rights\\s+of\\s+Persons\\s+with\\s+Disabilities',
    short: 'CRPD',
    full: 'Convention on the Rights of Persons with Disabilities',
  },
  {
    re: 'European\\s+Convention\\s+on\\s+Human\\s+Rights',
    short: 'ECHR',
    full: 'European Convention on Human Rights',
  },
  {
    re: 'ILO\\s+Declaration\\s+on\\s+Fundamental\\s+Principles\\s+and\\s+Rights\\s+at\\s+Work',
    short: 'ILO Declaration on Fundamental Principles and Rights at Work',
    full: 'ILO Declaration on Fundamental Principles and Rights at Work',
  },
  // Russian names, in any case: "Международного пакта о гражданских и политических правах".
  {
    re: 'Международн[а-я]{1,3}\\s+пакт[а-я]{0,2}\\s+о\\s+гражданских\\s+и\\s+политических\\s+правах',
    short: 'ICCPR',
    full: 'International Covenant on Civil and Political Rights',
  },
  {
    re: 'Международн[а-я]{1,3}\\s+пакт[а-я]{0,2}\\s+об\\s+экономических,\\s+социальных\\s+и\\s+культурных\\s+правах',
    short: 'ICESCR',
    full: 'International Covenant on Economic, Social and Cultural Rights',
  },
  {
    re: 'Всеобщ[а-я]{1,3}\\s+деклараци[а-я]{1,2}\\s+прав\\s+человека',
    short: 'UDHR',
    full: 'Universal Declaration of Human Rights',
  },
];

// Acronyms safe to read as treaties wherever they stand (CAT, CRC are words or committees too).
const TREATY_ACRONYMS: Record<string, string> = {
  ICCPR: 'International Covenant on Civil and Political Rights',
  ICESCR: 'International Covenant on Economic, Social and Cultural Rights',
  UDHR: 'Universal Declaration of Human Rights',
  ICERD: 'International Convention on the Elimination of All Forms of Racial Discrimination',
  CEDAW: 'Convention on the Elimination of All Forms of Discrimination against Women',
  CRPD: 'Convention on the Rights of Persons with Disabilities',
  ECHR: 'European Convention on Human Rights',
  МПГПП: 'International Covenant on Civil and Political Rights',
  МПЭСКП: 'International Covenant on Economic, Social and Cultural Rights',
};
const RUSSIAN_ACRONYM_CANONICAL: Record<string, string> = { МПГПП: 'ICCPR', МПЭСКП: 'ICESCR' };

// Russian codes: adjective stem → the code's name in the nominative.
const RU_CODES: Array<[string, string]> = [
  ['уголовно-процессуальн', 'Уголовно-процессуальный кодекс'],
  ['уголовно-исполнительн', 'Уголовно-исполнительный кодекс'],
  ['гражданско-процессуальн', 'Гражданский процессуальный кодекс'],
  ['гражданск[а-яё]*\\s+процессуальн', 'Гражданский процессуальный кодекс'],
  ['административн[а-яё]*\\s+процедурно-процессуальн', 'Административный процедурно-процессуальный кодекс'],
  ['уголовн', 'Уголовный кодекс'],
  ['трудов', 'Трудовой кодекс'],
  ['гражданск', 'Гражданский кодекс'],
  ['налогов', 'Налоговый кодекс'],
  ['земельн', 'Земельный кодекс'],
  ['бюджетн', 'Бюджетный кодекс'],
  ['предпринимательск', 'Предпринимательский кодекс'],
  ['экологическ', 'Экологический кодекс'],
  ['социальн', 'Социальный кодекс'],
];
const RU_CODE_ABBREVIATIONS: Record<string, string> = {
  УК: 'Уголовный кодекс',
  ТК: 'Трудовой кодекс',
  ГК: 'Гражданский кодекс',
  УПК: 'Уголовно-процессуальный кодекс',
  КоАП: 'Кодекс об административных правонарушениях',
};
// English acronyms of the codes of Russia and Central Asia, as translations write them.
const EN_CODE_ABBREVIATIONS: Record<string, string> = {
  AOC: 'Code of Administrative Offences',
  CAO: 'Code of Administrative Offences',
  CoAO: 'Code of Administrative Offences',
  CC: 'Criminal Code',
  CPC: 'Criminal Procedure Code',
  LC: 'Labour Code',
};
/** "Moscow" in "Moscow AOC" — a place before a code's acronym; not "The", "Article" or "CC". */
function placeOf(word: string | undefined): string | undefined {
  if (!word || LEADING_WORDS.has(word) || new RegExp(`^${HEAD_WORDS}$`, 'u').test(word)) return undefined;
  return word;
}
const HEAD_WORDS = '(?:Articles?|Arts?|Sections?|Paragraphs?|Parts?|Points?|Chapters?|Clauses?|Under|See)';
const KZ = '(?:\\s+Республики\\s+Казахстан)';

const INSTRUMENT_RULES: InstrumentRule[] = [
  {
    // Freedom of Association and Protection of the Right to Organise Convention, 1948 (No. 87)
    re: new RegExp(
      `${NB}(${TITLE_BEFORE})\\s+Convention(?:,?\\s+(\\d{4}))?(?:\\s*\\(\\s*No\\.?\\s*(\\d{1,3})\\s*\\))?(?=(?:[^\\p{L}\\p{N}]|$))`,
      'gu',
    ),
    lead: (m) => trimLeading(m[1] ?? '').skipped,
    make: (m) => {
      const { title } = trimLeading(m[1] ?? '');
      if (!title || (!m[2] && !m[3])) return undefined;
      const full = `${title} Convention${m[2] ? `, ${m[2]}` : ''}`;
      if (m[3]) return ilo([String(Number(m[3]))], { title: full });
      return { name: full, detail: {}, confidence: 0.85 };
    },
  },
  {
    // Convention No. 87 · ILO Convention No. 87 on Freedom of Association … (1948) · Conventions Nos. 87
    // and 98 · ILO Conventions 87 and 98 (a bare number only after "ILO": "Convention 2" is too loose)
    re: new RegExp(
      `${NB}(?:the\\s+)?(ILO\\s+)?Conventions?\\s*(?:\\(\\s*)?((?:Nos?\\.?|Numbers?|#)\\s*)?(\\d{1,3}(?!\\d)(?:\\s*(?:,|and|&|or)\\s*(?:No\\.\\s*)?\\d{1,3}(?!\\d))*)\\)?(?:\\s+(?:on|concerning)\\s+(?:the\\s+)?(${TITLE})(?:\\s*\\((\\d{4})\\))?)?`,
      'gu',
    ),
    lead: (m) => /^the\s+/i.exec(m[0])?.[0].length ?? 0,
    make: (m) => {
      if (!m[1] && !m[2]) return undefined;
      const extra: Record<string, string> = {};
      if (m[4]) extra.title = `${m[4]}${m[5] ? ` (${m[5]})` : ''}`;
      return ilo(numbersIn(m[3] ?? ''), extra);
    },
  },
  {
    // C.87 · C087 · C 87 (the ILO's own short form)
    re: new RegExp(`${NB}C(?:\\.\\s?(\\d{1,3})|(\\d{3}))${NA}`, 'gu'),
    make: (m) => ({ ...ilo([String(Number(m[1] ?? m[2]))]), confidence: 0.8 }),
  },
  {
    // Конвенции МОТ № 87 · Конвенция № 98
    re: new RegExp(`${NB}Конвенци[а-яё]{1,2}\\s+(?:МОТ\\s+)?(?:№|No\\.?)\\s*(\\d{1,3})(?:\\s+МОТ)?${NA}`, 'giu'),
    make: (m) => ilo([String(Number(m[1]))]),
  },
  ...TREATIES.map(
    (treaty): InstrumentRule => ({
      re: new RegExp(`${NB}(?:the\\s+)?${treaty.re}${NA}`, 'gu'),
      lead: (m) => /^the\s+/i.exec(m[0])?.[0].length ?? 0,
      make: () => ({ name: treaty.short, detail: { expansion: treaty.full }, confidence: 0.95 }),
    }),
  ),
  {
    re: new RegExp(`${NB}(${Object.keys(TREATY_ACRONYMS).join('|')})${NA}`, 'gu'),
    make: (m) => {
      const acronym = m[1] ?? '';
      const strong = ['ICCPR', 'ICESCR', 'UDHR', 'ICERD', 'МПГПП', 'МПЭСКП'].includes(acronym);
      return {
        name: RUSSIAN_ACRONYM_CANONICAL[acronym] ?? acronym,
        detail: { expansion: TREATY_ACRONYMS[acronym] ?? '' },
        confidence: strong ? 0.9 : 0.7,
      };
    },
  },
  {
    // Criminal Code · Labour Code of the Republic of Kazakhstan · Code of Administrative Offences ·
    // Kyrgyz Republic Code for Administrative Offences
    re: new RegExp(`${NB}(${CAPS})\\s+Code(?:(${REPUBLIC})|\\s+for\\s+(${TITLE}))?${NA}`, 'gu'),
    lead: (m) => trimLeading(m[1] ?? '').skipped,
    make: (m) => {
      if (m[3]) {
        const { title } = trimLeading(m[1] ?? '');
        return title ? { name: `${title} Code for ${m[3]}`, detail: {}, confidence: 0.85 } : undefined;
      }
      const { title } = trimLeading(m[1] ?? '');
      if (!title) return undefined;
      const detail: Record<string, string> = {};
      if (m[2]) detail.jurisdiction = m[2].replace(/^\s+of\s+the\s+/, '');
      return { name: `${title} Code`, detail, confidence: 0.9 };
    },
  },
  {
    // Law 54-FZ · Federal Law No. 100-FZ · 100-FZ (Russia numbers federal laws with "FZ")
    re: new RegExp(
      `${NB}(?:(?:[Ff]ederal\\s+)?(?:[Cc]onstitutional\\s+)?[Ll]aws?\\s+(?:Nos?\\.?\\s*)?)?(\\d{1,4}-(?:FZ|FKZ|ФЗ|ФКЗ))${NA}`,
      'gu',
    ),
    make: (m) => ({ name: `Law No. ${m[1]}`, detail: {}, confidence: 0.85 }),
  },
  {
    // a federal law “On meetings, rallies …” · constitutional law "On Elections": a quoted title names the law
    re: new RegExp(
      `${NB}(?:(?:[Ff]ederal|[Cc]onstitutional|[Oo]rganic)\\s+)?law\\s+["“«]On\\s+([^"”»\\n]{3,120})["”»]`,
      'gu',
    ),
    make: (m) => ({ name: `Law on ${m[1]}`, detail: {}, confidence: 0.85 }),
  },
  {
    // DECREE ON MEASURES TO ENSURE … · LAW ON … : titles cited in capitals
    re: new RegExp(
      `${NB}(DECREE|LAW|CODE|RESOLUTION|ORDER)\\s+(ON|OF)\\s+([\\p{Lu}\\p{N}][\\p{Lu}\\p{N}’'-]*(?:[^\\S\\n]+[\\p{Lu}\\p{N}][\\p{Lu}\\p{N}’'-]*){0,20})${NA}`,
      'gu',
    ),
    make: (m) => ({
      name: `${titleCase(m[1] ?? '')} ${(m[2] ?? '').toLowerCase()} ${titleCase(m[3] ?? '')}`,
      detail: {},
      confidence: 0.8,
    }),
  },
  {
    // Code of Administrative Offences · Code on Administrative Offences (a rule of its own: "The Code
    // of …" must not be taken by the rule above as "The Code" and skipped)
    re: new RegExp(`${NB}Code\\s+(?:of|on|for)\\s+(${TITLE})${NA}`, 'gu'),
    make: (m) => ({ name: `Code of ${m[1]}`, detail: {}, confidence: 0.85 }),
  },
  {
    // Laws No. 211-V and 212-V (Kazakhstan numbers its laws by convocation)
    re: new RegExp(`${NB}Laws?\\s+Nos?\\.?\\s*(\\d+-[IVXZ]+(?:\\s*(?:,|and)\\s*\\d+-[IVXZ]+)*)${NA}`, 'gu'),
    make: (m) => ({ name: `Law No. ${(m[1] ?? '').replace(/\s*(?:,|and)\s*/g, ', ')}`, detail: {}, confidence: 0.9 }),
  },
  {
    // Law on Trade Unions · 2014 Law on Trade Unions · Law of the Republic of Kazakhstan "On Trade Unions"
    re: new RegExp(
      `${NB}(?:(\\d{4})\\s+)?Law${REPUBLIC}?\\s+(?:(?:on|On)\\s+(?:the\\s+)?(${TITLE})|["“«]On\\s+([^"”»]{3,120})["”»])`,
      'gu',
    ),
    make: (m) => {
      const detail: Record<string, string> = {};
      if (m[1]) detail.year = m[1];
      return { name: `Law on ${m[2] ?? m[3]}`, detail, confidence: 0.9 };
    },
  },
  {
    // Trade Union Law · Trade Union Law 2014 · Trade Union Law, 2014
    re: new RegExp(`${NB}(${CAPS})\\s+Law(?:,?\\s+(\\d{4}))?${NA}`, 'gu'),
    lead: (m) => trimLeading(m[1] ?? '').skipped,
    make: (m) => {
      const { title } = trimLeading(m[1] ?? '');
      if (!title) return undefined;
      return { name: `${title} Law`, detail: yearDetail(m[2]), confidence: 0.85 };
    },
  },
  {
    // Decree on Further Human Rights Measures of the Republic of Kazakhstan · Decree No. 674 · Decree 206
    re: new RegExp(
      `${NB}(?:Presidential\\s+)?Decree(?:\\s+(?:No\\.?\\s*)?(\\d+)(?![\\d.,]\\d))?(?:\\s+(?:on|On)\\s+(?:the\\s+)?(${TITLE}))?${NA}`,
      'gu',
    ),
    make: (m) => {
      if (!m[1] && !m[2]) return undefined;
      // "the Decree 2020 …" is a year, not a number.
      if (m[1] && !/No/.test(m[0]) && /^(?:19|20)\d\d$/.test(m[1])) return undefined;
      const name = `Decree${m[1] ? ` No. ${m[1]}` : ''}${m[2] ? ` on ${m[2]}` : ''}`;
      return { name, detail: {}, confidence: 0.85 };
    },
  },
  {
    // Public Associations Act, 2005
    re: new RegExp(`${NB}(${CAPS})\\s+Act(?:,?\\s+(\\d{4}))?${NA}`, 'gu'),
    lead: (m) => trimLeading(m[1] ?? '').skipped,
    make: (m) => {
      const { title } = trimLeading(m[1] ?? '');
      if (!title) return undefined;
      return { name: `${title} Act`, detail: yearDetail(m[2]), confidence: 0.8 };
    },
  },
  {
    re: new RegExp(`${NB}Constitution${REPUBLIC}?${NA}`, 'gu'),
    make: () => ({ name: 'Constitution', detail: {}, confidence: 0.85 }),
  },
  {
    // General Assembly resolution 60/251
    re: new RegExp(
      `${NB}(?:(General\\s+Assembly|Human\\s+Rights\\s+Council|Security\\s+Council)\\s+)?[Rr]esolution\\s+(\\d+\\/\\d+)${NA}`,
      'gu',
    ),
    make: (m) => ({
      name: `${m[1] ? `${m[1].replace(/\s+/g, ' ')} ` : ''}resolution ${m[2]}`,
      detail: {},
      confidence: 0.85,
    }),
  },
  {
    // Уголовного кодекса Республики Казахстан · Трудовой кодекс
    re: new RegExp(
      `${NB}((?:${RU_CODES.map(([stem]) => stem).join('|')})[а-яё]*)\\s+кодекс[а-яё]{0,2}${KZ}?${NA}`,
      'giu',
    ),
    make: (m) => {
      const adjective = (m[1] ?? '').toLowerCase();
      const found = RU_CODES.find(([stem]) => new RegExp(`^${stem}`, 'u').test(adjective));
      return found ? { name: found[1], detail: {}, confidence: 0.9 } : undefined;
    },
  },
  {
    re: new RegExp(`${NB}Кодекс[а-яё]{0,2}${KZ}?\\s+об\\s+административных\\s+правонарушениях${NA}`, 'giu'),
    make: () => ({ name: 'Кодекс об административных правонарушениях', detail: {}, confidence: 0.9 }),
  },
  {
    // article 19.3 AOC RF · article 213 CC · article 8.13 of Moscow AOC: the acronyms English
    // translations give Russian and Central Asian codes, alone only with their jurisdiction ("AOC RF").
    re: new RegExp(
      `${NB}(?:(\\p{Lu}\\p{Ll}+)[^\\S\\n]+)?(${Object.keys(EN_CODE_ABBREVIATIONS).join('|')})((?:[^\\S\\n]+of(?:[^\\S\\n]+the)?)?[^\\S\\n]+(?:RF|RK|KR|RT|RUz))?${NA}`,
      'gu',
    ),
    lead: (m) => (placeOf(m[1]) ? 0 : m[0].indexOf(m[2] ?? '', m[1]?.length ?? 0)),
    make: (m) => {
      const place = placeOf(m[1]);
      const acronym = m[2] ?? '';
      const detail: Record<string, string> = { acronym };
      if (m[3]) detail.jurisdiction = m[3].trim().replace(/^of\s+(?:the\s+)?/u, '');
      return {
        name: `${place ? `${place} ` : ''}${EN_CODE_ABBREVIATIONS[acronym] ?? acronym}`,
        detail,
        confidence: 0.8,
        needsProvision: !m[3],
        short: true,
      };
    },
  },
  {
    // УК РК · КоАП — alone only with "РК"; "УК" alone must stand next to an article.
    re: new RegExp(`${NB}(${Object.keys(RU_CODE_ABBREVIATIONS).join('|')})(\\s+РК)?${NA}`, 'gu'),
    make: (m) => ({
      name: RU_CODE_ABBREVIATIONS[m[1] ?? ''] ?? '',
      detail: {},
      confidence: 0.85,
      needsProvision: !m[2],
    }),
  },
  {
    re: new RegExp(`${NB}Конституци[а-яё]{1,2}${KZ}?${NA}`, 'gu'),
    make: () => ({ name: 'Конституция', detail: {}, confidence: 0.85 }),
  },
];

// Russian law titles are lower case after "о/об", so they end where the words stop being a title.
const RU_LAW = new RegExp(
  `${NB}Закон[а-яё]{0,2}${KZ}?(?:\\s+от\\s+\\d{1,2}\\s+\\p{L}+\\s+\\d{4}\\s+года)?(?:\\s+№\\s*[\\d\\p{L}-]+)?\\s+(?:«([^»]{3,150})»|"([^"]{3,150})"|(об?\\s+[а-яё-]+(?:,?\\s+[а-яё-]+){0,5}))`,
  'gu',
);
const RU_STOP_WORDS = new Set(
  'и или в во на с со по для от до за к не а но что как если при из у который которая которые был была было были'.split(
    ' ',
  ),
);

function russianLaws(text: string): Instrument[] {
  const found: Instrument[] = [];
  for (const m of text.matchAll(RU_LAW)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    let title = m[1] ?? m[2];
    if (!title) {
      // Keep "о профессиональных союзах", drop what follows the title ("… и статьи 14").
      const words = (m[3] ?? '').split(/(\s+)/);
      const kept: string[] = [];
      for (let i = 0; i < words.length; i += 2) {
        const word = words[i] ?? '';
        if (i > 0 && (RU_STOP_WORDS.has(word.replace(/,$/, '')) || /,$/.test(words[i - 2] ?? ''))) break;
        kept.push(word);
      }
      title = kept.join(' ').replace(/,$/, '');
      end = text.indexOf(title, start) + title.length;
    }
    const normal = title.charAt(0).toLowerCase() + title.slice(1);
    found.push({ start, end, name: `Закон ${normal}`, detail: {}, confidence: 0.85 });
  }
  return found;
}

function findInstruments(text: string): Instrument[] {
  const found: Instrument[] = [...russianLaws(text)];
  for (const rule of INSTRUMENT_RULES) {
    for (const m of text.matchAll(rule.re)) {
      const made = rule.make(m);
      if (!made?.name) continue;
      const start = (m.index ?? 0) + (rule.lead?.(m) ?? 0);
      const end = (m.index ?? 0) + m[0].trimEnd().length;
      if (end > start) found.push({ ...made, start, end });
    }
  }
  return longestFirst(found);
}

// Provisions. Parenthesised descriptions may follow each number: "articles 145 (violation of human
// rights) and 154 (obstruction of …) of the Criminal Code".
const HEAD_EN =
  '(?:[Aa]rticles?|ARTICLES?|[Aa]rts?\\.?|[Ss]ections?|[Ss]ecs?\\.|[Pp]aragraphs?|[Pp]aras?\\.|[Ss]ub-?paragraphs?|[Ss]ub-?points?|[Pp]oints?|[Pp]arts?|[Cc]lauses?|[Cc]hapters?)';
const HEAD_RU =
  '(?:[Сс]тат(?:ья|ьи|ью|ьей|ьёй|ье|ей|ьям|ьями|ьях)|[Сс]т\\.|[Пп]ункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|[Пп]\\.|[Пп]одпункт[а-я]*|[Пп]п\\.|[Чч]аст(?:ь|и|ью|ей|ям|ями|ях)|[Чч]\\.)';
// "4)" closes a sub-point's number only when "of" follows: "sub-point 4) of point 2".
const NUM = '\\d+(?:-\\d+)?[A-Za-z]?(?:\\.\\d+)*(?:\\s?\\((?:\\d+|[a-z]|[ivx]+)\\))*(?:\\)(?=\\s+of\\s))?';
const DESC = '(?:\\s\\((?!(?:\\d+|[a-z]|[ivx]+)\\))[^()\\n]{3,160}\\))';
const SEP = '(?:\\s*,\\s*(?:and\\s+|or\\s+|и\\s+)?|\\s+(?:and|or|to|и|или|по)\\s+|\\s*[/–—]\\s*)';
const LIST = `${NUM}${DESC}?(?:${SEP}${NUM}${DESC}?)*`;
const PROVISION = new RegExp(
  `${NB}(${HEAD_EN}|${HEAD_RU})\\s*(${LIST})(?=(?:[^\\p{L}\\p{N}]|$))((?:\\s*,?\\s+(?:of\\s+(?:the\\s+)?)?(?:${HEAD_EN}|${HEAD_RU})\\s*${LIST})*)`,
  'gu',
);
const LINK_HEAD = new RegExp(`(${HEAD_EN}|${HEAD_RU})\\s*(${LIST})`, 'gu');

interface Part {
  /** Outer parts of a law first: chapter, article, part, paragraph or point, sub-point, clause. */
  rank: number;
  label: string;
}

function provisionLabel(head: string, plural: boolean): Part {
  const h = head.toLowerCase();
  if (/^ст/.test(h)) return { rank: 1, label: 'ст.' };
  if (/^подп|^пп/.test(h)) return { rank: 4, label: 'пп.' };
  if (/^п/.test(h) && /[\u0400-\u04ff]/.test(h)) return { rank: 3, label: 'п.' };
  if (/^ч/.test(h)) return { rank: 2, label: 'ч.' };
  if (/^art/.test(h)) return { rank: 1, label: plural ? 'arts.' : 'art.' };
  if (/^sec/.test(h)) return { rank: 1, label: plural ? 'ss.' : 's.' };
  if (/^sub-?point/.test(h)) return { rank: 4, label: plural ? 'sub-points' : 'sub-point' };
  if (/^sub/.test(h)) return { rank: 4, label: plural ? 'subparas.' : 'subpara.' };
  if (/^point/.test(h)) return { rank: 3, label: plural ? 'points' : 'point' };
  if (/^para/.test(h)) return { rank: 3, label: plural ? 'paras.' : 'para.' };
  if (/^part/.test(h)) return { rank: 2, label: plural ? 'parts' : 'part' };
  if (/^cl/.test(h)) return { rank: 5, label: plural ? 'cls.' : 'cl.' };
  if (/^ch/.test(h)) return { rank: 0, label: plural ? 'chs.' : 'ch.' };
  return { rank: 5, label: h };
}

const ENGLISH_LABELS: Record<string, [string, string]> = {
  'ст.': ['art.', 'arts.'],
  'п.': ['para.', 'paras.'],
  'ч.': ['part', 'parts'],
  'пп.': ['subpara.', 'subparas.'],
};

function englishLabel(label: string): string {
  const [head = '', numbers = ''] = label.split(/ (.*)/s);
  const english = ENGLISH_LABELS[head];
  if (!english) return label;
  return `${numbers.includes(',') ? english[1] : english[0]} ${numbers}`;
}

/** "145 (violation …) and 154" → "145, 154"; "2 to 5" → "2–5". */
function numbersOf(list: string): string[] {
  const plain = list.replace(new RegExp(DESC, 'gu'), '');
  const parts: string[] = [];
  const re = new RegExp(`(${NUM})(${SEP})?`, 'gu');
  let range = false;
  for (const m of plain.matchAll(re)) {
    const n = (m[1] ?? '').replace(/\s+/g, '').replace(/^([^(]*)\)$/, '$1');
    const last = parts.length - 1;
    if (range && last >= 0) parts[last] = `${parts[last]}–${n}`;
    else parts.push(n);
    range = /^\s*(?:to|по|[–—])\s*$/u.test(m[2] ?? '');
  }
  return parts;
}

interface Provision {
  start: number;
  end: number;
  /** As written: "part 2 of article 116" → part, article; ordered outermost first when cited. */
  parts: Part[];
  kinds: string[];
  numbers: string[];
}

function findProvisions(text: string): Provision[] {
  const found: Provision[] = [];
  for (const m of text.matchAll(PROVISION)) {
    const start = m.index ?? 0;
    const chain = [{ head: m[1] ?? '', list: m[2] ?? '' }];
    for (const more of (m[3] ?? '').matchAll(LINK_HEAD)) chain.push({ head: more[1] ?? '', list: more[2] ?? '' });
    const parts = chain.map(({ head, list }) => {
      const numbers = numbersOf(list);
      const part = provisionLabel(head, numbers.length > 1);
      return { rank: part.rank, label: `${part.label} ${numbers.join(', ')}` };
    });
    found.push({
      start,
      end: start + m[0].length,
      parts,
      kinds: chain.map(({ head }) => head.toLowerCase()),
      numbers: numbersOf(chain[0]?.list ?? ''),
    });
  }
  return found;
}

/** Outermost first, whatever the order written: "sub-point 4) of point 2 of Article 10" → art., point, sub-point. */
function labelsOf(parts: Part[]): string[] {
  return parts
    .map((part, i) => ({ part, i }))
    .sort((a, b) => a.part.rank - b.part.rank || a.i - b.i)
    .map(({ part }) => part.label);
}

// A short form a text defines for an instrument, in brackets after its name: "(CCPR)", "("CCPR")",
// "(hereinafter the CAO)", "(hereinafter “the Law”)", "(“the Code”)". A word or two that is not an
// acronym ("the Law") counts only when "hereinafter" or quotation marks say it is a definition.
const DEFINITION =
  /^\s*\(\s*(hereinafter(?:\s+(?:referred\s+to\s+as|called|also))?\s*[:,–-]?\s*|henceforth\s+)?(?:the\s+)?(["“'‘])?(?:the\s+)?(\p{Lu}[\p{L}-]*(?:[^\S\n]+\p{Lu}[\p{L}-]*){0,3})["”'’]?\s*\)/u;
const isAcronymTerm = (term: string): boolean =>
  /^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}[\p{Lu}\p{Ll}]*$/u.test(term) && !/\s/.test(term);

/**
 * The short forms a text defines for its instruments; each definition joins its instrument's mention
 * (the instrument's span is stretched over it), and the term maps to the instrument it stands for.
 */
function definedTerms(text: string, instruments: Instrument[]): Map<string, Instrument> {
  const defined = new Map<string, Instrument>();
  for (const instrument of instruments) {
    const after = DEFINITION.exec(text.slice(instrument.end, instrument.end + 120));
    const term = after?.[3];
    if (!after || !term) continue;
    const acronym = isAcronymTerm(term);
    if (!acronym && !after[1] && !after[2]) continue;
    instrument.end += after[0].length;
    if (!defined.has(term)) defined.set(term, instrument);
  }
  return defined;
}

/** Finds legal references: provisions with their instrument, instruments alone, and provisions alone. */
export function findLegalReferences(text: string): Suggestion[] {
  const found = findInstruments(text);
  const defined = definedTerms(text, found);
  // A definition stretched its instrument over the acronym inside it: "(hereinafter the CAO)".
  const instruments = longestFirst(found);
  const covered = new Covered(text.length);
  for (const instrument of instruments) covered.add(instrument);
  for (const [term, instrument] of defined) {
    // A code's own acronym defined in the text ("Administrative Offences Code (AOC)") stands alone too.
    for (const other of instruments) {
      if (other.detail.acronym === term && other !== instrument) {
        other.name = instrument.name;
        other.needsProvision = false;
      }
    }
    if (instruments.some((i) => i.name === term)) continue;
    // "the Law" stands for the instrument only as a word of its own, not inside "Trade Union Law".
    const word = !isAcronymTerm(term);
    const pattern = word
      ? `${NB}${escapeRegExp(term)}${NA}(?![^\\S\\n]+(?:of|on|for)[^\\S\\n]+\\p{Lu})`
      : `${NB}${escapeRegExp(term)}${NA}`;
    for (const m of text.matchAll(new RegExp(pattern, 'gu'))) {
      const start = m.index ?? 0;
      const span = { start, end: start + term.length };
      if (covered.hits(span)) continue;
      const previous = /(\p{L}+)[^\S\n]+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
      if (word && previous && /^\p{Lu}/u.test(previous) && !LEADING_WORDS.has(previous)) continue;
      covered.add(span);
      instruments.push({
        ...span,
        name: instrument.name,
        detail: { ...instrument.detail, shortForm: term },
        confidence: isAcronymTerm(term) ? 0.8 : 0.7,
        short: true,
      });
    }
  }
  instruments.sort((a, b) => a.start - b.start);
  const startingAt = new Map<number, Instrument>();
  const endingAt = new Map<number, Instrument>();
  for (const instrument of instruments) {
    startingAt.set(instrument.start, instrument);
    endingAt.set(instrument.end, instrument);
  }

  const provisions = findProvisions(text);
  const provisionAt = new Map(provisions.map((p) => [p.start, p]));
  const consumed = new Set<Provision>();
  const used = new Set<Instrument>();
  const results: Suggestion[] = [];

  for (const provision of provisions) {
    if (consumed.has(provision)) continue;
    const parts = [...provision.parts];
    // "article 402 of the Criminal Code", "статьи 13 Закона …", "Article 5, part 2, of the CAO",
    // "paragraph 15 of the annex to resolution 5/1", "article 213 CC"
    const link = /^\s*,?\s+(?:(?:of|under|in)\s+(?:the\s+)?(annex\s+(?:to|of)\s+(?:the\s+)?)?)?/u.exec(
      text.slice(provision.end, provision.end + 60),
    );
    let instrument = link ? startingAt.get(provision.end + link[0].length) : undefined;
    const worded = link !== null && /\p{L}/u.test(link[0]);
    if (
      instrument &&
      !worded &&
      !instrument.short &&
      !/[\u0400-\u04ff]/u.test(text.slice(provision.start, provision.end))
    ) {
      // Without a word, only Russian genitive and acronyms attach: "статьи 13 Закона", "article 213 CC".
      instrument = undefined;
    }
    let start = provision.start;
    let end = provision.end;
    if (instrument) {
      end = instrument.end;
      used.add(instrument);
      if (link?.[1]) parts.push({ rank: 0.5, label: 'annex' });
      // "Part 1 of CAO Article 5": the article is named after its code.
      const gap = /^[^\S\n]+/u.exec(text.slice(end, end + 4));
      const next = worded && gap ? provisionAt.get(end + gap[0].length) : undefined;
      if (next) {
        parts.push(...next.parts);
        end = next.end;
        consumed.add(next);
      }
    } else {
      // "(Criminal Code, section 402)", "the Constitution (Article 31)": the instrument comes first.
      const gap = /(?:,?[^\S\n]+|[^\S\n]*\([^\S\n]*)$/u.exec(text.slice(Math.max(0, start - 4), start));
      const before = gap ? endingAt.get(start - gap[0].length) : undefined;
      if (before && gap) {
        instrument = before;
        start = before.start;
        used.add(before);
        if (gap[0].includes('(')) {
          const close = /^[^\S\n]*\)/u.exec(text.slice(end, end + 3));
          if (!close) instrument = undefined;
          else end += close[0].length;
        }
      }
    }
    const labels = labelsOf(parts);
    if (instrument) {
      // Russian labels for Russian instruments; an international one keeps one value in every language.
      const named = /[\u0400-\u04ff]/u.test(instrument.name) ? labels : labels.map(englishLabel);
      const value = `${instrument.name}, ${named.join(', ')}`;
      const detail: Record<string, string> = { instrument: instrument.name, provisions: named.join(', ') };
      for (const [key, fact] of Object.entries(instrument.detail)) detail[key] ??= fact;
      results.push(
        suggestion(text, 'legal_reference', start, end, value, Math.min(0.95, instrument.confidence + 0.05), detail),
      );
      continue;
    }
    // A provision without its instrument still points somewhere a lawyer will want to cite, but
    // "paragraph 12" is as often the document's own paragraph: only articles and sections count.
    if (provision.kinds.some((kind) => /^(?:art|sec|ст)/u.test(kind))) {
      results.push(
        suggestion(text, 'legal_reference', start, end, labels.join(', '), 0.6, {
          provisions: labels.join(', '),
        }),
      );
    }
  }

  for (const instrument of instruments) {
    if (used.has(instrument) || instrument.needsProvision) continue;
    results.push(
      suggestion(text, 'legal_reference', instrument.start, instrument.end, instrument.name, instrument.confidence, {
        instrument: instrument.name,
        ...instrument.detail,
      }),
    );
  }
  return withoutOverlaps(results);
}
