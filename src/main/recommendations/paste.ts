// The recommendations section of a UPR Working Group report, as copied from its PDF, to
// recommendations: numbered ones ("126.1 …") with their recommending States in parentheses at the
// end ("(Norway); (Sweden)", "(Norway, Sweden)"), over as many lines and page breaks as they run, each
// with the response its section's lead sentence gives ("enjoy the support of" → supported, "will be
// examined … in due time" → no response yet, "have been noted" / "did not enjoy the support" → noted).
// Also read: early first-cycle reports that number 1, 2, 3… inside the section's paragraph, merged
// recommendations whose parts each end with their States, and the UN's thematic list of
// recommendations, where each one is followed by its own position ("Supported" / "Noted") and themes.
import type { ImportProblem, ImportRow } from '../../shared/recommendation-import.ts';
import { problemSeverity } from '../../shared/recommendation-import.ts';
import {
  RECOMMENDATION_DEFAULTS,
  RecommendationFields,
  type RecommendationResponse,
} from '../../shared/recommendations.ts';
import { isKnownState, leadResponse, normalizeResponse, splitStates } from './normalize.ts';

export interface PastedSection {
  /** The lead paragraph's number ("126"). */
  number: string;
  line: number;
  /** Its lead sentence as pasted (for the preview), and the response it gives. */
  lead: string;
  response: RecommendationResponse | null;
}

export interface PasteParse {
  rows: ImportRow[];
  sections: PastedSection[];
  problems: ImportProblem[];
  /** The report's symbol, from its running header ("A/HRC/28/10"), unless given. */
  documentSymbol: string | null;
}

export interface PasteOptions {
  documentSymbol?: string | null;
  cycle?: number | null;
  session?: string | null;
}

const SYMBOL = /A\/HRC\/(?:WG\.6\/)?\d+\/[\w.]+(?:\/Add\.\d+)?/;

/** Lines that a PDF copy puts between the words: running headers, page numbers, job numbers, marks. */
function noise(line: string): { symbol?: string } | undefined {
  if (/^\*+$/.test(line)) return {};
  if (
    /^[*\d]*\s*the conclusions and(\/or)? recommendations (will not be|have not been|were not) edited\.?$/i.test(line)
  )
    return {};
  if (/^[*\d]*\s*выводы и рекомендации не (редактировались|будут редактироваться)\.?$/i.test(line)) return {};
  const header = new RegExp(`^(?:\\d{1,3}\\s+)?(${SYMBOL.source})(?:\\s+\\d{1,3})?$`).exec(line);
  if (header) return { symbol: header[1] as string };
  if (/^(page\s+|стр\.\s*)?\d{1,3}$/i.test(line) || /^[-–]\s*\d{1,3}\s*[-–]$/.test(line)) return {};
  if (/^(\d{1,3}\s+)?GE\.\d{2}-\d{3,6}\b/.test(line)) return {};
  if (/^\d{1,3}\s+(of|из)\s+\d{1,3}$/i.test(line)) return {};
  return undefined;
}

const CLOSING =
  /^((\d{1,3}\.)\s*)?(all (the )?conclusions and\/or recommendations contained in the present report|все выводы и\/или рекомендации, содержащиеся в настоящем докладе|toutes les conclusions et\/ou recommandations|todas las conclusiones y\/o recomendaciones)|^annex\b|^приложение\b|reflect the position of the submitting state/i;

interface Open {
  major: number;
  minor: number;
  line: number;
  parts: string[];
  response: RecommendationResponse | null;
  /** Themes listed under it (the UN's thematic list), and where in its trailing lines we are. */
  themes: string[];
  trailer: 'none' | 'themes' | 'groups';
  /** The report its position's source belongs to ("A/HRC/59/15/Add.1" → "A/HRC/59/15"). */
  symbol?: string;
}

