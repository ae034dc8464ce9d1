// One reading of what is being imported — a CSV file or pasted report text — for the preview and the
// import alike, so what the preview shows is exactly what the import writes.
import type { RecommendationImportSource } from '../../shared/api/recommendation-import.ts';
import { UprightError } from '../../shared/errors.ts';
import type { ColumnMapping, ImportProblem, ImportRow } from '../../shared/recommendation-import.ts';
import type { RecommendationResponse } from '../../shared/recommendations.ts';
import { recommendationImportKey } from '../../shared/recommendations.ts';
import { applyMappingOverrides, detectMapping, MappingError, parseRecommendationsCsv } from './csv.ts';
import { decodeCsv } from './decode.ts';
import { splitPastedRecommendations } from './paste.ts';

export interface ImportReading {
  kind: 'csv' | 'paste';
  encoding: string | null;
  delimiter: string | null;
  mapping: ColumnMapping;
  sections: { number: string; line: number; lead: string; response: RecommendationResponse | null; count: number }[];
  documentSymbol: string | null;
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Recommendations read, good or not. */
  read: number;
  importable: boolean;
}

const MAX_CSV_BYTES = 30 * 1024 * 1024;

/**
 * Rows with the same import key (report, number and words) are one recommendation: the first keeps
 * its place and takes the others' States and themes — a table listing a shared recommendation once
 * per State loses none of them.
 */
function mergeSame(reading: ImportReading): ImportReading {
  const first = new Map<string, ImportRow>();
  const rows: ImportRow[] = [];
  const problems = [...reading.problems];
  for (const row of reading.rows) {
    const key = recommendationImportKey(row.fields);
    const kept = first.get(key);
    if (!kept) {
      const copy = { ...row, fields: { ...row.fields } };
      first.set(key, copy);
      rows.push(copy);
      continue;
    }
    const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
    kept.fields.recommendingStates = union(kept.fields.recommendingStates, row.fields.recommendingStates);
    kept.fields.themes = union(kept.fields.themes, row.fields.themes);
    kept.fields.response ??= row.fields.response;
    problems.push({ line: row.line, code: 'SAME_AS_LINE', severity: 'notice', value: String(kept.line) });
  }
  problems.sort((a, b) => a.line - b.line);
  return { ...reading, rows, problems };
}

export function readImport(source: RecommendationImportSource): ImportReading {
  return mergeSame(readSource(source));
}

function readSource(source: RecommendationImportSource): ImportReading {
  if (source.kind === 'paste') {
    const parsed = splitPastedRecommendations(source.text, {
      documentSymbol: source.documentSymbol ?? null,
      cycle: source.cycle ?? null,
      session: source.session ?? null,
    });
    const skipped = parsed.problems.filter((p) => p.severity === 'row').length;
    return {
      kind: 'paste',
      encoding: null,
      delimiter: null,
      mapping: [],
      sections: parsed.sections.map((section) => ({
        ...section,
        count: parsed.rows.filter((row) => row.fields.paragraph?.startsWith(`${section.number}.`)).length,
      })),
      documentSymbol: parsed.documentSymbol,
      rows: parsed.rows,
      problems: parsed.problems,
      read: parsed.rows.length + skipped,
      importable: !parsed.problems.some((p) => p.severity === 'fatal'),
    };
  }
  const bytes = Buffer.from(source.data, 'base64');
  if (bytes.length === 0) throw new UprightError('FILE_EMPTY');
  if (bytes.length > MAX_CSV_BYTES) throw new UprightError('FILE_TOO_LARGE');
  const decoded = decodeCsv(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  let mapping = source.mapping;
  if (!mapping && source.map?.length) {
    const headers = parseRecommendationsCsv(decoded.text).mapping.map((m) => m.header);
    try {
      mapping = applyMappingOverrides(detectMapping(headers), source.map);
    } catch (error) {
      if (error instanceof MappingError) throw new UprightError('RECOMMENDATION_MAPPING_INVALID', { spec: error.spec });
      throw error;
    }
  }
  const parsed = parseRecommendationsCsv(decoded.text, mapping ? { mapping } : {});
  return {
    kind: 'csv',
    encoding: decoded.encoding,
    delimiter: parsed.delimiter,
    mapping: parsed.mapping,
    sections: [],
    documentSymbol: null,
    rows: parsed.rows,
    problems: parsed.problems,
    read: parsed.rowCount,
    importable: !parsed.problems.some((p) => p.severity === 'fatal'),
  };
}
