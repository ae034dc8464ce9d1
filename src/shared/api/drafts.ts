import { z } from 'zod';
import { CheckCodeSchema, CheckParams } from '../check-messages.ts';
import { DRAFT_TEMPLATES, DraftBody, DraftCover, UN_LANGUAGES } from '../draft.ts';
import { Id } from './dossiers.ts';
import { EventFilter } from './events.ts';
import { method } from './method.ts';
import { SOURCE_FORMATS } from './sources.ts';

export const Draft = z.object({
  id: Id,
  dossierId: Id,
  title: z.string(),
  template: z.enum(DRAFT_TEMPLATES),
  cover: DraftCover,
  body: DraftBody,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof Draft>;

export const DraftSummary = Draft.omit({ cover: true, body: true }).extend({ words: z.number().int() });
export type DraftSummary = z.infer<typeof DraftSummary>;

/** Where a check result, a footnote or a substitution sits in the draft. */
export const DraftTarget = z.discriminatedUnion('kind', [
  /** A numbered body paragraph (1-based, as printed). */
  z.object({ kind: z.literal('paragraph'), number: z.number().int() }),
  /** A footnote (1-based, as printed). */
  z.object({ kind: z.literal('note'), number: z.number().int() }),
  /** A field of the cover form: "contactEmail", "organisations", "keywords"… */
  z.object({ kind: z.literal('cover'), field: z.string() }),
  z.object({ kind: z.literal('draft') }),
]);
export type DraftTarget = z.infer<typeof DraftTarget>;

export const CheckResult = z.object({
  /** Stable rule id: "word-limit", "never-export", "citation-resolves"… */
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  /** What was found, as data: worded where it is read (src/shared/check-messages.ts). */
  code: CheckCodeSchema,
  params: CheckParams,
  target: DraftTarget,
});
export type CheckResult = z.infer<typeof CheckResult>;

export const Footnote = z.object({
  number: z.number().int(),
  excerptId: Id,
  /** The note as exported: "Government of Kazakhstan, Information supplied … (2022), p. 1." */
  text: z.string(),
  /**
   * The cited source's file format, shown beside the note in the editor so renditions of one
   * document can be told apart; the exported note names it only when two renditions are cited.
   */
  sourceFormat: z.enum(SOURCE_FORMATS).nullable().optional(),
  /**
   * Why this note cannot be exported as is, or null. "restricted": the excerpt is for the team and
   * nobody has confirmed that its source may be named in this export.
   */
  problem: z.enum(['excerpt_deleted', 'never_export', 'restricted']).nullable(),
});
export type Footnote = z.infer<typeof Footnote>;

export const WordCount = z.object({
  body: z.number().int(),
  notes: z.number().int(),
  cover: z.number().int(),
  limit: z.number().int(),
});
export type WordCount = z.infer<typeof WordCount>;

/** One name replaced by a pseudonym on export, and where. */
export const Substitution = z.object({
  entityId: Id,
  name: z.string(),
  pseudonym: z.string(),
  occurrences: z.array(DraftTarget),
});
export type Substitution = z.infer<typeof Substitution>;

/** A sentence redaction changes, as written and as it will be exported. */
export const ChangedSentence = z.object({ target: DraftTarget, before: z.string(), after: z.string() });
export type ChangedSentence = z.infer<typeof ChangedSentence>;

/** A source whose excerpts are marked "restricted" and cited: withheld unless confirmed it may be named. */
export const RestrictedSource = z.object({
  sourceId: Id,
  title: z.string(),
  /** The draft's note numbers citing it. */
  notes: z.array(z.number().int()),
  /** Whether this export names it (confirmed) or withholds its notes. */
  named: z.boolean(),
});
export type RestrictedSource = z.infer<typeof RestrictedSource>;

/** Sources of restricted excerpts the person confirmed may be named in this export. */
const NameSources = z.array(Id).max(10_000);

export const DraftVersion = z.object({
  id: Id,
  draftId: Id,
  name: z.string(),
  createdAt: z.string(),
  words: z.number(),
});
export type DraftVersion = z.infer<typeof DraftVersion>;

/** A paragraph-level comparison of two versions, in document order. */
export const DraftChange = z.object({
  change: z.enum(['same', 'added', 'removed', 'changed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type DraftChange = z.infer<typeof DraftChange>;

export const EXPORT_FORMATS = ['docx', 'html', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Words, or a citation of an excerpt of the draft's dossier. */
const ParagraphPart = z.union([
  z.object({ text: z.string().max(20_000) }).strict(),
  z.object({ excerptId: Id }).strict(),
]);

const DraftFields = z.object({
  title: z.string().trim().min(1, 'Give the draft a title').max(300),
  cover: DraftCover,
  body: DraftBody,
});

export const draftsApi = {
  'draft.list': method({
    summary: "A dossier's submission drafts, most recently edited first.",
    params: z.object({ dossierId: Id }).strict(),
    result: z.array(DraftSummary),
  }),
  'draft.create': method({
    summary:
      'Start a submission from the individual or joint UPR template (cover filled from the dossier), its headings and cover in the language it will be written in.',
    params: z
      .object({
        dossierId: Id,
        title: DraftFields.shape.title,
        template: z.enum(DRAFT_TEMPLATES),
        /** The submission's language (a UN official language); English when not given. */
        language: z.enum(UN_LANGUAGES).optional(),
      })
      .strict(),
    result: Draft,
  }),
  'draft.get': method({
    summary: 'One draft with its cover and body.',
    params: z.object({ id: Id }).strict(),
    result: Draft,
  }),
  'draft.update': method({
    summary: "Save a draft's title, cover or body (the editor saves as the user types).",
    params: DraftFields.partial().extend({ id: Id }).strict(),
    result: Draft,
  }),
  'draft.delete': method({
    summary: 'Delete a draft (its versions go with it).',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.literal(true) }),
  }),
  'draft.notes': method({
    summary: 'The footnotes generated from the draft’s citations, and its word count against the limit.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ footnotes: z.array(Footnote), words: WordCount }),
  }),
  'draft.check': method({
    summary: 'Run every UPR submission check; each result points at the paragraph, note or cover field.',
    params: z
      .object({
        id: Id,
        /** Judge the file this export would write: its format, redaction and annex (as draft.export does). */
        export: z
          .object({
            format: z.enum(EXPORT_FORMATS),
            redact: z.boolean(),
            provenance: z.boolean(),
            nameSources: NameSources.optional(),
          })
          .optional(),
      })
      .strict(),
    result: z.array(CheckResult),
  }),
  'draft.redactions': method({
    summary:
      'What redaction will do on export: every pseudonym substitution, every sentence it changes, every withheld excerpt, and the restricted sources cited.',
    params: z.object({ id: Id, nameSources: NameSources.optional() }).strict(),
    result: z.object({
      substitutions: z.array(Substitution),
      sentences: z.array(ChangedSentence),
      withheld: z.array(Footnote),
      restricted: z.array(RestrictedSource),
    }),
  }),
  'draft.render': method({
    summary: 'The draft as HTML or Markdown text (HTML is what the app prints to PDF).',
    params: z
      .object({ id: Id, format: z.enum(['html', 'md']), redact: z.boolean(), nameSources: NameSources.optional() })
      .strict(),
    result: z.object({ text: z.string() }),
  }),
  'draft.export': method({
    summary:
      'Write the draft as DOCX, HTML or Markdown (asks where unless a path is given). Refused while checks report errors, unless acceptErrors.',
    params: z
      .object({
        id: Id,
        format: z.enum(EXPORT_FORMATS),
        redact: z.boolean(),
        acceptErrors: z.boolean().optional(),
        path: z.string().min(1).optional(),
        /** Replace a file already at `path` (the CLI's --force); without it such a path is refused with FILE_EXISTS. */
        overwrite: z.boolean().optional(),
        /** Add a provenance annex: for every note, source title, SHA-256 of the original, page, excerpt id. */
        provenance: z.boolean().optional(),
        /** Sources whose restricted excerpts may be named; the notes of any other restricted excerpt are withheld. */
        nameSources: NameSources.optional(),
      })
      .strict(),
    result: z.union([
      z.object({ saved: z.literal(true), path: z.string(), bytes: z.number().int(), warnings: z.number().int() }),
      z.object({ saved: z.literal(false) }),
    ]),
  }),
  'draft.appendParagraph': method({
    summary:
      'Add a numbered paragraph at the end of a draft: words and citations of excerpts of its dossier, in order (each citation becomes a note).',
    params: z.object({ id: Id, parts: z.array(ParagraphPart).min(1).max(200) }).strict(),
    result: Draft,
  }),
  'draft.appendTable': method({
    summary:
      'Add a table at the end of a draft: a header row of column headings, then rows of cells, each cell words and citations of excerpts of its dossier in order (its notes are numbered with the others); an optional title line before it.',
    params: z
      .object({
        id: Id,
        title: z.string().trim().max(300).optional(),
        columns: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
        rows: z
          .array(z.array(z.array(ParagraphPart).max(200)).min(1).max(20))
          .min(1)
          .max(2000),
      })
      .strict(),
    result: Draft,
  }),
  'draft.appendTimeline': method({
    summary:
      "Add the dossier's timeline at the end of a draft as a table (When · What happened · Where · Who · Evidence), headed in the draft's language, with the Timeline tab's filters (entity, code, source kind, period); each event's evidence is cited.",
    params: EventFilter.omit({ dossierId: true })
      .extend({ id: Id, title: z.string().trim().max(300).optional() })
      .strict(),
    result: z.object({ draft: Draft, events: z.number().int() }),
  }),
  'draft.appendClaim': method({
    summary:
      "Add a claim, denial or acknowledgement by the State at the end of a draft as one numbered paragraph, worded in the draft's language: the claim quoted and cited, then the excerpts that contradict and corroborate it, each quoted and cited.",
    params: z.object({ id: Id, excerptId: Id }).strict(),
    result: Draft,
  }),
  'draft.snapshot': method({
    summary: 'Keep a named version of the draft as it is now.',
    params: z.object({ id: Id, name: z.string().trim().min(1, 'Name the version').max(200) }).strict(),
    result: DraftVersion,
  }),
  'draft.versions': method({
    summary: "A draft's named versions, newest first.",
    params: z.object({ id: Id }).strict(),
    result: z.array(DraftVersion),
  }),
  'draft.compare': method({
    summary: 'Compare two versions of a draft paragraph by paragraph ("current" is the draft as it is now).',
    params: z
      .object({ id: Id, from: z.union([Id, z.literal('current')]), to: z.union([Id, z.literal('current')]) })
      .strict(),
    result: z.array(DraftChange),
  }),
};
