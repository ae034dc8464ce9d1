// Organisation suggestions: known international and Kazakh bodies by name and acronym; acronyms a
// text defines ("the International Trade Union Confederation (ITUC)", "… of Kazakhstan - KSPK"),
// whose later bare mentions are linked to the expansion (also mentions before the definition); and
// named bodies in Title Case whose head word says what they are ("Almaty Department of Justice",
// "Industrial Union of Employees of the Fuel and Energy Sector"). Not counted: "the Government",
// the State, and bare anaphora ("the Ministry", "the Committee"), which name nothing a lawyer
// could not already see.
import { escapeRegExp, LEADING_WORDS, NA, NB, overlaps, suggestion, withoutOverlaps } from './spans.ts';
import type { Suggestion } from './types.ts';

interface Known {
  canonical: string;
  acronym?: string;
  /** Regular-expression sources for the full names (English and Russian, any case ending). */
  names: string[];
  /** Acronyms that stand for it (Latin and Cyrillic). */
  acronyms: string[];
}

const KNOWN: Known[] = [
  {
    canonical: 'International Labour Organization',
    acronym: 'ILO',
    names: ['International\\s+Labou?r\\s+Organi[sz]ation', 'Международн[а-яё]{2,3}\\s+организаци[а-яё]{1,2}\\s+труда'],
    acronyms: ['ILO', 'МОТ'],
  },
  { canonical: 'International Labour Office', names: ['International\\s+Labou?r\\s+Office'], acronyms: [] },
  {
    canonical: 'International Labour Conference',
    acronym: 'ILC',
    names: ['International\\s+Labou?r\\s+Conference', 'Международн[а-яё]{2,3}\\s+конференци[а-яё]{1,2}\\s+труда'],
    acronyms: [],
  },
  { canonical: 'ILO Governing Body', names: ['(?:ILO\\s+)?Governing\\s+Body'], acronyms: [] },
  {
    canonical: 'United Nations',
    acronym: 'UN',
    names: ['United\\s+Nations', 'Организаци[а-яё]{1,2}\\s+Объедин[её]нных\\s+Наций'],
    acronyms: ['UN', 'ООН'],
  },
  {
    canonical: 'Office of the United Nations High Commissioner for Human Rights',
    acronym: 'OHCHR',
    names: [
      'Office\\s+of\\s+the\\s+(?:United\\s+Nations\\s+|UN\\s+)?High\\s+Commissioner\\s+for\\s+Human\\s+Rights',
      'Управлени[а-яё]{1,2}\\s+Верховного\\s+комиссара\\s+(?:ООН|Организации\\s+Объедин[её]нных\\s+Наций)\\s+по\\s+правам\\s+человека',
    ],
    acronyms: ['OHCHR', 'УВКПЧ'],
  },
  {
    canonical: 'UN Human Rights Committee',
    names: [
      '(?:(?:UN|United\\s+Nations)\\s+)?Human\\s+Rights\\s+Committee',
      'Комитет[а-яё]{0,2}\\s+(?:ООН\\s+)?по\\s+правам\\s+человека',
    ],
    acronyms: [],
  },
  {
    canonical: 'UN Human Rights Council',
    names: [
      '(?:(?:UN|United\\s+Nations)\\s+)?Human\\s+Rights\\s+Council',
      'Совет[а-яё]{0,2}\\s+(?:ООН\\s+)?по\\s+правам\\s+человека',
    ],
    acronyms: [],
  },
  {
    canonical: 'Committee on Economic, Social and Cultural Rights',
    names: ['Committee\\s+on\\s+Economic,\\s+Social\\s+and\\s+Cultural\\s+Rights'],
    acronyms: [],
  },
  {
    canonical: 'Committee on the Elimination of Discrimination against Women',
    names: ['Committee\\s+on\\s+the\\s+Elimination\\s+of\\s+Discrimination\\s+against\\s+Women'],
    acronyms: [],
  },
  {
    canonical: 'Committee on Freedom of Association',
    acronym: 'CFA',
    names: ['Committee\\s+on\\s+Freedom\\s+of\\s+Association'],
    acronyms: ['CFA'],
  },
  {
    canonical: 'Committee of Experts on the Application of Conventions and Recommendations',
    acronym: 'CEACR',
    names: ['Committee\\s+of\\s+Experts\\s+on\\s+the\\s+Application\\s+of\\s+Conventions\\s+and\\s+Recommendations'],
    acronyms: ['CEACR'],
  },
  {
    canonical: 'Committee on the Application of Standards',
    names: ['(?:Conference\\s+)?Committee\\s+on\\s+the\\s+Application\\s+of\\s+Standards'],
    acronyms: [],
  },
  {
    canonical: 'International Trade Union Confederation',
    acronym: 'ITUC',
    names: [
      'International\\s+Trade\\s+Union\\s+Confederation',
      'Международн[а-яё]{2,3}\\s+конфедераци[а-яё]{1,2}\\s+профсоюзов',
    ],
    acronyms: ['ITUC', 'МКП'],
  },
  {
    canonical: 'Economic and Social Council',
    acronym: 'ECOSOC',
    names: ['Economic\\s+and\\s+Social\\s+Council'],
    acronyms: ['ECOSOC'],
  },
  {
    canonical: 'Organization for Security and Co-operation in Europe',
    acronym: 'OSCE',
    names: ['Organi[sz]ation\\s+for\\s+Security\\s+and\\s+Co-?operation\\s+in\\s+Europe'],
    acronyms: ['OSCE', 'ОБСЕ'],
  },
  {
    canonical: 'Office for Democratic Institutions and Human Rights',
    acronym: 'ODIHR',
    names: ['Office\\s+for\\s+Democratic\\s+Institutions\\s+and\\s+Human\\s+Rights'],
    acronyms: ['ODIHR', 'БДИПЧ'],
  },
  {
    canonical: 'European Union',
    acronym: 'EU',
    names: ['European\\s+Union', 'Европейск[а-яё]{2}\\s+союз[а-яё]{0,2}'],
    acronyms: ['EU', 'ЕС'],
  },
  { canonical: 'Council of Europe', names: ['Council\\s+of\\s+Europe', 'Совет[а-яё]{0,2}\\s+Европы'], acronyms: [] },
  { canonical: 'UNICEF', names: ['United\\s+Nations\\s+Children’?s\\s+Fund'], acronyms: ['UNICEF'] },
  { canonical: 'United Nations Development Programme', names: [], acronyms: ['UNDP'] },
  { canonical: 'Office of the United Nations High Commissioner for Refugees', names: [], acronyms: ['UNHCR'] },
  { canonical: 'UNESCO', names: [], acronyms: ['UNESCO'] },
  { canonical: 'Amnesty International', names: ['Amnesty\\s+International'], acronyms: [] },
  { canonical: 'Human Rights Watch', acronym: 'HRW', names: ['Human\\s+Rights\\s+Watch'], acronyms: ['HRW'] },
  {
    canonical: 'International Federation for Human Rights',
    acronym: 'FIDH',
    names: ['International\\s+Federation\\s+for\\s+Human\\s+Rights'],
    acronyms: ['FIDH'],
  },
  { canonical: 'Freedom House', names: ['Freedom\\s+House'], acronyms: [] },
  // News agencies: photo credits and sources a submission cites.
  { canonical: 'Agence France-Presse', acronym: 'AFP', names: ['Agence\\s+France-Presse'], acronyms: ['AFP'] },
  { canonical: 'Reuters', names: ['Reuters'], acronyms: [] },
  { canonical: 'Associated Press', names: ['Associated\\s+Press'], acronyms: [] },
  {
    canonical: 'Radio Free Europe/Radio Liberty',
    acronym: 'RFE/RL',
    names: ['Radio\\s+Free\\s+Europe(?:/Radio\\s+Liberty)?', 'Radio\\s+Azattyq'],
    acronyms: ['RFE/RL'],
  },
  { canonical: 'Eurasianet', names: ['Eurasianet'], acronyms: [] },
  { canonical: 'Front Line Defenders', names: ['Front\\s+Line\\s+Defenders'], acronyms: [] },
  { canonical: 'IndustriALL Global Union', names: ['IndustriALL(?:\\s+Global\\s+Union)?'], acronyms: [] },
  {
    canonical: 'Public Services International',
    acronym: 'PSI',
    names: ['Public\\s+Services\\s+International'],
    acronyms: ['PSI'],
  },
  {
    canonical: 'Building and Wood Workers’ International',
    acronym: 'BWI',
    names: ["Building\\s+and\\s+Wood\\s+Workers[’']?\\s+International"],
    acronyms: ['BWI'],
  },
  {
    canonical: 'International Centre for Trade Union Rights',
    acronym: 'ICTUR',
    names: ['International\\s+Centre\\s+for\\s+Trade\\s+Union\\s+Rights'],
    acronyms: ['ICTUR'],
  },
  {
    canonical: 'Kazakhstan International Bureau for Human Rights and the Rule of Law',
    acronym: 'KIBHR',
    names: ['Kazakhstan\\s+International\\s+Bureau\\s+for\\s+Human\\s+Rights\\s+and\\s+the\\s+Rule\\s+of\\s+Law'],
    acronyms: ['KIBHR'],
  },
  {
    canonical: 'Federation of Trade Unions of the Republic of Kazakhstan',
    acronym: 'FPRK',
    names: [
      'Federation\\s+of\\s+Trade\\s+Unions\\s+of\\s+the\\s+Republic\\s+of\\s+Kazakhstan',
      'Федераци[а-яё]{1,2}\\s+профсоюзов\\s+Республики\\s+Казахстан',
    ],
    acronyms: ['FPRK', 'ФПРК'],
  },
  {
    canonical: 'Confederation of Independent Trade Unions of the Republic of Kazakhstan',
    acronym: 'KNPRK',
    names: [
      'Confederation\\s+of\\s+Independent\\s+Trade\\s+Unions\\s+of\\s+the\\s+Republic\\s+of\\s+Kazakhstan',
      'Конфедераци[а-яё]{1,2}\\s+независимых\\s+профсоюзов\\s+Республики\\s+Казахстан',
    ],
    acronyms: ['KNPRK', 'КНПРК'],
  },
  {
    canonical: 'Confederation of Free Trade Unions of Kazakhstan',
    acronym: 'KSPK',
    names: [
      'Confederation\\s+of\\s+Free\\s+Trade\\s+Unions\\s+of\\s+Kazakhstan',
      'Конфедераци[а-яё]{1,2}\\s+свободных\\s+профсоюзов\\s+Казахстана',
    ],
    acronyms: ['KSPK', 'КСПК'],
  },
];

