// Values of imported recommendations as tables and reports print them, to the tracker's shapes: the
// State's response in its many wordings (English, Russian, French, Spanish), the UPR cycle ("2nd",
// "II", "2"), lists of recommending States and of themes.
import type { RecommendationResponse } from '../../shared/recommendations.ts';
import { memberStateNames } from '../drafts/states.ts';

/** Lower case, Latin letters without accents (Cyrillic й stays), quotes and dashes folded, single spaces. */
export function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/ё/g, 'е')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

// Order matters: "partially supported" before "supported", "not accepted" and "принята к сведению"
// before "accepted" and "принята".
const RESPONSE_WORDINGS: [RegExp, RecommendationResponse][] = [
  [
    /^(supported ?\/ ?noted|noted ?\/ ?supported|partial(ly)?( supported| accepted)?|supported in part|accepted in part|частично( поддержан[аоы]?| принят[аоы]?)?|partiellement( acceptee?s?| soutenue?s?)?|parcialmente( aceptada?s?| apoyada?s?)?)$/,
    'partially_supported',
  ],
  [
    /^(noted|not supported|not accepted|rejected|did not enjoy (the )?support|take note|taken note|принят[аоы]? к сведению|к сведению|отмечен[аоы]?|не поддержан[аоы]?|не поддерживается|не принят[аоы]?|отклонен[аоы]?|notee?s?|prise? note|rejetee?s?|non acceptee?s?|anotada?s?|tomada? nota|rechazada?s?|no aceptada?s?)$/,
    'noted',
  ],
  [
    /^(no response|none|pending|awaiting response|no answer|not yet answered|to be examined|under (examination|consideration)|нет ответа|без ответа|ожидается( ответ)?|на рассмотрении|pas de reponse|en attente|sin respuesta|pendiente)$/,
    'no_response',
  ],
  [
    /^(supported|accepted|agreed|accepted and implemented|supported and implemented|already implemented|поддержан[аоы]?|поддерживается|принят[аоы]?|acceptee?s?|soutenue?s?|aceptada?s?|apoyada?s?)$/,
    'supported',
  ],
];

/**
 * The response a cell names: null when the cell is empty, undefined when its words are not
 * understood (the row is then reported, never guessed).
 */
export function normalizeResponse(value: string): RecommendationResponse | null | undefined {
  // The UN's thematic list puts the source first: "Source of Position: A/HRC/59/15/Add.1 - Para.3\nSupported".
  const lines = value.split(/\r?\n/).filter((line) => line.trim() && !/^\s*source of position\b/i.test(line));
  if (lines.length > 1) {
    const found = lines.map((line) => normalizeResponse(line)).filter((r) => r !== undefined && r !== null);
    return found.length === 1 ? found[0] : undefined;
  }
  const folded = fold(lines[0] ?? '')
    .replace(/\s*\([^()]*\)\s*$/, '') // "Supported (A/HRC/43/10/Add.1, para. 3)"
    .replace(/[.;:!]+$/, '')
    .trim();
  if (folded === '' || folded === '-' || folded === '—') return null;
  for (const [pattern, response] of RESPONSE_WORDINGS) if (pattern.test(folded)) return response;
  return undefined;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };
const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  первый: 1,
  второй: 2,
  третий: 3,
  четвертый: 4,
  пятый: 5,
  premier: 1,
  deuxieme: 2,
  troisieme: 3,
  quatrieme: 4,
  primer: 1,
  primero: 1,
  segundo: 2,
  tercer: 3,
  tercero: 3,
  cuarto: 4,
};

/**
 * A UPR cycle as a number: "2", "2nd", "II", "Cycle 2", "second cycle", "2-й цикл", "второй".
 * Null when the cell is empty, undefined when it is not a cycle.
 */
