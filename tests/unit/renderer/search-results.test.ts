import { describe, expect, it } from 'vitest';
import {
  FIRST_PAGE,
  filtersOf,
  formOf,
  groupByKind,
  hitsOf,
  NO_FILTERS,
  narrowingCount,
  nextPage,
  placeOfHit,
  snippetSegments,
} from '../../../src/renderer/src/features/search/results.ts';
import type { SearchHit } from '../../../src/shared/api.ts';

function hit(kind: SearchHit['kind'], id: string, extra: Partial<SearchHit> = {}): SearchHit {
  return {
    kind,
    id,
    dossierId: 'd1',
    dossierTitle: 'Cotton harvest 2024',
    sourceId: kind === 'source' ? id : kind === 'excerpt' ? 's1' : null,
    title: `title ${id}`,
    sourceFormat: kind === 'source' || kind === 'excerpt' ? 'pdf' : null,
    page: null,
    at: null,
    snippet: { text: 'text', marks: [] },
    score: 1,
    ...extra,
  };
}

describe('a snippet is drawn as plain text with the words found marked', () => {
  it('cuts the text at its marks, keeping every character once', () => {
    const segments = snippetSegments({
      text: 'Pickers in the cotton fields were not paid for cotton picking.',
      marks: [
        { start: 15, end: 21 },
        { start: 47, end: 53 },
      ],
    });
    expect(segments).toEqual([
      { text: 'Pickers in the ', marked: false },
      { text: 'cotton', marked: true },
      { text: ' fields were not paid for ', marked: false },
      { text: 'cotton', marked: true },
      { text: ' picking.', marked: false },
    ]);
  });

  it('marks given out of order, overlapping or touching become one mark', () => {
    const segments = snippetSegments({
      text: 'принудительный труд',
      marks: [
        { start: 15, end: 19 },
        { start: 0, end: 8 },
        { start: 5, end: 14 },
        { start: 14, end: 15 },
      ],
    });
    expect(segments).toEqual([{ text: 'принудительный труд', marked: true }]);
  });

  it('a mark past the end or empty is clipped or dropped, never throws or repeats words', () => {
    expect(
      snippetSegments({
        text: 'forced labour',
        marks: [
          { start: 7, end: 400 },
          { start: 3, end: 3 },
          { start: 50, end: 60 },
        ],
      }),
    ).toEqual([
      { text: 'forced ', marked: false },
      { text: 'labour', marked: true },
    ]);
  });

  it('a snippet with no marks is its text; an empty one is one empty piece', () => {
    expect(snippetSegments({ text: 'no marks', marks: [] })).toEqual([{ text: 'no marks', marked: false }]);
    expect(snippetSegments({ text: '', marks: [] })).toEqual([{ text: '', marked: false }]);
  });

  it('text that looks like markup stays text', () => {
    const segments = snippetSegments({ text: '<img src=x onerror=alert(1)> wage', marks: [{ start: 29, end: 33 }] });
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)> wage');
    expect(segments[1]).toEqual({ text: 'wage', marked: true });
  });
});

describe('hits are grouped by kind: sources, excerpts, entities, drafts', () => {
  const totals = { source: 120, excerpt: 2, entity: 0, draft: 1 };
  const hits = [
    hit('excerpt', 'e1'),
    hit('draft', 'r1'),
    hit('source', 's1'),
    hit('excerpt', 'e2'),
    hit('source', 's2'),
  ];

  it('each group keeps the engine’s ranking under a heading with the total of its kind', () => {
    const rows = groupByKind(hits, totals);
    expect(rows.map((r) => (r.type === 'heading' ? `# ${r.kind} ${r.total}` : r.hit.id))).toEqual([
      '# source 120',
      's1',
      's2',
      '# excerpt 2',
      'e1',
      'e2',
      '# draft 1',
      'r1',
    ]);
    expect(hitsOf(rows).map((h) => h.id)).toEqual(['s1', 's2', 'e1', 'e2', 'r1']);
  });

  it('the palette shows the first few of each kind', () => {
    const rows = groupByKind(hits, totals, 1);
    expect(hitsOf(rows).map((h) => h.id)).toEqual(['s1', 'e1', 'r1']);
  });

  it('a heading never says fewer than the hits shown under it', () => {
    const rows = groupByKind([hit('entity', 'n1')], { source: 0, excerpt: 0, entity: 0, draft: 0 });
    expect(rows[0]).toEqual({ type: 'heading', kind: 'entity', total: 1 });
  });
});

