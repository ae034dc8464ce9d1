import { z } from 'zod';
import { CONFIDENTIALITY, STANCES } from '../domain.ts';
import { Id } from './dossiers.ts';
import { method, NoParams } from './method.ts';

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
  codeIds: z.array(Id),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Excerpt = z.infer<typeof Excerpt>;

export const ExcerptListItem = Excerpt.extend({ sourceTitle: z.string(), sourceKind: z.string() });
export type ExcerptListItem = z.infer<typeof ExcerptListItem>;

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
    summary: 'Change an excerpt’s note, codes, confidentiality or stance.',
    params: z
      .object({
        id: Id,
        note: z.string().max(20_000).optional(),
        codeIds: z.array(Id).max(50).optional(),
        confidentiality: z.enum(CONFIDENTIALITY).optional(),
        stance: z.enum(STANCES).nullable().optional(),
      })
      .strict(),
    result: Excerpt,
  }),
  'excerpt.delete': method({
    summary: 'Remove an excerpt (the source is untouched).',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
  }),
  'excerpt.forSource': method({
    summary: 'A source’s excerpts in reading order (for its highlights).',
    params: z.object({ sourceId: Id }).strict(),
    result: z.array(Excerpt),
  }),
  'excerpt.list': method({
    summary: 'Excerpts across a dossier, filtered by source, code, confidentiality, stance or text.',
    params: z
      .object({
        dossierId: Id,
        sourceId: Id.optional(),
        codeId: Id.optional(),
        confidentiality: z.enum(CONFIDENTIALITY).optional(),
        stance: z.enum(STANCES).optional(),
        text: z.string().max(200).optional(),
      })
      .strict(),
    result: z.array(ExcerptListItem),
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
};
