import { z } from 'zod';
import { ENTITY_KINDS, ENTITY_SENSITIVITY } from '../domain.ts';
import { Id } from './dossiers.ts';
import { method } from './method.ts';
import { PageParams, pageOf } from './paging.ts';
import { SOURCE_FORMATS } from './sources.ts';

export const Entity = z.object({
  id: Id,
  kind: z.enum(ENTITY_KINDS),
  name: z.string(),
  /** Other names, acronyms and spellings ("MLSPP", "МТСЗН"). */
  aliases: z.array(z.string()),
  /** Used on export instead of the name: "a local union leader". */
  pseudonym: z.string().nullable(),
  sensitivity: z.enum(ENTITY_SENSITIVITY),
  description: z.string(),
  excerptCount: z.number().int(),
  /** Places in sources linked to it without being excerpts (accepted suggestions). */
  mentionCount: z.number().int(),
  sourceCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Entity = z.infer<typeof Entity>;

/** An excerpt linked to an entity, with where it comes from (to open it in the reader). */
export const EntityExcerpt = z.object({
  id: Id,
  sourceId: Id,
  sourceTitle: z.string(),
  sourceKind: z.string(),
  /** The source's file format, to tell renditions of one document apart. */
  sourceFormat: z.enum(SOURCE_FORMATS).nullable(),
  dossierId: Id,
  dossierTitle: z.string(),
  exact: z.string(),
  page: z.number().int().nullable(),
  note: z.string(),
});
export type EntityExcerpt = z.infer<typeof EntityExcerpt>;

/** Around the matched words in a MentioningSource snippet: characters imported text never holds. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** A source whose title or text names the entity by its name or an alias. */
export const MentioningSource = z.object({
  id: Id,
  title: z.string(),
  kind: z.string(),
  format: z.enum(SOURCE_FORMATS).nullable(),
  dossierId: Id,
  dossierTitle: z.string(),
  /** A few words around the best match; the matched words between MATCH_START and MATCH_END. */
  snippet: z.string(),
  /** How many of the entity's linked excerpts come from this source. */
  linkedExcerpts: z.number().int(),
});
export type MentioningSource = z.infer<typeof MentioningSource>;

/** A place where a source names the entity, linked by accepting a suggestion (no excerpt made). */
export const LinkedMention = z.object({
  id: Id,
  sourceId: Id,
  sourceTitle: z.string(),
  sourceFormat: z.enum(SOURCE_FORMATS).nullable(),
  dossierId: Id,
  dossierTitle: z.string(),
  exact: z.string(),
  /** The words either side, to read the mention in context. */
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  page: z.number().int().nullable(),
  /** orphaned: its words were not found again after the source was read again. */
  status: z.enum(['anchored', 'reanchored', 'orphaned']),
});
export type LinkedMention = z.infer<typeof LinkedMention>;

const Name = z.string().trim().min(1, 'An entity needs a name').max(300, 'Keep the name under 300 characters');

const EntityFields = z.object({
  kind: z.enum(ENTITY_KINDS),
  name: Name,
  aliases: z.array(z.string().max(300, 'Keep each alias under 300 characters')).max(100, 'At most 100 aliases'),
  pseudonym: z.string().max(300, 'Keep the pseudonym under 300 characters').nullable(),
  sensitivity: z.enum(ENTITY_SENSITIVITY),
  description: z.string().max(20_000),
});

export const entitiesApi = {
  'entity.list': method({
    summary:
      'Entities (persons, organisations, places, legal provisions, instruments) by name, by kind or words in a name or alias, a page at a time (limit, cursor), with the total.',
    params: z
      .object({
        kind: z.enum(ENTITY_KINDS).optional(),
        text: z.string().max(200).optional(),
        ...PageParams,
      })
      .strict(),
    result: pageOf(Entity),
  }),
  'entity.get': method({
    summary: 'One entity with its aliases, pseudonym and how many excerpts and sources are linked to it.',
    params: z.object({ id: Id }).strict(),
    result: Entity,
  }),
  'entity.create': method({
    summary: 'Add an entity: kind and name, optionally aliases, pseudonym, sensitivity and description.',
    params: EntityFields.partial().required({ kind: true, name: true }).strict(),
    result: Entity,
  }),
  'entity.update': method({
    summary: 'Change an entity’s kind, name, aliases, pseudonym (null removes it), sensitivity or description.',
    params: EntityFields.partial().extend({ id: Id }).strict(),
    result: Entity,
  }),
  'entity.merge': method({
    summary: 'Merge one entity into another: its excerpt links follow, its names become aliases.',
    params: z.object({ fromId: Id, intoId: Id }).strict(),
    result: Entity,
  }),
  'entity.delete': method({
    summary: 'Delete an entity: its names are erased and its links removed; the excerpts stay.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
  }),
  'entity.mentions': method({
    summary:
      'Every excerpt linked to an entity, every place linked to it from a suggestion, and every source whose text names it or one of its aliases.',
    params: z.object({ id: Id }).strict(),
    result: z.object({
      excerpts: z.array(EntityExcerpt),
      linked: z.array(LinkedMention),
      sources: z.array(MentioningSource),
    }),
  }),
};