// Head words: a Title Case name ending its core in one of these is a body.
const HEADS = new Set(
  (
    'Organization Organisation Organizations Organisations Confederation Federation Union Unions Association ' +
    'Associations Congress Ministry Department Court Tribunal Committee Commission Council Office Agency Centre ' +
    'Center Bureau Institute Foundation Party Service Police Parliament Assembly Secretariat Programme Bank Fund ' +
    'Network Coalition Movement Society Company Corporation Group Administration Inspectorate Procuracy Akimat ' +
    'Mazhilis Duma Senate Chamber Mission Board Academy University Alliance Forum Partnership Syndicate Authority'
  ).split(' '),
);
// Once a name has turned into an instrument's title ("Law on Trade Unions"), it names no body.
const INSTRUMENTS = new Set(
  'Law Laws Code Act Decree Convention Covenant Declaration Constitution Treaty Charter Protocol Regulation Resolution Order Plan'.split(
    ' ',
  ),
);
// Legal forms written before the name in Kazakhstan ("Объединение юридических лиц «…»").
const LEGAL_FORMS = [
  'Association of Legal Entities',
  'Republican Public Association',
  'Public Association',
  'Public Foundation',
  'Limited Liability Partnership',
  'Joint Stock Company',
];

const GENERIC = /^(?:Trade|Labou?r|Independent|Free)\s+Unions?$/u;
const HEADS_LOWER = new Set([...HEADS].map((head) => head.toLowerCase()));

