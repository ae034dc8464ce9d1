// Importing recommendations (issue 14) from a CSV table or from a pasted Working Group report
// section: the column mapping, the problems found line by line, and a preview row. Declared once for
// the parsers (src/main/recommendations/), the API table, the dialog and the CLI.
import { z } from 'zod';
import { defineMessages } from './i18n/define.ts';
import { RecommendationFields } from './recommendations.ts';

/** The fields a CSV column can fill. */
export const IMPORT_FIELDS = [
  'text',
  'recommendingStates',
  'cycle',
  'session',
  'documentSymbol',
  'paragraph',
  'response',
  'themes',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/**
 * Which field each column fills, by column (0-based) — null for a column left out. The parser
 * detects one from the header; the person (or `--map col=field`) overrides it.
 */
export const ColumnMapping = z.array(
  z.object({
    column: z.number().int().min(0).max(500),
    header: z.string().max(500),
    field: ImportField.nullable(),
  }),
);
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/**
 * Problems that make the whole file unreliable: nothing is imported until they are fixed (an
 * unclosed quote swallows the rows after it; an extra unquoted separator shifts every column).
 */
export const FATAL_IMPORT_PROBLEMS = [
  'BROKEN_QUOTES',
  'TOO_MANY_FIELDS',
  'NO_TEXT_COLUMN',
  'NO_RECOMMENDATIONS',
] as const;
/** Problems that leave one row out; the others are imported. */
export const ROW_IMPORT_PROBLEMS = ['NO_TEXT', 'UNKNOWN_RESPONSE', 'UNKNOWN_CYCLE', 'INVALID_VALUE'] as const;
/** Things worth a look that import anyway. */
export const NOTICE_IMPORT_PROBLEMS = ['NO_STATES', 'SAME_AS_LINE'] as const;
export const IMPORT_PROBLEM_CODES = [
  ...FATAL_IMPORT_PROBLEMS,
  ...ROW_IMPORT_PROBLEMS,
  ...NOTICE_IMPORT_PROBLEMS,
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export const ImportProblem = z.object({
  /** 1-based line of the file or pasted text where the row or recommendation starts; 0 for the whole. */
  line: z.number().int().min(0),
  code: z.enum(IMPORT_PROBLEM_CODES),
  severity: z.enum(['fatal', 'row', 'notice']),
  /** The value that was not understood, or the column's header; never a whole row. */
  value: z.string().max(200).optional(),
  field: ImportField.optional(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export function problemSeverity(code: ImportProblemCode): ImportProblem['severity'] {
  if ((FATAL_IMPORT_PROBLEMS as readonly string[]).includes(code)) return 'fatal';
  if ((ROW_IMPORT_PROBLEMS as readonly string[]).includes(code)) return 'row';
  return 'notice';
}

/** One recommendation read from the file or the pasted text, with where it starts. */
export const ImportRow = z.object({
  line: z.number().int().min(1),
  fields: RecommendationFields,
});
export type ImportRow = z.infer<typeof ImportRow>;

/** How each problem is worded, in the dialog and on the command line (params: value, field). */
export const IMPORT_PROBLEM_MESSAGES = defineMessages({
  BROKEN_QUOTES: {
    id: 'recImport.problem.BROKEN_QUOTES',
    defaultMessage:
      'A quotation mark opened here is never closed: the rows after it cannot be read. Nothing is imported.',
  },
  TOO_MANY_FIELDS: {
    id: 'recImport.problem.TOO_MANY_FIELDS',
    defaultMessage:
      'This row has {value} cells, more than the header row (a separator that should be quoted): its columns cannot be trusted. Nothing is imported.',
    description: 'value: how many cells the row has',
  },
  NO_TEXT_COLUMN: {
    id: 'recImport.problem.NO_TEXT_COLUMN',
    defaultMessage: 'No column holds the recommendations’ words. Choose one as “Recommendation”.',
  },
  NO_RECOMMENDATIONS: {
    id: 'recImport.problem.NO_RECOMMENDATIONS',
    defaultMessage: 'No recommendations were found.',
  },
  NO_TEXT: {
    id: 'recImport.problem.NO_TEXT',
    defaultMessage: 'No recommendation text: this row is left out.',
  },
  UNKNOWN_RESPONSE: {
    id: 'recImport.problem.UNKNOWN_RESPONSE',
    defaultMessage:
      '“{value}” is not a response Upright knows (supported, noted, partially supported): this row is left out.',
    description: 'value: the cell as the file has it',
  },
  UNKNOWN_CYCLE: {
    id: 'recImport.problem.UNKNOWN_CYCLE',
    defaultMessage: '“{value}” is not a UPR cycle (such as 3, 3rd or III): this row is left out.',
    description: 'value: the cell as the file has it',
  },
  INVALID_VALUE: {
    id: 'recImport.problem.INVALID_VALUE',
    defaultMessage: 'A value of this row is too long or malformed: this row is left out.',
  },
  SAME_AS_LINE: {
    id: 'recImport.problem.SAME_AS_LINE',
    defaultMessage:
      'The same recommendation as on line {value} (same report, number and words): it is imported once, with the States of both.',
    description: 'value: the line where the recommendation first appears',
  },
  NO_STATES: {
    id: 'recImport.problem.NO_STATES',
    defaultMessage: 'No recommending State was found for {value}; it is imported without one.',
    description: 'value: the recommendation’s number, e.g. 126.4',
  },
});

/** What a problem's message needs, from the problem (absent values are empty). */
export function problemParams(problem: ImportProblem): { value: string; field: string } {
  return { value: problem.value ?? '', field: problem.field ?? '' };
}
