// Importing recommendations into the tracker (issue 14): a CSV table (the UN database's export and
// the like) with its column mapping, or the recommendations section of a Working Group report pasted
// from its PDF. A preview first — rows, per-line problems, how many are new — then one all-or-nothing
// import that adds nothing the dossier already holds.
import { z } from 'zod';
import { ColumnMapping, ImportProblem, ImportRow } from '../recommendation-import.ts';
import { RECOMMENDATION_RESPONSES } from '../recommendations.ts';
import { Id } from './dossiers.ts';
import { method } from './method.ts';

/** What is imported: a CSV file's bytes, or pasted report text. */
export const RecommendationImportSource = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('csv'),
      /** The file's name, for the preview and messages. */
      name: z.string().max(255).optional(),
      /** The file's bytes, base64-encoded (UTF-8 or Windows-1251, with or without BOM). */
      data: z.string().max(40 * 1024 * 1024),
      /** The whole mapping, as the preview returned it and the person edited it. */
      mapping: ColumnMapping.optional(),
      /** Or changes to the detected mapping: "Column header=field" or "3=field" (field: text, states, cycle, session, document, paragraph, response, themes, ignore). */
      map: z.array(z.string().min(3).max(300)).max(50).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('paste'),
      text: z.string().min(1).max(5_000_000),
      /** The report's symbol, when the pasted text has no running header ("A/HRC/28/10"). */
      documentSymbol: z.string().trim().max(300).nullable().optional(),
      cycle: z.number().int().min(1).max(20).nullable().optional(),
      session: z.string().trim().max(300).nullable().optional(),
    })
    .strict(),
]);
export type RecommendationImportSource = z.infer<typeof RecommendationImportSource>;

const ImportParams = z.object({ dossierId: Id, source: RecommendationImportSource }).strict();

/** A recommendation of the preview, and whether the dossier already holds it (then it is not added again). */
export const PreviewRow = ImportRow.extend({ present: z.boolean() });
export type PreviewRow = z.infer<typeof PreviewRow>;

export const PastedSectionPreview = z.object({
  number: z.string(),
  line: z.number().int(),
  lead: z.string(),
  response: z.enum(RECOMMENDATION_RESPONSES).nullable(),
  count: z.number().int().min(0),
});

export const RecommendationImportPreview = z.object({
  kind: z.enum(['csv', 'paste']),
  /** CSV: the file's encoding and separator, and the mapping used (detected or given). */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  mapping: ColumnMapping,
  /** Paste: the report's sections with their lead sentences and responses. */
  sections: z.array(PastedSectionPreview),
  documentSymbol: z.string().nullable(),
  rows: z.array(PreviewRow),
  problems: z.array(ImportProblem),
  counts: z.object({
    /** Recommendations read (rows with something in them, or numbered recommendations). */
    read: z.number().int().min(0),
    /** Would be added. */
    new: z.number().int().min(0),
    /** Already in the dossier (same report, number and words). */
    present: z.number().int().min(0),
    /** Of those, how many get the State's answer they lacked ("no response" → supported or noted). */
    answered: z.number().int().min(0),
    /** Left out for a problem on their line. */
    skipped: z.number().int().min(0),
  }),
  /** False when a problem makes the whole file unreliable: importing then writes nothing. */
  importable: z.boolean(),
});
export type RecommendationImportPreview = z.infer<typeof RecommendationImportPreview>;

export const recommendationImportApi = {
  'recommendation.importPreview': method({
    summary:
      'Read a CSV file (base64; columns found by their headers, or the mapping given) or pasted Working Group report text without writing anything: the recommendations it holds, the problems by line, and how many are new or already in the dossier.',
    params: ImportParams,
    result: RecommendationImportPreview,
  }),
  'recommendation.import': method({
    summary:
      'Import the recommendations of a CSV file or pasted report text into a dossier in one transaction: all or nothing, refused when a problem makes the file unreliable; rows with a problem of their own are left out; those already in the dossier are not added again, but get the State’s response when theirs was none yet.',
    params: ImportParams,
    result: z.object({
      added: z.number().int().min(0),
      present: z.number().int().min(0),
      /** Recommendations already there that got the State's answer they lacked. */
      answered: z.number().int().min(0),
      skipped: z.number().int().min(0),
      problems: z.array(ImportProblem),
      ids: z.array(Id),
    }),
  }),
};