interface Org {
  start: number;
  end: number;
  value: string;
  confidence: number;
  detail: Record<string, string>;
}

const CAP = "\\p{Lu}[\\p{L}\\p{N}’'\\-]*";
const CONN = '(?:of|and|the|for|on|&)';
const SP = '[^\\S\\n]+';
const RUN = new RegExp(`${NB}${CAP}(?:(?:${SP}${CONN})*${SP}${CAP})*`, 'gu');
const CORE_END = new Set(['of', 'for', 'on']);

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(run: string, offset: number): Token[] {
  return [...run.matchAll(/\S+/gu)].map((m) => ({
    word: m[0],
    start: offset + (m.index ?? 0),
    end: offset + (m.index ?? 0) + m[0].length,
  }));
}

const isCap = (word: string): boolean => /^\p{Lu}/u.test(word);
const isAcronym = (word: string): boolean => /^\p{Lu}{2,}$/u.test(word);

/** Splits a run where one body ends and the next begins: "Ministry of Labour and the Ministry of …". */
function splitRun(run: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (let i = 0; i < run.length; i++) {
    const token = run[i] as Token;
    const current = parts[parts.length - 1] as Token[];
    // "ILO’s Committee": a possessive acronym ends the run.
    const possessive = /^(.*?)['’]s$/u.exec(token.word);
    if (possessive?.[1] && isAcronym(possessive[1])) {
      current.push({ word: possessive[1], start: token.start, end: token.start + possessive[1].length });
      parts.push([]);
      continue;
    }
    if (token.word === 'and' || token.word === '&') {
      // "X and the Y", "OHCHR and UN …", "… and the Ministry of …" join two bodies, while
      // "Ministry of Labour and Social Protection" is one.
      const article = run[i + 1]?.word === 'the';
      const next = article ? run[i + 2] : run[i + 1];
      const previous = run[i - 1];
      if (next && (article || HEADS.has(next.word) || isAcronym(next.word) || isAcronym(previous?.word ?? ''))) {
        parts.push([]);
        if (article) i++;
        continue;
      }
    }
    current.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

/** The body named by a run of Title Case words, if its core ends in a head word. */
function bodyIn(run: Token[]): { start: number; end: number } | undefined {
  let last = run.length - 1;
  while (last >= 0 && !isCap(run[last]?.word ?? '')) last--;
  for (let s = 0; s <= last; s++) {
    const word = run[s]?.word ?? '';
    if (INSTRUMENTS.has(word)) return undefined;
    // Sentence openers, and "-ing" words opening headings ("Submitting Organisation", "Concerning …").
    if (!isCap(word) || LEADING_WORDS.has(word) || /^\p{Lu}\p{Ll}+ing$/u.test(word)) continue;
    let coreEnd = s;
    while (coreEnd + 1 <= last && !CORE_END.has(run[coreEnd + 1]?.word ?? '')) coreEnd++;
    let head = coreEnd;
    while (head > s && !isCap(run[head]?.word ?? '')) head--;
    if (!HEADS.has(run[head]?.word ?? '')) continue;
    // A lone head word is anaphora ("the Committee"), not a name; "Trade Union" is the generic term.
    if (
      s === last ||
      GENERIC.test(
        run
          .slice(s, last + 1)
          .map((t) => t.word)
          .join(' '),
      )
    )
      return undefined;
    return { start: run[s]?.start ?? 0, end: run[last]?.end ?? 0 };
  }
  return undefined;
}

const ACRONYM = '\\p{Lu}[\\p{Lu}\\p{Ll}&]{0,10}\\p{Lu}';
const DEFINITION_AFTER = new RegExp(
  `^(?:\\s*\\(\\s*(?:the\\s+)?["“'‘]?(${ACRONYM})["”'’]?\\s*\\)|${SP}[-–—]${SP}(${ACRONYM})(?=[\\s).,;]))`,
  'u',
);

const DEFINITION_ANYWHERE = new RegExp(`\\(\\s*["“'‘]?(${ACRONYM})["”'’]?\\s*\\)`, 'gu');

// Russian bodies are lower case after the head word, so only a definition "(КНПРК)" or a quoted
// name «Пример» tells where they end.
const RU_HEADS =
  '(?:Конфедераци|Федераци|Министерств|Комитет|Профсоюз|Союз|Управлени|Департамент|Ассоциаци|Объединени|Организаци|Совет|Бюро|Центр|Фонд|Парти|Прокуратур|Агентств|Служб|Суд)';
const RU_DEFINED = new RegExp(`${NB}(${RU_HEADS}[а-яё]*(?:${SP}[\\p{L}-]+){0,8}?)${SP}?\\((\\p{Lu}{2,8})\\)`, 'gu');
const RU_QUOTED = new RegExp(
  `${NB}(?:[Пп]рофсоюз|[Пп]рофессиональн[а-яё]+${SP}союз|[Сс]оюз|[Оо]бъединени|[Аа]ссоциаци|[Фф]онд|[Кк]онфедераци|[Фф]едераци|ОО|ОФ|ТОО|АО|РОО|ОЮЛ)[а-яё]*(?:${SP}[а-яё-]+){0,4}${SP}«[^«»\\n]{1,80}»`,
  'gu',
);

/**
 * "New Regional Association of Mining Workers (NRAMW)": a sentence opener dropped from the name
 * ("New") is taken back when the acronym's letters account for it.
 */
function stretchToAcronym(text: string, org: Org, acronym: string): void {
  const initials = (words: string): string => (words.match(/(?<![\p{L}])\p{Lu}/gu) ?? []).join('');
  const have = initials(text.slice(org.start, org.end));
  if (!acronym.endsWith(have) || acronym.length === have.length) return;
  const missing = acronym.length - have.length;
  const before = /((?:\p{Lu}[\p{L}’'-]*[^\S\n]+){1,3})$/u.exec(text.slice(Math.max(0, org.start - 60), org.start));
  if (!before?.[1]) return;
  const words = before[1].trim().split(/\s+/).slice(-missing);
  if (words.length !== missing || initials(words.join(' ')) !== acronym.slice(0, missing)) return;
  const taken = words.join(' ');
  const at = text.lastIndexOf(taken, org.start);
  if (at < 0) return;
  if (org.value === text.slice(org.start, org.end)) org.value = text.slice(at, org.end);
  org.start = at;
}

const NAMED_LOWER = new RegExp(
  `${NB}(\\p{Lu}[\\p{L}’'-]+(?:${SP}\\p{Lu}[\\p{L}’'-]+){0,2})${SP}(?:(?:district|city|regional|military|magistrate[’']s)${SP})?(?:court|police${SP}station|police${SP}department|prosecutor[’']s${SP}office)${NA}`,
  'gu',
);
// States whose names end in a head word: countries, not organisations.
const STATES = new Set(['Russian Federation', 'Syrian Arab Republic', 'Czech Republic', 'Kyrgyz Republic']);

/** Finds organisations: known bodies, defined acronyms and their mentions, and named bodies. */
export function findOrganisations(text: string): Suggestion[] {
  const orgs: Org[] = [];

  for (const known of KNOWN) {
    for (const name of known.names) {
      for (const m of text.matchAll(new RegExp(`${NB}${name}${NA}`, 'gu'))) {
        const start = m.index ?? 0;
        const detail: Record<string, string> = {};
        if (known.acronym) detail.acronym = known.acronym;
        if (m[0].replace(/\s+/g, ' ') !== known.canonical) detail.canonical = known.canonical;
        orgs.push({ start, end: start + m[0].length, value: known.canonical, confidence: 0.95, detail });
      }
    }
  }

  for (const m of text.matchAll(RUN)) {
    for (const part of splitRun(tokens(m[0], m.index ?? 0))) {
      const body = bodyIn(part);
      if (body && STATES.has(text.slice(body.start, body.end))) continue;
      if (body) orgs.push({ ...body, value: text.slice(body.start, body.end), confidence: 0.75, detail: {} });
    }
  }

  // "Presnensky police station", "Tverskoy district court": a proper name before a lower-case head.
  for (const m of text.matchAll(NAMED_LOWER)) {
    const name = m[1] ?? '';
    if (LEADING_WORDS.has(name.split(/\s+/)[0] ?? '')) continue;
    const start = m.index ?? 0;
    orgs.push({ start, end: start + m[0].length, value: m[0], confidence: 0.75, detail: {} });
  }
  for (const m of text.matchAll(RU_QUOTED)) {
    const start = m.index ?? 0;
    const quoted = /«([^»]+)»/u.exec(m[0])?.[1] ?? '';
    orgs.push({ start, end: start + m[0].length, value: m[0], confidence: 0.75, detail: { name: quoted } });
  }
  for (const m of text.matchAll(RU_DEFINED)) {
    // The name starts at the last head word before "(": "Суд признал Конфедерацию … (КНПРК)".
    const heads = [...(m[1] ?? '').matchAll(new RegExp(`${NB}${RU_HEADS}`, 'gu'))];
    const offset = heads[heads.length - 1]?.index ?? 0;
    const start = (m.index ?? 0) + offset;
    const name = (m[1] ?? '').slice(offset);
    const known = KNOWN.find((k) => k.acronyms.includes(m[2] ?? ''));
    const value = known?.canonical ?? name;
    orgs.push({ start, end: start + name.length, value, confidence: 0.8, detail: { acronym: m[2] ?? '' } });
  }

  // A known name inside a longer named body ("Confederation of Independent Trade Unions of the
  // Republic of Kazakhstan National Trade Union Association") gives way to it, lending its acronym.
  const runs = orgs.filter((org) => org.confidence < 0.95);
  const contained = (org: Org): Org | undefined =>
    runs.find((run) => run.start <= org.start && org.end <= run.end && run.end - run.start > org.end - org.start);
  for (const org of orgs.filter((o) => o.confidence >= 0.95)) {
    const run = contained(org);
    if (run && org.detail.acronym) run.detail = { ...run.detail, acronym: org.detail.acronym };
  }
  let candidates = withoutOverlaps(orgs.filter((org) => org.confidence < 0.95 || !contained(org)));
  // Legal forms join the name they introduce: "the Association of Legal Entities, the Confederation …".
  for (const form of candidates.filter((org) => LEGAL_FORMS.includes(text.slice(org.start, org.end)))) {
    const gap = /^,?\s+(?:the\s+)?/u.exec(text.slice(form.end));
    const named = gap && candidates.find((org) => org.start === form.end + gap[0].length);
    if (!named) continue;
    named.start = form.start;
    named.value = text.slice(form.start, named.end);
    named.detail = { ...named.detail, legalForm: text.slice(form.start, form.end) };
    candidates = candidates.filter((org) => org !== form);
  }
  // A definition after a name we could not read as one, because it is in lower case: "the
  // Confederation of independent trade unions of Kazakhstan (KNPRK)". The name runs back from "(" to
  // the article or punctuation before it, and starts at its first head word.
  for (const m of text.matchAll(DEFINITION_ANYWHERE)) {
    const open = m.index ?? 0;
    if (candidates.some((org) => org.end <= open && /^\s*$/u.test(text.slice(org.end, open)))) continue;
    const acronym = m[1] ?? '';
    const known = KNOWN.find((k) => k.acronyms.includes(acronym));
    const words = [...text.slice(Math.max(0, open - 160), open).matchAll(/\S+/gu)];
    const clause: RegExpMatchArray[] = [];
    for (let i = words.length - 1; i >= 0 && clause.length < 12; i--) {
      const word = words[i]?.[0] ?? '';
      if (/^(?:the|a|an)$/iu.test(word) || /[.;:,()]$/u.test(word)) break;
      clause.unshift(words[i] as RegExpMatchArray);
    }
    const first = clause.findIndex((w) => HEADS_LOWER.has((w[0] ?? '').toLowerCase()));
    if (first < 0 || clause.length - first < 2) continue;
    const base = Math.max(0, open - 160);
    const start = base + (clause[first]?.index ?? 0);
    const end = base + (clause[clause.length - 1]?.index ?? 0) + (clause[clause.length - 1]?.[0].length ?? 0);
    if (candidates.some((org) => overlaps({ start, end }, org))) continue;
    const detail: Record<string, string> = { acronym };
    candidates.push({ start, end, value: known?.canonical ?? text.slice(start, end), confidence: 0.75, detail });
  }
  candidates.sort((a, b) => a.start - b.start);

  // Acronyms the text defines, and the known ones; their definitions belong to the name's mention.
  const expansions = new Map<string, { value: string; expansion: string }>();
  const definitions: Array<{ start: number; end: number }> = [];
  for (const org of candidates) {
    const after = DEFINITION_AFTER.exec(text.slice(org.end));
    const acronym = after?.[1] ?? after?.[2];
    if (!after || !acronym) continue;
    const named = text.slice(org.start, org.end);
    const known = KNOWN.find((k) => k.acronyms.includes(acronym));
    // A known acronym defined for another body is a different thing ("ILO" after a union's name).
    if (known && known.canonical !== org.value && !org.detail.acronym) continue;
    definitions.push({ start: org.end, end: org.end + after[0].length });
    stretchToAcronym(text, org, acronym);
    org.detail = { ...org.detail, acronym };
    if (!expansions.has(acronym)) expansions.set(acronym, { value: org.value, expansion: named });
  }
  for (const known of KNOWN) {
    for (const acronym of known.acronyms) {
      if (!expansions.has(acronym)) expansions.set(acronym, { value: known.canonical, expansion: known.canonical });
    }
  }
  const mentions: Org[] = [];
  for (const [acronym, { value }] of expansions) {
    for (const m of text.matchAll(new RegExp(`${NB}${escapeRegExp(acronym)}${NA}`, 'gu'))) {
      const start = m.index ?? 0;
      const span = { start, end: start + acronym.length };
      if ([...candidates, ...definitions].some((other) => overlaps(span, other))) continue;
      mentions.push({ ...span, value, confidence: 0.85, detail: { acronym, expansion: value } });
    }
  }

  const all = withoutOverlaps([...candidates, ...mentions]);
  const merged = new Set<Org>();
  // "UN Human Rights Committee", "UN ECOSOC": an acronym before a body's name is part of it.
  for (const org of all) {
    const before = /(?<![\p{L}])(?:UN|ILO|OHCHR)[^\S\n]+$/u.exec(text.slice(Math.max(0, org.start - 7), org.start));
    const acronym = all.find(
      (other) => before && other.end === org.start - before[0].length + before[0].trimEnd().length,
    );
    if (!before || !acronym) continue;
    org.start -= before[0].length;
    if (org.confidence < 0.95 && !org.detail.expansion) org.value = text.slice(org.start, org.end);
    merged.add(acronym);
  }
  return all
    .filter((org) => !merged.has(org))
    .map((org) => suggestion(text, 'organisation', org.start, org.end, org.value, org.confidence, org.detail));
}
