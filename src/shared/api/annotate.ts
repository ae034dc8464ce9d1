import { z } from 'zod';
import { CONFIDENTIALITY, SOURCE_KINDS, STANCES } from '../domain.ts';
import { Id } from './dossiers.ts';
import { method, NoParams } from './method.ts';
import { PageParams, pageOf } from './paging.ts';
import { SOURCE_FORMATS } from './sources.ts';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #f6d365');

export const Excerpt = z.object({
  id: Id,
  sourceId: Id,
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  page: z.number().int().nullable(),
  note: z.string(),
  confidentiality: z.enum(CONFIDENTIALITY),
  stance: z.enum(STANCES).nullable(),
  /** orphaned: the quote was not found after the source's text was re-normalised; place it again. */
  anchorStatus: z.enum(['anchored', 'reanchored', 'orphaned']),
  codeIds: z.array(Id),
  /** Entities (persons, organisations, …) the excerpt is linked to. */
  entityIds: z.array(Id),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Excerpt = z.infer<typeof Excerpt>;

export const ExcerptListItem = Excerpt.extend({
  sourceTitle: z.string(),
  sourceKind: z.string(),
  /** The source's file format: renditions of one document share a title and differ here. */
  sourceFormat: z.enum(SOURCE_FORMATS).nullable(),
});
export type ExcerptListItem = z.infer<typeof ExcerptListItem>;

/** An excerpt found to cite: where the words were found and, for sources without pages, its paragraph. */
export const ExcerptSearchHit = ExcerptListItem.extend({
  matchedIn: z.enum(['quote', 'note', 'source']),
  paragraph: z.number().int().nullable(),
});
export type ExcerptSearchHit = z.infer<typeof ExcerptSearchHit>;

export const Code = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  colour: z.string(),
  description: z.string(),
  excerptCount: z.number().int(),
});
export type Code = z.infer<typeof Code>;

const CodeName = z.string().trim().min(1, 'A code needs a name').max(120);

export const annotateApi = {
  'excerpt.create': method({
    summary: 'Mark an excerpt: the selected offsets of a source’s text, anchored by quote and position.',
    params: z
      .object({
        sourceId: Id,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        note: z.string().max(20_000).optional(),
        codeIds: z.array(Id).max(50).optional(),
      })
      .strict(),
    result: Excerpt,
  }),
  'excerpt.update': method({
    summary: 'Change an excerpt’s note, codes, linked entities, confidentiality or stance.',
    params: z
      .object({
        id: Id,
        note: z.string().max(20_000).optional(),
        codeIds: z.array(Id).max(50).optional(),
        entityIds: z.array(Id).max(100).optional(),
        confidentiality: z.enum(CONFIDENTIALITY).optional(),
        stance: z.enum(STANCES).nullable().optional(),
      })
      .strict(),
    result: Excerpt,
  }),
  'excerpt.delete': method({
    summary:
      'Remove an excerpt, its links to other excerpts and its place in events’ evidence (the source is untouched); says how many links and evidence rows went.',
    params: z.object({ id: Id }).strict(),
    result: z.object({
      deleted: z.boolean(),
      linksRemoved: z.number().int(),
      /** Events it was evidence of: those evidence rows were removed with it. */
      evidenceRemoved: z.number().int(),
    }),
  }),
  'excerpt.forSource': method({
    summary: 'A source’s excerpts in reading order (for its highlights).',
    params: z.object({ sourceId: Id }).strict(),
    result: z.array(Excerpt),
  }),
  'excerpt.list': method({
    summary:
      'Excerpts across a dossier, filtered by source, source kind, code, entity, confidentiality, stance or words, a page at a time (limit, cursor), with the total.',
    params: z
      .object({
        dossierId: Id,
        sourceId: Id.optional(),
        sourceKind: z.enum(SOURCE_KINDS).optional(),
        codeId: Id.optional(),
        entityId: Id.optional(),
        confidentiality: z.enum(CONFIDENTIALITY).optional(),
        stance: z.enum(STANCES).optional(),
        text: z.string().max(200).optional(),
        ...PageParams,
      })
      .strict(),
    result: pageOf(ExcerptListItem),
  }),
  'excerpt.search': method({
    summary:
      'Excerpts of a dossier to cite, found by words: matches in the quote first, then in the note, then in the source title.',
    params: z
      .object({
        dossierId: Id,
        text: z.string().trim().min(1).max(200),
        ...PageParams,
      })
      .strict(),
    result: pageOf(ExcerptSearchHit),
  }),
  'code.list': method({
    summary: 'The code book, with how many excerpts carry each code.',
    params: NoParams,
    result: z.array(Code),
  }),
  'code.create': method({
    summary: 'Add a code (optionally under a parent code).',
    params: z
      .object({
        name: CodeName,
        parentId: Id.nullable().optional(),
        colour: Colour.optional(),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    result: Code,
  }),
  'code.update': method({
    summary: 'Rename, recolour, describe or move a code.',
    params: z
      .object({
        id: Id,
        name: CodeName.optional(),
        parentId: Id.nullable().optional(),
        colour: Colour.optional(),
        description: z.string().max(2000).optional(),
      })
      .strict(),
    result: Code,
  }),
  'code.starter': method({
    summary: 'Add the starter code book for freedom-of-association cases (codes already there are kept).',
    params: NoParams,
    result: z.object({ added: z.number().int() }),
  }),
  'code.merge': method({
    summary: 'Merge one code into another: its excerpts and sub-codes follow.',
    params: z.object({ fromId: Id, intoId: Id }).strict(),
    result: Code,
  }),
  'code.delete': method({
    summary: 'Delete a code; its excerpts move to another code, or just lose this one (moveTo: null).',
    params: z.object({ id: Id, moveTo: Id.nullable() }).strict(),
    result: z.object({ deleted: z.boolean() }),
  }),
  'excerpt.orphans': method({
    summary: 'Excerpts whose quote was not found again after their source was re-normalised.',
    params: z.object({ dossierId: Id, sourceId: Id.optional() }).strict(),
    result: z.array(ExcerptListItem),
  }),
  'excerpt.place': method({
    summary: 'Place an orphaned excerpt on a new selection of its source’s text.',
    params: z.object({ id: Id, start: z.number().int().min(0), end: z.number().int().min(1) }).strict(),
    result: Excerpt,
  }),
  'annotation.export': method({
    summary:
      'Export a dossier’s (or one source’s) excerpts as W3C Web Annotation JSON or CSV; "never export" excerpts are left out, and "restricted" ones unless asked for; both are counted.',
    params: z
      .object({
        dossierId: Id,
        sourceId: Id.optional(),
        format: z.enum(['w3c', 'csv']),
        /** Include excerpts marked "restricted" (for the team); left out by default. */
        includeRestricted: z.boolean().optional(),
        /** Write here instead of asking (CLI, tests). */
        path: z.string().min(1).optional(),
        /** Replace a file already at `path` (the CLI's --force); without it such a path is refused with FILE_EXISTS. */
        overwrite: z.boolean().optional(),
      })
      .strict(),
    result: z.union([
      z.object({
        saved: z.literal(true),
        path: z.string(),
        count: z.number().int(),
        /** Left out as "never export". */
        withheld: z.number().int(),
        /** Left out as "restricted" (not asked for). */
        restrictedWithheld: z.number().int(),
      }),
      z.object({ saved: z.literal(false) }),
    ]),
  }),
};