describe('the search screen loads kind after kind, page by page, so what loads is added at the end', () => {
  it('follows the engine’s cursor within a kind, then starts the next kind, then stops', () => {
    expect(nextPage(FIRST_PAGE, 'c50', 4)).toEqual({ kind: 0, cursor: 'c50' });
    expect(nextPage({ kind: 0, cursor: 'c50' }, null, 4)).toEqual({ kind: 1, cursor: null });
    expect(nextPage({ kind: 3, cursor: null }, null, 4)).toBeUndefined();
  });

  it('a search narrowed to one kind ends with it', () => {
    expect(nextPage(FIRST_PAGE, null, 1)).toBeUndefined();
    expect(nextPage(FIRST_PAGE, 'c50', 1)).toEqual({ kind: 0, cursor: 'c50' });
  });
});

describe('opening a hit lands where its words are', () => {
  it('a passage of a source opens the source at the words found', () => {
    expect(placeOfHit(hit('source', 's1', { page: 4, at: { start: 1200, end: 1206 } }))).toEqual({
      area: 'source',
      dossierId: 'd1',
      sourceId: 's1',
      range: [1200, 1206],
    });
  });

  it('an excerpt opens its source with the excerpt selected and the words marked', () => {
    expect(placeOfHit(hit('excerpt', 'e1', { at: { start: 40, end: 47 } }))).toEqual({
      area: 'source',
      dossierId: 'd1',
      sourceId: 's1',
      excerptId: 'e1',
      range: [40, 47],
    });
    expect(placeOfHit(hit('excerpt', 'e1'))).toEqual({
      area: 'source',
      dossierId: 'd1',
      sourceId: 's1',
      excerptId: 'e1',
    });
  });

  it('an entity opens its page, a draft its editor', () => {
    expect(placeOfHit(hit('entity', 'n1', { dossierId: null }))).toEqual({ area: 'entities', entityId: 'n1' });
    expect(placeOfHit(hit('draft', 'r1'))).toEqual({ area: 'draft', dossierId: 'd1', draftId: 'r1' });
  });

  it('a hit without the source it sits in opens nothing rather than a wrong place', () => {
    expect(placeOfHit(hit('source', 's1', { sourceId: null }))).toBeNull();
    expect(placeOfHit(hit('draft', 'r1', { dossierId: null }))).toBeNull();
  });
});

describe('the filter form sends only what was chosen', () => {
  it('nothing chosen sends no filters', () => {
    expect(filtersOf(NO_FILTERS)).toEqual({});
    expect(narrowingCount(NO_FILTERS)).toBe(0);
  });

  it('every filter chosen is sent, and comes back the same from a saved search', () => {
    const form = {
      dossierId: 'd1',
      kind: 'excerpt' as const,
      sourceKind: 'ngo_report' as const,
      codeId: 'c1',
      entityId: 'n1',
      dateFrom: '2023-01-01',
      dateTo: '2024-06-30',
      language: 'ru',
    };
    const filters = filtersOf(form);
    expect(filters).toEqual({
      dossierId: 'd1',
      kinds: ['excerpt'],
      sourceKind: 'ngo_report',
      codeId: 'c1',
      entityId: 'n1',
      dateFrom: '2023-01-01',
      dateTo: '2024-06-30',
      language: 'ru',
    });
    expect(formOf(filters)).toEqual(form);
    expect(narrowingCount(form)).toBe(7);
  });

  it('a date range typed back to front means the same days; a half-typed date is not sent', () => {
    expect(filtersOf({ ...NO_FILTERS, dateFrom: '2024-06-30', dateTo: '2023-01-01' })).toEqual({
      dateFrom: '2023-01-01',
      dateTo: '2024-06-30',
    });
    expect(filtersOf({ ...NO_FILTERS, dateFrom: '2024-0', language: 'r' })).toEqual({});
  });
});
