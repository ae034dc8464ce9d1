// Every place in the workspace as data, and its address in the memory router. Screens ask to go to
// a place; the router keeps back/forward; an address can point at a source and one excerpt in it.

export type DossierTab = 'sources' | 'excerpts' | 'claims' | 'timeline' | 'drafts';

export type Place =
  | { area: 'dossiers' }
  | { area: 'dossier'; dossierId: string; tab?: DossierTab }
  | {
      area: 'source';
      dossierId: string;
      sourceId: string;
      excerptId?: string;
      /** Words to show on opening (a linked mention): [start, end) in the source's text. */
      range?: [number, number];
    }
  | { area: 'draft'; dossierId: string; draftId: string }
  | { area: 'codes' }
  | { area: 'entities'; entityId?: string }
  | { area: 'settings' }
  | { area: 'help' };

const TABS: readonly DossierTab[] = ['sources', 'excerpts', 'claims', 'timeline', 'drafts'];
const enc = encodeURIComponent;

export function pathFor(place: Place): string {
  switch (place.area) {
    case 'dossiers':
      return '/';
    case 'dossier':
      return `/dossiers/${enc(place.dossierId)}${place.tab ? `?tab=${place.tab}` : ''}`;
    case 'source': {
      const query = new URLSearchParams();
      if (place.excerptId) query.set('excerpt', place.excerptId);
      if (place.range) query.set('range', `${place.range[0]}-${place.range[1]}`);
      const search = query.size > 0 ? `?${query}` : '';
      return `/dossiers/${enc(place.dossierId)}/sources/${enc(place.sourceId)}${search}`;
    }
    case 'draft':
      return `/dossiers/${enc(place.dossierId)}/drafts/${enc(place.draftId)}`;
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
      return TABS.includes(tab as DossierTab)
        ? { area: 'dossier', dossierId: id, tab: tab as DossierTab }
        : { area: 'dossier', dossierId: id };
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
  if (first === 'codes' || first === 'settings' || first === 'help') return { area: first };
  return null;
}