/** Finds the matching "(" of the ")" that ends `text`, or -1. */
function openingParen(text: string): number {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** A name as States are written: words starting with a capital, no digits, not an acronym alone. */
function looksLikeState(name: string): boolean {
  if (isKnownState(name)) return true;
  if (/\d/.test(name) || name.split(/\s+/).length > 9) return false;
  if (/^[\p{Lu}\d./-]+$/u.test(name)) return false;
  return /^(the |The )?\p{Lu}[\p{L}’'.-]*( [\p{L}’'().,-]+)*$/u.test(name);
}

/** All groups in parentheses anywhere in the text, outermost only. */
function parenGroups(text: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if (text[i] === ')' && depth > 0) {
      depth--;
      if (depth === 0) groups.push(text.slice(start + 1, i));
    }
  }
  return groups;
}

/**
 * The groups of States in parentheses at the end of `text`, and the words before them: the last
 * group when its names look like States' names (`strict`: are States' names), the ones before it only
 * when they are States' names ("(ICRMW) (Philippines)" keeps "(ICRMW)" in the words).
 */
function trailingStates(text: string, strict: boolean): { body: string; groups: string[][] } {
  let body = text;
  const groups: string[][] = [];
  while (body.endsWith(')')) {
    const at = openingParen(body);
    if (at < 0) break;
    const names = splitStates(body.slice(at + 1, -1));
    const accepted =
      names.length > 0 && (groups.length === 0 && !strict ? names.every(looksLikeState) : names.every(isKnownState));
    if (!accepted) break;
    groups.unshift(names);
    body = body.slice(0, at).replace(/[\s;,]+$/, '');
  }
  return { body, groups };
}

/**
 * The recommending States of a recommendation and its words without them. States are the groups in
 * parentheses at its end; a merged recommendation ("Harmonize … (Bolivia, Spain); Harmonize … in order
 * to … (Spain)") adds the States that end each of its parts. One that names its States inside ("Sign
 * (Uganda) and ratify (Costa Rica, Sweden) OP-CAT") keeps its words whole and takes every group made
 * of States' names. Each State once, in the order they appear.
 */
export function statesOfRecommendation(full: string): { text: string; states: string[] } {
  const cleaned = full
    .trim()
    .replace(/\)\s*\d{1,2}\s*([;.,]?)\s*$/, ')$1') // a footnote mark after the States
    .replace(/[\s;.,]+$/, '');
  const { body, groups } = trailingStates(cleaned, false);
  const states: string[] = [];
  const add = (name: string) => {
    if (!states.includes(name)) states.push(name);
  };
  if (groups.length > 0) {
    for (const part of body.matchAll(/\)\s*;/g)) {
      const before = trailingStates(body.slice(0, (part.index as number) + 1), true);
      for (const name of before.groups.flat()) add(name);
    }
    for (const name of groups.flat()) add(name);
    return { text: body.replace(/[\s;,:]+$/, ''), states };
  }
  for (const group of parenGroups(body)) {
    const names = splitStates(group);
    if (names.length > 0 && names.every(isKnownState)) for (const name of names) add(name);
  }
  return { text: body.replace(/[\s;,:]+$/, ''), states };
}

function joinLines(parts: string[]): string {
  let text = '';
  for (const part of parts) {
    if (!text) text = part;
    else if (/[\p{L}]-$/u.test(text) && /^\p{Ll}/u.test(part)) text += part;
    else text += ` ${part}`;
  }
  return text;
}

/** Whether a recommendation's words have reached their States (so what follows is not its text). */
function complete(parts: string[]): boolean {
  const text = joinLines(parts).replace(/\)\s*\d{1,2}\s*$/, ')');
  if (/\)\s*[;.]\s*$/.test(text)) return true;
  if (!text.endsWith(')')) return false;
  const at = openingParen(text);
  return at >= 0 && splitStates(text.slice(at + 1, -1)).every(isKnownState);
}

