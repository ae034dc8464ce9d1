// Every place in the workspace as data, and its address in the memory router. Screens ask to go to
// a place; the router keeps back/forward; an address can point at a source and one excerpt in it.

import { SEARCH_KINDS, type SearchFilters, type SearchKind } from '../../../shared/api/search.ts';
import { SOURCE_KINDS, type SourceKind } from '../../../shared/domain.ts';

export type DossierTab = 'sources' | 'excerpts' | 'claims' | 'timeline' | 'recommendations' | 'drafts';

export type Place =
  | { area: 'dossiers' }
  | {
      area: 'dossier';
      dossierId: string;
      tab?: DossierTab;
      /** One recommendation's page in the Recommendations tab, so Back from its evidence returns to it. */
      recommendationId?: string;
    }
  | {
      area: 'source';
      dossierId: string;
      sourceId: string;
      excerptId?: string;
      /** Words to show on opening (a linked mention): [start, end) in the source's text. */
      range?: [number, number];
    }
  | { area: 'draft'; dossierId: string; draftId: string }
  | {
      area: 'search';
      /** Search within one dossier (the palette's scope, a dossier's Search button); none: everywhere. */
      dossierId?: string;
      /** The words searched for, so Back returns to the same results. */
      query?: string;
      /** The other filters chosen, likewise. */
      filters?: SearchFilters;
    }
  | { area: 'codes' }
  | { area: 'entities'; entityId?: string }
  | { area: 'settings' }
  | { area: 'help' };

const TABS: readonly DossierTab[] = ['sources', 'excerpts', 'claims', 'timeline', 'recommendations', 'drafts'];

// A search's filters in its address, one parameter each; what does not parse is left out.
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_PARAMS = {
  kinds: 'kind',
  sourceKind: 'sourceKind',
  codeId: 'code',
  entityId: 'entity',
  dateFrom: 'from',
  dateTo: 'to',
  language: 'lang',
} as const satisfies Record<Exclude<keyof SearchFilters, 'dossierId'>, string>;

function setFilters(query: URLSearchParams, filters: SearchFilters): void {
  if (filters.kinds?.length) query.set('kind', filters.kinds.join(','));
  if (filters.sourceKind) query.set('sourceKind', filters.sourceKind);
  if (filters.codeId) query.set('code', filters.codeId);
  if (filters.entityId) query.set('entity', filters.entityId);
  if (filters.dateFrom) query.set('from', filters.dateFrom);
  if (filters.dateTo) query.set('to', filters.dateTo);
  if (filters.language) query.set('lang', filters.language);
}

function filtersIn(query: URLSearchParams): SearchFilters {
  const filters: SearchFilters = {};
  const kinds = (query.get(FILTER_PARAMS.kinds) ?? '')
    .split(',')
    .filter((k): k is SearchKind => (SEARCH_KINDS as readonly string[]).includes(k));
  if (kinds.length > 0) filters.kinds = [...new Set(kinds)];
  const sourceKind = query.get(FILTER_PARAMS.sourceKind);
  if (sourceKind && (SOURCE_KINDS as readonly string[]).includes(sourceKind)) {
    filters.sourceKind = sourceKind as SourceKind;
  }
  const code = query.get(FILTER_PARAMS.codeId);
  if (code) filters.codeId = code;
  const entity = query.get(FILTER_PARAMS.entityId);
  if (entity) filters.entityId = entity;
  const from = query.get(FILTER_PARAMS.dateFrom) ?? '';
  if (DAY.test(from)) filters.dateFrom = from;
  const to = query.get(FILTER_PARAMS.dateTo) ?? '';
  if (DAY.test(to)) filters.dateTo = to;
  const language = query.get(FILTER_PARAMS.language) ?? '';
  if (/^[a-z]{2,3}$/.test(language)) filters.language = language;
  return filters;
}
const enc = encodeURIComponent;

export function pathFor(place: Place): string {
  switch (place.area) {
    case 'dossiers':
      return '/';
    case 'dossier': {
      const query = new URLSearchParams();
      if (place.tab) query.set('tab', place.tab);
      if (place.tab === 'recommendations' && place.recommendationId) query.set('rec', place.recommendationId);
      return `/dossiers/${enc(place.dossierId)}${query.size > 0 ? `?${query}` : ''}`;
    }
    case 'source': {
      const query = new URLSearchParams();
      if (place.excerptId) query.set('excerpt', place.excerptId);
      if (place.range) query.set('range', `${place.range[0]}-${place.range[1]}`);
      const search = query.size > 0 ? `?${query}` : '';
      return `/dossiers/${enc(place.dossierId)}/sources/${enc(place.sourceId)}${search}`;
    }
    case 'draft':
      return `/dossiers/${enc(place.dossierId)}/drafts/${enc(place.draftId)}`;
    case 'search': {
      const query = new URLSearchParams();
      if (place.dossierId) query.set('dossier', place.dossierId);
      if (place.query) query.set('q', place.query);
      if (place.filters) setFilters(query, place.filters);
      return query.size > 0 ? `/search?${query}` : '/search';
    }
    case 'entities':
      return place.entityId ? `/entities/${enc(place.entityId)}` : '/entities';
    default:
      return `/${place.area}`;
  }
}

/** The place an address names, or null for an address that names none (it is shown as "not found"). */
export function placeFor(pathname: string, search = ''): Place | null {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (parts.length === 0) return { area: 'dossiers' };
  const [first, id, kind, childId, ...rest] = parts;
  if (rest.length > 0) return null;
  if (first === 'dossiers' && id) {
    if (kind === undefined) {
      const tab = query.get('tab');
      if (!TABS.includes(tab as DossierTab)) return { area: 'dossier', dossierId: id };
      const recommendationId = tab === 'recommendations' ? query.get('rec') : null;
      return recommendationId
        ? { area: 'dossier', dossierId: id, tab: 'recommendations', recommendationId }
        : { area: 'dossier', dossierId: id, tab: tab as DossierTab };
    }
    if (kind === 'sources' && childId) {
      const place: Place = { area: 'source', dossierId: id, sourceId: childId };
      const excerpt = query.get('excerpt');
      if (excerpt) place.excerptId = excerpt;
      const range = /^(\d+)-(\d+)$/.exec(query.get('range') ?? '');
      if (range) place.range = [Number(range[1]), Number(range[2])];
      return place;
    }
    if (kind === 'drafts' && childId) return { area: 'draft', dossierId: id, draftId: childId };
    return null;
  }
  if (first === 'entities' && kind === undefined) return id ? { area: 'entities', entityId: id } : { area: 'entities' };
  if (id !== undefined) return null;
  if (first === 'search') {
    const place: Place = { area: 'search' };
    const dossierId = query.get('dossier');
    const words = query.get('q');
    if (dossierId) place.dossierId = dossierId;
    if (words) place.query = words;
    const filters = filtersIn(query);
    if (Object.keys(filters).length > 0) place.filters = filters;
    return place;
  }
  if (first === 'codes' || first === 'settings' || first === 'help') return { area: first };
  return null;
}
