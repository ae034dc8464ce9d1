// The pure parts of the search screen and palette: a snippet's marks as pieces of text, hits
// grouped by kind for one list, where a hit opens, and the filters the form sends.
import {
  SEARCH_KINDS,
  type SearchFilters,
  type SearchHit,
  type SearchKind,
  type Snippet,
} from '../../../../shared/api.ts';
import type { Place } from '../../routes/places.ts';

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * A snippet cut into plain and marked pieces, in order, for the page to draw as text and <mark>
 * elements (never as HTML). Ranges outside the text are clipped, empty ones dropped, overlapping or
 * touching ones joined, so a malformed range can neither lose words nor repeat them.
 */
export function snippetSegments(snippet: Snippet): Segment[] {
  const { text } = snippet;
  const ranges = snippet.marks
    .map((m) => [Math.max(0, Math.min(m.start, text.length)), Math.max(0, Math.min(m.end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = joined[joined.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of joined) {
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

export type Totals = Record<SearchKind, number>;

/** One row of the results list: a heading for a kind (with how many there are in all), or a hit. */
export type ResultRow = { type: 'heading'; kind: SearchKind; total: number } | { type: 'hit'; hit: SearchHit };

/**
 * The hits loaded so far as one list grouped by kind — sources, excerpts, entities, drafts — each
 * group in the engine's ranking, under a heading with the kind's total across all pages.
 * `perKind` keeps only the first few of each kind (the palette).
 */
export function groupByKind(
  hits: readonly SearchHit[],
  totals: Totals,
  perKind = Number.POSITIVE_INFINITY,
): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const kind of SEARCH_KINDS) {
    const ofKind = hits.filter((h) => h.kind === kind).slice(0, perKind);
    if (ofKind.length === 0) continue;
    rows.push({ type: 'heading', kind, total: Math.max(totals[kind], ofKind.length) });
    for (const hit of ofKind) rows.push({ type: 'hit', hit });
  }
  return rows;
}

/** Where the search screen is in its results: which of the kinds asked for, and the engine's cursor in it. */
export interface PageCursor {
  kind: number;
  cursor: string | null;
}

export const FIRST_PAGE: PageCursor = { kind: 0, cursor: null };

/**
 * The page after this one: more of the same kind while the engine has a cursor, then the first page
 * of the next kind; undefined once the last kind is done.
 */
export function nextPage(current: PageCursor, nextCursor: string | null, kinds: number): PageCursor | undefined {
  if (nextCursor) return { kind: current.kind, cursor: nextCursor };
  return current.kind + 1 < kinds ? { kind: current.kind + 1, cursor: null } : undefined;
}

/** The hits of grouped rows, in the order they are shown (what arrow keys step through). */
export function hitsOf(rows: readonly ResultRow[]): SearchHit[] {
  return rows.flatMap((r) => (r.type === 'hit' ? [r.hit] : []));
}

/**
 * Where opening a hit lands: a source at the words found (an excerpt hit also selects the excerpt),
 * an entity's page, a draft. Null when the hit lacks what its place needs.
 */
export function placeOfHit(hit: SearchHit): Place | null {
  switch (hit.kind) {
    case 'source':
    case 'excerpt': {
      if (!hit.dossierId || !hit.sourceId) return null;
      const place: Place = { area: 'source', dossierId: hit.dossierId, sourceId: hit.sourceId };
      if (hit.kind === 'excerpt') place.excerptId = hit.id;
      if (hit.at && hit.at.end > hit.at.start) place.range = [hit.at.start, hit.at.end];
      return place;
    }
    case 'entity':
      return { area: 'entities', entityId: hit.id };
    case 'draft':
      return hit.dossierId ? { area: 'draft', dossierId: hit.dossierId, draftId: hit.id } : null;
  }
}

/** The filter form as typed: '' means "any". */
export interface FilterForm {
  dossierId: string;
  kind: SearchKind | '';
  sourceKind: NonNullable<SearchFilters['sourceKind']> | '';
  codeId: string;
  entityId: string;
  dateFrom: string;
  dateTo: string;
  language: string;
}

export const NO_FILTERS: FilterForm = {
  dossierId: '',
  kind: '',
  sourceKind: '',
  codeId: '',
  entityId: '',
  dateFrom: '',
  dateTo: '',
  language: '',
};

/** The filters to send: only those chosen, a date range in order. */
export function filtersOf(form: FilterForm): SearchFilters {
  const filters: SearchFilters = {};
  if (form.dossierId) filters.dossierId = form.dossierId;
  if (form.kind) filters.kinds = [form.kind];
  if (form.sourceKind) filters.sourceKind = form.sourceKind;
  if (form.codeId) filters.codeId = form.codeId;
  if (form.entityId) filters.entityId = form.entityId;
  const from = /^\d{4}-\d{2}-\d{2}$/.test(form.dateFrom) ? form.dateFrom : '';
  const to = /^\d{4}-\d{2}-\d{2}$/.test(form.dateTo) ? form.dateTo : '';
  // A range typed back to front means the same days.
  const [first, last] = from && to && from > to ? [to, from] : [from, to];
  if (first) filters.dateFrom = first;
  if (last) filters.dateTo = last;
  if (/^[a-z]{2,3}$/.test(form.language)) filters.language = form.language;
  return filters;
}

/** The form showing a saved search's filters again. */
export function formOf(filters: SearchFilters): FilterForm {
  return {
    dossierId: filters.dossierId ?? '',
    kind: filters.kinds?.length === 1 ? (filters.kinds[0] ?? '') : '',
    sourceKind: filters.sourceKind ?? '',
    codeId: filters.codeId ?? '',
    entityId: filters.entityId ?? '',
    dateFrom: filters.dateFrom ?? '',
    dateTo: filters.dateTo ?? '',
    language: filters.language ?? '',
  };
}

/** How many filters narrow the search besides its scope (the empty state suggests removing them). */
export function narrowingCount(form: FilterForm): number {
  const { dossierId: _scope, ...rest } = form;
  return Object.values(rest).filter((v) => v !== '').length;
}