export function normalizeCycle(value: string): number | null | undefined {
  const folded = fold(value)
    .replace(/(?<!\p{L})(upr|epu|cycle|cycles|цикл|цикла|упо|ciclo)(?!\p{L})/gu, ' ')
    .replace(/[.,;:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (folded === '') return null;
  let cycle: number | undefined;
  const digits = /^(\d{1,2})(st|nd|rd|th|-?й|-?ый|-?ой|e|eme|er|o|°|º)?$/.exec(folded);
  if (digits) cycle = Number(digits[1]);
  else if (folded in ROMAN) cycle = ROMAN[folded];
  else if (folded in ORDINAL_WORDS) cycle = ORDINAL_WORDS[folded];
  if (cycle === undefined || cycle < 1 || cycle > 20) return undefined;
  return cycle;
}

// Other spellings of States than the UN's current short names, as older reports and tables print them.
const OTHER_STATE_NAMES = [
  'Turkey',
  'Czech Republic',
  'Swaziland',
  'Cape Verde',
  'Netherlands',
  'The former Yugoslav Republic of Macedonia',
  'Macedonia',
  'Holy See',
  'State of Palestine',
  'Palestine',
  'United States',
  'USA',
  'United Kingdom',
  'UK',
  'Iran',
  'Islamic Republic of Iran',
  'Venezuela',
  'Bolivarian Republic of Venezuela',
  'Bolivia',
  'Plurinational State of Bolivia',
  'Moldova',
  'Russia',
  'Vietnam',
  'Korea',
  'South Korea',
  'North Korea',
  'Syria',
  'Laos',
  'Tanzania',
  'Micronesia',
  'Brunei',
  'Timor Leste',
  'East Timor',
  'Ivory Coast',
  'Congo (Brazzaville)',
  'Democratic Republic of Congo',
  'Kyrgyz Republic',
  'Burma',
  'Sao Tome and Principe',
];

let knownStates: Set<string> | undefined;

function stateKey(name: string): string {
  return fold(name).replace(/^the /, '').replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether a name is a State's (a UN Member or observer State, in its current or an older spelling). */
export function isKnownState(name: string): boolean {
  knownStates ??= new Set([...memberStateNames(), ...OTHER_STATE_NAMES].map(stateKey));
  return knownStates.has(stateKey(name));
}

/** Splits at the separators that sit outside parentheses. */
function splitOutside(value: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

// "Korea, Republic of", "Congo, the Democratic Republic of the", "Iran, Islamic Republic of": the
// part after the comma qualifies the name before it.
const QUALIFIER = /^(the )?([\p{L}'’-]+ ){0,3}(republic|state|states|kingdom|principality|federation)( of)?( the)?$/iu;

/**
 * Recommending States from a cell or a report's parentheses: separated by ";" always, and by ","
 * when the commas separate names — "Korea, Republic of" stays one State — and by a final "and" when
 * both sides are States ("Norway, Sweden and Finland"; "Trinidad and Tobago" stays one).
 */
export function splitStates(value: string): string[] {
  const states: string[] = [];
  for (const group of splitOutside(value, ';')) {
    const parts = splitOutside(group, ',')
      .map((part) => part.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    const names: string[] = [];
    for (const part of parts) {
      const previous = names.length - 1;
      if (previous >= 0 && (QUALIFIER.test(part) || /^\p{Ll}/u.test(part)) && !isKnownState(part)) {
        names[previous] = `${names[previous]}, ${part}`;
      } else names.push(part);
    }
    const last = names.at(-1);
    const and = last ? /^(.+?) (?:and|и|et|y) (.+)$/u.exec(last) : null;
    if (last && and && !isKnownState(last) && isKnownState(and[1] as string) && isKnownState(and[2] as string)) {
      names.splice(-1, 1, and[1] as string, and[2] as string);
    }
    for (const name of names) {
      const clean = name.replace(/^[\s.;,]+|[\s.;,]+$/g, '');
      if (clean && !states.includes(clean)) states.push(clean);
    }
  }
  return states;
}

/** Themes from a cell: separated by ";", "|" or line breaks, or by commas when there is nothing else. */
export function splitThemes(value: string): string[] {
  // A bulleted list ("- Right to health") ends where the UN's thematic list names the groups of persons.
  const trimmed =
    value
      .split(/^\s*groups of persons\s*:?/im)[0]
      ?.replace(/^\s*[-•–]\s+/gm, '')
      .trim() ?? '';
  if (!trimmed) return [];
  const parts = /[;|\n]/.test(trimmed) ? trimmed.split(/[;|\n]/) : trimmed.split(',');
  const themes: string[] = [];
  for (const part of parts) {
    const clean = part.replace(/\s+/g, ' ').trim();
    if (clean && !themes.includes(clean)) themes.push(clean);
  }
  return themes;
}

/**
 * The response the lead sentence of a report's recommendations section gives its list: "… enjoy
 * the support of X", "… will be examined by X, which will provide responses in due time", "… did
 * not enjoy the support of X" / "… have been noted by X" / "… would thus be noted". Undefined when
 * the sentence says none of these.
 */
export function leadResponse(sentence: string): RecommendationResponse | undefined {
  const s = fold(sentence);
  if (
    /did not (enjoy|receive) (the )?support|do not enjoy|not enjoy (the )?support|(have been|has been|were|was|are|is|will be|would (thus )?be|to be) (duly )?noted|takes? note|took note|не (пользу|получил)|приняты? к сведению|принимает к сведению|(ont ete|sont|seront) notees?|prend note|han sido anotadas?|toma nota/.test(
      s,
    )
  ) {
    return 'noted';
  }
  if (
    /partially (supported|accepted)|enjoy the partial support|частично/.test(s) &&
    !/enjoy (the |its )?support/.test(s)
  ) {
    return 'partially_supported';
  }
  if (
    /will (be )?examine|will be considered|will (provide|give) (its )?(responses?|answers?)|will respond|respond in due (time|course)|responses? in due (time|course)|будут рассмотрены|рассмотрит|в надлежащее время|seront examinees|examinera|seran examinadas|examinara/.test(
      s,
    )
  ) {
    return 'no_response';
  }
  if (
    /enjoy(s|ed)? (the |its )?support|(are|is|were) (supported|accepted) by|accepts? the following|supports? the following|пользуются поддержкой|поддерживает|поддержаны|recueilli l'appui|beneficient du soutien|cuentan con el apoyo/.test(
      s,
    )
  ) {
    return 'supported';
  }
  return undefined;
}
