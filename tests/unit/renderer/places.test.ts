import { describe, expect, it } from 'vitest';
import { type Place, pathFor, placeFor } from '../../../src/renderer/src/routes/places.ts';

describe('a place in the workspace has an address and back', () => {
  const places: Place[] = [
    { area: 'dossiers' },
    { area: 'dossier', dossierId: 'd1' },
    { area: 'dossier', dossierId: 'd1', tab: 'drafts' },
    { area: 'dossier', dossierId: 'd1', tab: 'recommendations' },
    { area: 'dossier', dossierId: 'd1', tab: 'recommendations', recommendationId: 'rec 7' },
    { area: 'source', dossierId: 'd1', sourceId: 's/2' },
    { area: 'source', dossierId: 'd1', sourceId: 's2', excerptId: 'e9' },
    { area: 'source', dossierId: 'd1', sourceId: 's2', range: [120, 180] },
    { area: 'draft', dossierId: 'd1', draftId: 'r1' },
    { area: 'codes' },
    { area: 'search' },
    { area: 'search', dossierId: 'd1' },
    { area: 'search', dossierId: 'd1', query: '"forced labour" OR cotton*' },
    { area: 'search', query: 'труд & co/2?' },
    {
      area: 'search',
      dossierId: 'd1',
      query: 'strike*',
      filters: {
        kinds: ['excerpt', 'source'],
        sourceKind: 'ngo_report',
        codeId: 'c 1',
        entityId: 'n1',
        dateFrom: '2023-01-01',
        dateTo: '2024-06-30',
        language: 'ru',
      },
    },
    { area: 'source', dossierId: 'd1', sourceId: 's2', excerptId: 'e9', range: [40, 47] },
    { area: 'entities' },
    { area: 'entities', entityId: 'n1' },
    { area: 'settings' },
    { area: 'help' },
  ];
  for (const place of places) {
    it(`${pathFor(place)} names the same place`, () => {
      const url = new URL(pathFor(place), 'memory://upright');
      expect(placeFor(url.pathname, url.search)).toEqual(place);
    });
  }

  it('a link to a source at an excerpt carries the excerpt', () => {
    expect(pathFor({ area: 'source', dossierId: 'd1', sourceId: 's2', excerptId: 'e9' })).toBe(
      '/dossiers/d1/sources/s2?excerpt=e9',
    );
  });

  it('a search hit opens its source at the words found, with its excerpt when it is one', () => {
    expect(pathFor({ area: 'source', dossierId: 'd1', sourceId: 's2', range: [120, 127] })).toBe(
      '/dossiers/d1/sources/s2?range=120-127',
    );
    expect(placeFor('/dossiers/d1/sources/s2', '?excerpt=e9&range=40-47')).toEqual({
      area: 'source',
      dossierId: 'd1',
      sourceId: 's2',
      excerptId: 'e9',
      range: [40, 47],
    });
  });

  it('a search address keeps its words and scope, and a malformed range is dropped rather than guessed', () => {
    expect(placeFor('/search', '?dossier=d1&q=cotton')).toEqual({ area: 'search', dossierId: 'd1', query: 'cotton' });
    expect(placeFor('/search/extra')).toBeNull();
    expect(placeFor('/search', '?q=x&kind=excerpt,secrets&sourceKind=rumour&from=2024-1-1&lang=Russian')).toEqual({
      area: 'search',
      query: 'x',
      filters: { kinds: ['excerpt'] },
    });
    expect(placeFor('/dossiers/d1/sources/s2', '?range=9-x')).toEqual({
      area: 'source',
      dossierId: 'd1',
      sourceId: 's2',
    });
  });

  it('an address that names no place is not guessed at', () => {
    expect(placeFor('/nowhere')).toBeNull();
    expect(placeFor('/dossiers/d1/sources')).toBeNull();
    expect(placeFor('/codes/extra')).toBeNull();
    expect(placeFor('/dossiers/d1', '?tab=secrets')).toEqual({ area: 'dossier', dossierId: 'd1' });
    // A recommendation's page belongs to its tab only.
    expect(placeFor('/dossiers/d1', '?tab=drafts&rec=r1')).toEqual({ area: 'dossier', dossierId: 'd1', tab: 'drafts' });
  });
});
