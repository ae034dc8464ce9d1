// A table of recommendations (CSV, as the UN's UPR database and similar tables publish them) to
// recommendations: the columns are found by their headers in any order and several languages, extra
// columns are left out, blank rows skipped, and every problem is named by the line it starts on.
import Papa from 'papaparse';
import {
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
  type ImportProblem,
  type ImportProblemCode,
  type ImportRow,
  problemSeverity,
} from '../../shared/recommendation-import.ts';
import { RECOMMENDATION_DEFAULTS, RecommendationFields } from '../../shared/recommendations.ts';
import { fold, normalizeCycle, normalizeResponse, splitStates, splitThemes } from './normalize.ts';
import { statesOfRecommendation } from './paste.ts';

// Tried in this order on each header, so "Recommending State" and "Recommendation No." are not
// taken for the recommendation's text, nor "State under review" for the recommending State.
const HEADER_RULES: [RegExp, ImportField | null][] = [
  // The UN's thematic list: "Recommendation and recommending State", "Position of the State under
  // review", "Human rights themes and groups of persons", "Relevant SDGs".
  [/^recommendations? and recommending states?$|^рекомендация и рекомендующее государство$/, 'text'],
  [/^position of the state under review$|^позиция государства.* обзор/, 'response'],
  [/sdgs?\b|цур/, null],
  [/state under review|^sur$|reviewed state|государство.* обзор|обзор.*государств|etat (examine|sous examen)/, null],
  [
    /^(para(graph)?\.?( no\.?)?|rec(ommendation)?\.? ?(no|nr|number|num|#|id)\.?|no\.?|nr\.?|#|number|ref(erence)?|пункт|номер|№|п\/п|numero)( .*)?$/,
    'paragraph',
  ],
  [
    /response|position|status|answer|reply|^(supported|accepted)( ?\/ ?noted)?$|ответ|позиция|реакция|статус|reponse|respuesta|posicion/,
    'response',
  ],
  [
    /recommending|recommended by|^(state|states|country|countries|delegation)\b|^from\b|source state|submitted by|рекомендующ|^государств|^страна|^страны|^делегац|^etat|^pais|^estado/,
    'recommendingStates',
  ],
  [/cycle|цикл|ciclo/, 'cycle'],
  [/session|сесси|sesion/, 'session'],
  [/document|symbol|report|документ|доклад|rapport|informe/, 'documentSymbol'],
  [/issue|theme|topic|subject|тема|темы|вопрос|тематик|sujet|tema/, 'themes'],
  [/recommendation|^text|wording|рекомендац|текст|recommandation|recomendacion/, 'text'],
];

/** The field a header names, or null. */
export function fieldForHeader(header: string): ImportField | null {
  const h = fold(header)
    .replace(/[_*:"']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!h) return null;
  for (const [pattern, field] of HEADER_RULES) if (pattern.test(h)) return field;
  return null;
}

/** A mapping from a header row: the first column that names a field takes it. */
export function detectMapping(headers: string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((header, column) => {
    const field = fieldForHeader(header);
    if (!field || taken.has(field)) return { column, header, field: null };
    taken.add(field);
    return { column, header, field };
  });
}

export class MappingError extends Error {
  readonly spec: string;
  readonly reason: 'NO_COLUMN' | 'NO_FIELD';
  constructor(spec: string, reason: 'NO_COLUMN' | 'NO_FIELD') {
    super(`${reason}: ${spec}`);
    this.spec = spec;
    this.reason = reason;
  }
}

const FIELD_NAMES: Record<string, ImportField | null> = {
  text: 'text',
  recommendation: 'text',
  state: 'recommendingStates',
  states: 'recommendingStates',
  recommendingstate: 'recommendingStates',
  recommendingstates: 'recommendingStates',
  cycle: 'cycle',
  session: 'session',
  document: 'documentSymbol',
  documentsymbol: 'documentSymbol',
  symbol: 'documentSymbol',
  paragraph: 'paragraph',
  para: 'paragraph',
  number: 'paragraph',
  response: 'response',
  position: 'response',
  themes: 'themes',
  theme: 'themes',
  issues: 'themes',
  ignore: null,
  none: null,
  '-': null,
};

/**
 * Applies overrides "col=field" (col: a header, case-insensitive, or a 1-based column number; field:
 * text, states, cycle, session, document, paragraph, response, themes, or ignore). A field given to
 * one column is taken from any other.
 */
export function applyMappingOverrides(mapping: ColumnMapping, specs: string[]): ColumnMapping {
  let result = mapping.map((entry) => ({ ...entry }));
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    const column = spec.slice(0, at).trim();
    const fieldName = fold(spec.slice(at + 1)).replace(/[\s_]/g, '');
    if (at <= 0 || !(fieldName in FIELD_NAMES)) throw new MappingError(spec, 'NO_FIELD');
    const field = FIELD_NAMES[fieldName] ?? null;
    const index = /^\d+$/.test(column)
      ? Number(column) - 1
      : result.findIndex((entry) => fold(entry.header) === fold(column));
    const target = result[index];
    if (!target) throw new MappingError(spec, 'NO_COLUMN');
    if (field) result = result.map((entry) => (entry.field === field ? { ...entry, field: null } : entry));
    (result[index] as (typeof result)[number]).field = field;
  }
  return result;
}

export interface CsvParse {
  mapping: ColumnMapping;
  /** Rows that can be imported (none when a problem is fatal). */
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Rows that held something (blank rows are not counted). */
  rowCount: number;
  delimiter: string;
}

function problem(line: number, code: ImportProblemCode, value?: string, field?: ImportField): ImportProblem {
  const p: ImportProblem = { line, code, severity: problemSeverity(code) };
  if (value !== undefined) p.value = value.length > 200 ? `${value.slice(0, 199)}…` : value;
  if (field) p.field = field;
  return p;
}

interface RawRow {
  line: number;
  cells: string[];
  broken: boolean;
}

function readRows(text: string): { rows: RawRow[]; delimiter: string } {
  // Line starts, to name each row by the line it starts on (a quoted cell may span several lines).
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const rows: RawRow[] = [];
  let start = 0;
  let delimiter = ',';
  // Excel's "sep=;" first line names the separator; it is read as a blank line, so offsets and
  // line numbers stay the file's.
  const sep = /^sep=(.)[ \t]*(?=\r?\n|$)/i.exec(text);
  const input = sep ? ' '.repeat(sep[0].length) + text.slice(sep[0].length) : text;
  Papa.parse<string[]>(input, {
    skipEmptyLines: false,
    ...(sep ? { delimiter: sep[1] as string } : { delimitersToGuess: [',', ';', '\t', '|'] }),
    step(result) {
      delimiter = result.meta.delimiter;
      let at = start;
      while (text[at] === '\r' || text[at] === '\n') at++;
      rows.push({
        line: lineAt(Math.min(at, Math.max(0, text.length - 1))),
        cells: result.data,
        broken: result.errors.some((error) => error.type === 'Quotes'),
      });
      start = result.meta.cursor;
    },
  });
  return { rows, delimiter };
}

const blank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/** Reads a decoded CSV text with the mapping found from its header, or the one given. */
export function parseRecommendationsCsv(text: string, options: { mapping?: ColumnMapping } = {}): CsvParse {
  const { rows, delimiter } = readRows(text.replace(/^\ufeff/, ''));
  const problems: ImportProblem[] = [];
  // The header is the first row naming a column of recommendation text (a title or a note may sit
  // above it), or else the first row that holds anything.
  const candidates = rows.filter((row) => !blank(row.cells)).slice(0, 10);
  const named = candidates.find((row) => detectMapping(row.cells).some((entry) => entry.field === 'text'));
  const headerAt = rows.indexOf(named ?? (candidates[0] as RawRow));
  const header = rows[headerAt];
  if (!header) {
    return { mapping: [], rows: [], problems: [problem(0, 'NO_RECOMMENDATIONS')], rowCount: 0, delimiter };
  }
  const headers = header.cells.map((cell) => cell.replace(/\s+/g, ' ').trim());
  const mapping = options.mapping ?? detectMapping(headers);
  if (header.broken) problems.push(problem(header.line, 'BROKEN_QUOTES'));
  const textColumn = mapping.find((entry) => entry.field === 'text');
  if (!textColumn) problems.push(problem(header.line, 'NO_TEXT_COLUMN'));

  const out: ImportRow[] = [];
  let rowCount = 0;
  for (const row of rows.slice(headerAt + 1)) {
    if (blank(row.cells) && !row.broken) continue;
    rowCount++;
    if (row.broken) {
      problems.push(problem(row.line, 'BROKEN_QUOTES'));
      continue;
    }
    if (row.cells.length > headers.length && !blank(row.cells.slice(headers.length))) {
      problems.push(problem(row.line, 'TOO_MANY_FIELDS', String(row.cells.length)));
      continue;
    }
    if (!textColumn) continue;
    const read = readRow(row, mapping);
    if ('problem' in read) problems.push(read.problem);
    else out.push({ line: row.line, fields: read.fields });
  }
  const fatal = problems.some((p) => p.severity === 'fatal');
  if (!fatal && out.length === 0 && rowCount === 0) problems.push(problem(0, 'NO_RECOMMENDATIONS'));
  return { mapping, rows: fatal ? [] : out, problems, rowCount, delimiter };
}

function readRow(row: RawRow, mapping: ColumnMapping): { fields: RecommendationFields } | { problem: ImportProblem } {
  const fields: RecommendationFields = { ...RECOMMENDATION_DEFAULTS, text: '' };
  for (const { column, field } of mapping) {
    if (!field) continue;
    const raw = (row.cells[column] ?? '').trim();
    switch (field) {
      case 'text':
        fields.text = raw.replace(/\s+/g, ' ');
        break;
      case 'recommendingStates':
        fields.recommendingStates = splitStates(raw);
        break;
      case 'cycle': {
        const cycle = normalizeCycle(raw);
        if (cycle === undefined) return { problem: problem(row.line, 'UNKNOWN_CYCLE', raw, field) };
        fields.cycle = cycle;
        break;
      }
      case 'session':
        fields.session = raw ? raw.replace(/^(session|сессия)\s*/i, '').replace(/(st|nd|rd|th)$/i, '') || raw : null;
        break;
      case 'documentSymbol': {
        // "A/HRC/28/10, para. 126.29" fills the paragraph too when no column of its own does.
        const withPara = /^(.*?)[,\s]+(?:para(?:graph)?\.?|п\.|пункт)\s*(\d+(?:\.\d+)*)\.?$/i.exec(raw);
        fields.documentSymbol = (withPara ? withPara[1]?.trim() : raw) || null;
        if (withPara && !mapping.some((entry) => entry.field === 'paragraph')) fields.paragraph = withPara[2] ?? null;
        break;
      }
      case 'paragraph':
        fields.paragraph = raw.replace(/^(para(graph)?\.?|п\.|пункт|№)\s*/i, '').replace(/\.$/, '') || null;
        break;
      case 'response': {
        const response = normalizeResponse(raw);
        if (response === undefined) return { problem: problem(row.line, 'UNKNOWN_RESPONSE', raw, field) };
        fields.response = response;
        break;
      }
      case 'themes':
        fields.themes = splitThemes(raw);
        break;
    }
  }
  if (!fields.text) return { problem: problem(row.line, 'NO_TEXT', undefined, 'text') };
  // "140.7 Ratify … (Maldives) (Portugal);" in one cell: the number and the States come from the words
  // when no column of their own holds them.
  const mapped = new Set(mapping.map((entry) => entry.field));
  if (!mapped.has('paragraph')) {
    const numbered = /^(\d{1,3}\.\d{1,3})\.?\s+(\S.*)$/.exec(fields.text);
    if (numbered) {
      fields.paragraph = numbered[1] as string;
      fields.text = numbered[2] as string;
    }
  }
  if (!mapped.has('recommendingStates')) {
    const { text, states } = statesOfRecommendation(fields.text);
    if (states.length > 0) {
      fields.text = text;
      fields.recommendingStates = states;
    }
  }
  const parsed = RecommendationFields.safeParse(fields);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return {
      problem: problem(
        row.line,
        'INVALID_VALUE',
        undefined,
        typeof field === 'string' && (IMPORT_FIELDS as readonly string[]).includes(field)
          ? (field as ImportField)
          : undefined,
      ),
    };
  }
  return { fields: parsed.data };
}
