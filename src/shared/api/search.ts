import { z } from 'zod';
import { SOURCE_KINDS } from '../domain.ts';
import { Id } from './dossiers.ts';
import { method } from './method.ts';

/** What a hit can be: a passage of a source (by page), an excerpt (quote or note), an entity, a draft. */
export const SEARCH_KINDS = ['source', 'excerpt', 'entity', 'draft'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * At most this many matches of each kind are taken, the newest first: beyond it a query would read
 * every match to rank them, so it is answered newest first and `capped` asks for a narrower query.
 */
export const SEARCH_CAP = 1000;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Narrowing a search; every field is optional and they combine with AND. */
export const SearchFilters = z
  .object({
    dossierId: Id.optional(),
    kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
    sourceKind: z.enum(SOURCE_KINDS).optional(),
    /** Excerpts carrying this code, and sources holding such an excerpt. */
    codeId: Id.optional(),
    /** Excerpts linked to this entity, sources mentioning it, the entity itself. */
    entityId: Id.optional(),
    /** The source's own date (partial dates compare by their first day), inclusive. */
    dateFrom: IsoDay.optional(),
    dateTo: IsoDay.optional(),
    /** A source's language as detected at import (BCP 47 primary tag, e.g. "ru", "en"). */
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFilters>;

/**
 * A snippet is plain text and the ranges to highlight in it, never HTML: the page draws the marks
 * itself, so a document's text can never become markup.
 */
export const Snippet = z.object({
  text: z.string(),
  marks: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
});
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** The id of the thing found (source, excerpt, entity or draft). */
  id: Id,
  dossierId: Id.nullable(),
  dossierTitle: z.string().nullable(),
  /** The source the hit sits in (source and excerpt hits), so "open" lands in the reader. */
  sourceId: Id.nullable(),
  /** Source title, excerpt's source title, entity name (pseudonym where protected), draft title. */
  title: z.string(),
  /** Source format badge (pdf, docx, html, txt…) for source and excerpt hits. */
  sourceFormat: z.string().nullable(),
  /** 1-based page the passage is printed on, when the source has pages. */
  page: z.number().int().min(1).nullable(),
  /** Character offsets of the first match in the source's text, for the reader to scroll to and mark. */
  at: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).nullable(),
  snippet: Snippet,
  /** Higher is better; comparable only within one result list. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SavedSearch = z.object({
  id: Id,
  dossierId: Id,
  name: z.string(),
  query: z.string(),
  filters: SearchFilters,
  createdAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearch>;

const Query = z.string().trim().min(1).max(500);

export const searchApi = {
  'search.query': method({
    summary:
      'Find words across sources (by page), excerpts and notes, entities and drafts: phrases in quotes, prefix*, AND/OR/NOT; Russian words in any inflection; ranked, grouped by kind, paged.',
    params: z
      .object({
        query: Query,
        filters: SearchFilters.optional(),
        limit: z.number().int().min(1).max(200).optional(),
        /** Opaque; from the previous page's nextCursor. */
        cursor: z.string().max(200).nullable().optional(),
      })
      .strict(),
    result: z.object({
      hits: z.array(SearchHit),
      /** Hits in all pages together, and per kind (for the group headings and the palette). */
      total: z.number().int().min(0),
      totals: z.object({
        source: z.number().int().min(0),
        excerpt: z.number().int().min(0),
        entity: z.number().int().min(0),
        draft: z.number().int().min(0),
      }),
      /**
       * A kind had more than SEARCH_CAP matches: the newest SEARCH_CAP of each kind were taken, newest
       * first (not ranked), and the totals count those; the screen asks for a narrower query.
       */
      capped: z.boolean(),
      nextCursor: z.string().nullable(),
    }),
  }),
  'search.saved.list': method({
    summary: 'The searches saved in a dossier.',
    params: z.object({ dossierId: Id }).strict(),
    result: z.array(SavedSearch),
  }),
  'search.saved.create': method({
    summary: 'Save a search (its words and filters) in a dossier under a name.',
    params: z
      .object({
        dossierId: Id,
        name: z.string().trim().min(1).max(200),
        query: Query,
        filters: SearchFilters.optional(),
      })
      .strict(),
    result: SavedSearch,
  }),
  'search.saved.delete': method({
    summary: 'Forget a saved search.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
  }),
};