/**
 * A line after a finished recommendation. In the UN's thematic list these give its position
 * ("Source of Position: A/HRC/59/15/Add.1 - Para.3", then "Supported" or "Noted"), its themes ("- Right
 * to health") and, after "Groups of Persons:", the groups and the SDGs, which are left out. Anything
 * else there (a footnote, a theme's heading) is not part of it.
 */
function trailer(open: Open, line: string): void {
  if (/^source of position\b/i.test(line)) {
    const source = /(A\/HRC\/\d+\/\d+)(?:\/Add\.\d+)?/.exec(line);
    if (source) open.symbol = source[1] as string;
    return;
  }
  if (/^groups of persons\b/i.test(line)) {
    open.trailer = 'groups';
    return;
  }
  const response = line.length <= 40 ? normalizeResponse(line) : undefined;
  if (response) {
    open.response = response;
    open.trailer = 'themes';
    return;
  }
  const theme = /^[-•–]\s+(.+)$/.exec(line);
  if (theme && open.trailer === 'themes') {
    const name = (theme[1] as string).trim();
    if (!open.themes.includes(name)) open.themes.push(name);
  }
}

/** Splits pasted report text into recommendations. */
export function splitPastedRecommendations(pasted: string, options: PasteOptions = {}): PasteParse {
  const lines = pasted
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .split('\n');
  const rows: ImportRow[] = [];
  const sections: PastedSection[] = [];
  const problems: ImportProblem[] = [];
  let symbol: string | null = options.documentSymbol ?? null;
  let section: PastedSection | undefined;
  /** The lead sentence still being read (it ends with a colon, or at the first recommendation). */
  let leadOpen = false;
  let current: Open | undefined;
  let lastMinor = 0;
  const seen = new Set<string>();
  /** Whether the section numbers its recommendations 1, 2, 3… (first cycle) rather than "93.1". */
  let numbered = false;
  const done: Open[] = [];

  const finish = () => {
    if (current) done.push(current);
    current = undefined;
  };
  const start = (major: number, minor: number, line: number, text: string) => {
    finish();
    leadOpen = false;
    if (!section) {
      section = { number: String(major), line, lead: '', response: null };
      sections.push(section);
    }
    lastMinor = minor;
    seen.add(`${major}.${minor}`);
    current = { major, minor, line, parts: [], response: section.response, themes: [], trailer: 'none' };
    add(text, line);
  };
  // Adds words to the open recommendation; a next number printed inside the line ("…(Norway);
  // 126.50 Continue …") starts the next recommendation there.
  const add = (text: string, line: number) => {
    if (!current) return;
    const open = current;
    const inline = /\)\s*[;.]?\s+(\d{1,3})\.(\d{1,3})\.?\s+(?=\S)/g;
    for (const match of text.matchAll(inline)) {
      if (Number(match[1]) === open.major && Number(match[2]) === open.minor + 1) {
        const cut = (match.index as number) + (match[0].indexOf(')') + 1);
        const after = text.slice(cut).replace(/^\s*[;.]?/, '');
        open.parts.push(`${text.slice(0, cut)};`.trim());
        const rest = after.trim().replace(/^(\d{1,3})\.(\d{1,3})\.?\s+/, '');
        start(Number(match[1]), Number(match[2]), line, rest);
        return;
      }
    }
    if (text) open.parts.push(text);
  };

  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    const line = raw.replace(/[ \t]+/g, ' ').trim();
    if (!line) continue;
    const isNoise = noise(line);
    if (isNoise) {
      if (isNoise.symbol && !symbol) symbol = isNoise.symbol;
      continue;
    }
    if (CLOSING.test(line)) {
      finish();
      break;
    }
    const rec = /^(\d{1,3})\.(\d{1,3})\.?(?:\s+(.*))?$/.exec(line);
    if (rec) {
      const major = Number(rec[1]);
      const minor = Number(rec[2]);
      // A list pasted without its lead sentence may go on to the next section's "105.1".
      const nextSection = section && major > Number(section.number) && minor === 1 && !leadOpen;
      if (nextSection) {
        finish();
        section = { number: String(major), line: lineNo, lead: '', response: null };
        sections.push(section);
        lastMinor = 0;
        numbered = false;
      }
      // The UN's thematic list groups recommendations by theme, so after a finished one any number
      // of the section not seen yet starts the next.
      const fits = section
        ? major === Number(section.number) &&
          (minor > lastMinor ||
            (!seen.has(`${major}.${minor}`) && current !== undefined && complete((current as Open).parts)))
        : true;
      if (fits) {
        start(major, minor, lineNo, rec[3]?.trim() ?? '');
        continue;
      }
    }
    // Early first-cycle reports number their recommendations 1, 2, 3… inside the section's paragraph:
    // "93." … "1. Continue to promote …" is recommendation 93.1.
    const item = /^(\d{1,3})\.(?:\s+(.*))?$/.exec(line);
    if (
      item &&
      section &&
      (numbered || lastMinor === 0) &&
      Number(item[1]) === lastMinor + 1 &&
      leadResponse(item[2] ?? '') === undefined
    ) {
      numbered = true;
      start(Number(section.number), Number(item[1]), lineNo, item[2]?.trim() ?? '');
      continue;
    }
    const lead = /^(\d{1,3})\.(?:\s+(\D.*))?$/.exec(line);
    if (lead && (!section || Number(lead[1]) > Number(section.number))) {
      finish();
      numbered = false;
      const words = lead[2]?.trim() ?? '';
      section = { number: lead[1] as string, line: lineNo, lead: words, response: leadResponse(words) ?? null };
      sections.push(section);
      lastMinor = 0;
      leadOpen = !words.endsWith(':');
      continue;
    }
    if (leadOpen && section && !current) {
      section.lead = section.lead ? `${section.lead} ${line}` : line;
      section.response = leadResponse(section.lead) ?? null;
      if (line.endsWith(':')) leadOpen = false;
      continue;
    }
    // A recommendation ending in "(Portugal)" may go on with "(Israel);" on the next line.
    const moreStates = line.startsWith('(') && !/\)\s*\d{0,2}\s*[;.]\s*$/.test(joinLines(current?.parts ?? []));
    // Numbered items run to the next number: a merged one goes on after "(Spain);".
    if (current && (numbered || current.parts.length === 0 || !complete(current.parts) || moreStates)) {
      add(line, lineNo);
      continue;
    }
    if (current) trailer(current, line);
    // Otherwise: a footnote or a mark after a finished recommendation.
  }
  finish();

  for (const open of done) {
    const themes = open.themes;
    const { text, states } = statesOfRecommendation(joinLines(open.parts));
    const fields = RecommendationFields.safeParse({
      ...RECOMMENDATION_DEFAULTS,
      text,
      recommendingStates: states,
      paragraph: `${open.major}.${open.minor}`,
      response: open.response,
      themes,
      documentSymbol: options.documentSymbol ?? open.symbol ?? symbol,
      cycle: options.cycle ?? null,
      session: options.session ?? null,
    });
    if (!fields.success) {
      problems.push({
        line: open.line,
        code: text ? 'INVALID_VALUE' : 'NO_TEXT',
        severity: problemSeverity(text ? 'INVALID_VALUE' : 'NO_TEXT'),
        value: `${open.major}.${open.minor}`,
      });
      continue;
    }
    if (states.length === 0) {
      problems.push({
        line: open.line,
        code: 'NO_STATES',
        severity: problemSeverity('NO_STATES'),
        value: `${open.major}.${open.minor}`,
      });
    }
    rows.push({ line: open.line, fields: fields.data });
  }
  if (rows.length === 0) problems.push({ line: 0, code: 'NO_RECOMMENDATIONS', severity: 'fatal' });
  return { rows, sections, problems, documentSymbol: symbol };
}
