import { z } from 'zod';
import { ACCESSED_SOURCES, PARTIAL_DATE, SOURCE_KINDS, WEB_ADDRESS } from '../domain.ts';
import { ImportWarning } from '../warnings.ts';
import { Id } from './dossiers.ts';
import { method } from './method.ts';
import { PageParams, pageOf } from './paging.ts';

export const SOURCE_FORMATS = ['pdf', 'docx', 'html', 'text', 'markdown'] as const;

export const PageSpan = z.object({ page: z.number().int().min(1), start: z.number().int(), end: z.number().int() });
export type PageSpan = z.infer<typeof PageSpan>;

export const Block = z.object({
  kind: z.enum(['heading', 'paragraph', 'list-item', 'footnote', 'quote']),
  level: z.number().int().min(1).max(6).optional(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Block = z.infer<typeof Block>;

export const SourceSummary = z.object({
  id: Id,
  dossierId: Id,
  title: z.string(),
  kind: z.enum(SOURCE_KINDS),
  authorOrganisation: z.string().nullable(),
  date: z.string().nullable(),
  symbol: z.string().nullable(),
  language: z.string().nullable(),
  reliabilityNote: z.string(),
  format: z.enum(SOURCE_FORMATS).nullable(),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
  pageCount: z.number().int(),
  sha256: z.string().nullable(),
  importedAt: z.string().nullable(),
  /** Sources sharing it are renditions of one document in different formats; null when not linked. */
  renditionGroup: z.string().nullable(),
  /** The web address the document was read at (a saved page's canonical or "saved from" address). */
  url: z.string().nullable(),
  /** The day it was read there, YYYY-MM-DD (possibly partial when a person typed it). */
  accessed: z.string().nullable(),
  /** Where `accessed` comes from, so nobody mistakes an import date for the day the page was read. */
  accessedSource: z.enum(ACCESSED_SOURCES).nullable(),
  /** How many live excerpts it has (a kept count, not recounted). */
  excerptCount: z.number().int(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

export const SourceDetail = SourceSummary.extend({
  text: z.string(),
  blocks: z.array(Block),
  pages: z.array(PageSpan),
  warnings: z.array(ImportWarning),
});
export type SourceDetail = z.infer<typeof SourceDetail>;

/** A file handed over by the renderer (drag and drop, file input): its name only, never a path. */
const ImportFile = z.object({
  name: z
    .string()
    .min(1)
    .max(255)
    .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'A file name, not a path'),
  /** The bytes, base64-encoded (JSON transports carry no binary). */
  data: z.string().max(300 * 1024 * 1024),
  /** The file's modification time (File.lastModified, ms since 1970): a saved page's access date when it names none. */
  modifiedAt: z.number().int().min(0).max(8.64e15).optional(),
});

export const ImportOutcome = z.object({
  name: z.string(),
  status: z.enum(['imported', 'duplicate', 'failed', 'cancelled']),
  sourceId: z.string().nullable(),
  title: z.string().nullable(),
  pages: z.number().int().nullable(),
  sha256: z.string().nullable(),
  duplicateOf: z.object({ sourceId: z.string(), title: z.string() }).nullable(),
  error: z
    .object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
    .nullable(),
  /** Sources already in the dossier with the same text (another format of this document), to offer linking. */
  sameTextAs: z.array(
    z.object({
      sourceId: z.string(),
      title: z.string(),
      format: z.enum(SOURCE_FORMATS).nullable(),
      similarity: z.number(),
    }),
  ),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportProgress = z.object({
  taskId: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  /** The file being read now, null when finished. */
  current: z.string().nullable(),
  outcome: ImportOutcome.nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** Chosen by the caller so it can cancel before the call returns. */
const TaskId = z.string().min(8).max(64);

export const Renditions = z.object({
  /** Every source of the group, this one included, in import order; empty when not linked. */
  linked: z.array(SourceSummary),
  /** Sources of the dossier whose paragraphs are (nearly) the same, not linked yet; most alike first. */
  sameText: z.array(z.object({ source: SourceSummary, similarity: z.number() })),
});
export type Renditions = z.infer<typeof Renditions>;

const SourceFields = z.object({
  title: z.string().trim().min(1, 'A source needs a title').max(500),
  kind: z.enum(SOURCE_KINDS),
  authorOrganisation: z.string().trim().max(300).nullable(),
  date: z.string().regex(PARTIAL_DATE, 'Use 2021, 2021-06 or 2021-06-30').nullable(),
  symbol: z.string().trim().max(120).nullable(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'Use a language code such as en or ru')
    .nullable(),
  reliabilityNote: z.string().max(5000),
  url: z.string().trim().max(2000).regex(WEB_ADDRESS, 'Use a web address starting with https:// or http://').nullable(),
  /** Setting it records that a person gave the access date. */
  accessed: z.string().regex(PARTIAL_DATE, 'Use 2024-06-30 (or 2024-06, 2024)').nullable(),
});

export const sourcesApi = {
  'source.list': method({
    summary: 'The sources of a dossier, in import order, a page at a time (limit, cursor), with the total.',
    params: z.object({ dossierId: Id, ...PageParams }).strict(),
    result: pageOf(SourceSummary),
  }),
  'source.get': method({
    summary: 'A source with its normalised text, structure and page map (for the reader).',
    params: z.object({ id: Id }).strict(),
    result: SourceDetail,
  }),
  'source.update': method({
    summary:
      'Correct a source’s metadata (title, kind, author, date, symbol, language, reliability note, web address, access date).',
    params: SourceFields.partial().extend({ id: Id }).strict(),
    result: SourceSummary,
  }),
  'source.original': method({
    summary: 'The original file’s bytes (base64), to show it as it was imported.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ fileName: z.string().nullable(), mediaType: z.string().nullable(), data: z.string() }),
  }),
  'source.delete': method({
    summary: 'Remove a source and its original from the vault.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
  }),
  'source.renormalise': method({
    summary:
      'Read a source’s original again with the current importer; excerpts re-anchor by quote and context, the rest are listed as orphans.',
    params: z.object({ id: Id }).strict(),
    result: z.object({
      unchanged: z.number().int(),
      moved: z.number().int(),
      orphans: z.array(z.object({ id: Id, exact: z.string() })),
    }),
  }),
  'source.renditions': method({
    summary:
      'The sources linked with this one as renditions of one document, and those with the same text not linked yet.',
    params: z.object({ id: Id }).strict(),
    result: Renditions,
  }),
  'source.linkRendition': method({
    summary: 'Link two sources of a dossier as renditions of one document (e.g. its PDF and its Word file).',
    params: z.object({ id: Id, otherId: Id }).strict(),
    result: Renditions,
  }),
  'source.unlinkRendition': method({
    summary: 'Take a source out of its group of renditions.',
    params: z.object({ id: Id }).strict(),
    result: Renditions,
  }),
  'import.files': method({
    summary: 'Import files (name + base64 bytes) into a dossier; progress arrives as import.progress events.',
    params: z.object({ taskId: TaskId, dossierId: Id, files: z.array(ImportFile).min(1).max(1000) }).strict(),
    result: z.object({ results: z.array(ImportOutcome) }),
  }),
  'import.pick': method({
    summary: 'Ask the person for files or a folder to import into a dossier, then import them.',
    params: z.object({ taskId: TaskId, dossierId: Id, what: z.enum(['files', 'folder']) }).strict(),
    result: z.object({ results: z.array(ImportOutcome) }),
  }),
  'import.cancel': method({
    summary: 'Stop an import in progress; files already imported stay.',
    params: z.object({ taskId: TaskId }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  }),
};
