import { describe, expect, it } from 'vitest';
import { areaOf, areasChangedBy, isRead } from '../../../src/renderer/src/api/invalidation.ts';
import { METHODS } from '../../../src/shared/api.ts';

describe('after a change, the cached reads it can affect load again', () => {
  it('reads change nothing', () => {
    for (const method of ['excerpt.list', 'source.get', 'draft.check', 'app.preferences'] as const) {
      expect(areasChangedBy(method)).toEqual([]);
    }
  });

  it('coding an excerpt refreshes excerpt lists, the code book counts, entity pages and drafts', () => {
    const areas = areasChangedBy('excerpt.update');
    expect(areas).not.toBe('all');
    expect(areas).toEqual(expect.arrayContaining(['excerpt', 'code', 'entity', 'draft', 'source']));
  });

  it('placing an orphaned excerpt again is a write: the reader, the excerpt lists and the counts follow', () => {
    expect(isRead('excerpt.place')).toBe(false);
    expect(areasChangedBy('excerpt.place')).toEqual(expect.arrayContaining(['excerpt', 'source', 'code']));
  });

  it('a recommendation corrected in the tracker reaches the drafts that refer to it; its assessment and evidence only the tracker', () => {
    for (const method of ['recommendation.create', 'recommendation.update', 'recommendation.delete'] as const) {
      expect(areasChangedBy(method), method).toEqual(expect.arrayContaining(['recommendation', 'draft']));
    }
    for (const method of [
      'recommendation.assess',
      'recommendation.addEvidence',
      'recommendation.removeEvidence',
    ] as const) {
      expect(areasChangedBy(method), method).toEqual(['recommendation']);
    }
    for (const method of [
      'recommendation.list',
      'recommendation.matrix',
      'recommendation.facets',
      'recommendation.table',
    ] as const) {
      expect(isRead(method), method).toBe(true);
    }
    // Evidence shows excerpts: deleting one reaches the tracker.
    expect(areasChangedBy('excerpt.delete')).toEqual(expect.arrayContaining(['recommendation']));
  });

  it('a rename of a code reaches the excerpts that show it', () => {
    expect(areasChangedBy('code.update')).toEqual(expect.arrayContaining(['code', 'excerpt']));
  });

  it('the code book’s moves, merges and deletes reach the excerpts that carry the codes and the drafts that cite them', () => {
    expect(areasChangedBy('code.update')).toEqual(expect.arrayContaining(['code', 'excerpt']));
    for (const method of ['code.merge', 'code.delete'] as const) {
      expect(areasChangedBy(method)).toEqual(expect.arrayContaining(['code', 'excerpt', 'draft']));
    }
  });

  it('an entity added, renamed, merged or deleted reaches the entity pages, the excerpt filters, the suggestions and the drafts’ pseudonyms', () => {
    for (const method of ['entity.create', 'entity.update', 'entity.merge', 'entity.delete'] as const) {
      expect(areasChangedBy(method), method).toEqual(
        expect.arrayContaining(['entity', 'excerpt', 'suggestion', 'draft']),
      );
    }
  });

  it('search results follow every change of what they find: text, notes, names, drafts, and codes that filter them', () => {
    expect(isRead('search.query')).toBe(true);
    expect(isRead('search.saved.list')).toBe(true);
    expect(isRead('search.saved.create')).toBe(false);
    for (const method of [
      'excerpt.update',
      'excerpt.delete',
      'source.delete',
      'source.renormalise',
      'entity.update',
      'entity.merge',
      'draft.update',
      'code.merge',
      'code.delete',
      'search.saved.create',
    ] as const) {
      expect(areasChangedBy(method), method).toEqual(expect.arrayContaining(['search']));
    }
  });

  it('the timeline loads again when an event, an excerpt, a code or an entity changes, and an event’s change stays on the timeline', () => {
    for (const method of ['excerpt.update', 'excerpt.delete', 'entity.update', 'code.merge', 'code.delete'] as const) {
      expect(areasChangedBy(method), method).toEqual(expect.arrayContaining(['event']));
    }
    expect(areasChangedBy('event.create')).toEqual(['event']);
    expect(isRead('event.prefill')).toBe(true);
  });

  it('unlocking, locking and the sample replace everything', () => {
    for (const method of ['vault.unlock', 'vault.lock', 'sample.explore', 'sample.leave'] as const) {
      expect(areasChangedBy(method)).toBe('all');
    }
  });

  it('every write of the API table invalidates the reads of its own area', () => {
    const areasWithReads = new Set(METHODS.filter(isRead).map(areaOf));
    // Actions that change no case data: the lock handshake, a backup, a check of the vault's files (or stopping one),
    // a file dialog, an export written to disk.
    const quiet = [
      'vault.flushed',
      'vault.backup',
      'vault.verify',
      'vault.cancelTask',
      'import.pick',
      'draft.export',
      'annotation.export',
      'event.export',
    ];
    for (const method of METHODS) {
      if (isRead(method) || quiet.includes(method) || !areasWithReads.has(areaOf(method))) continue;
      const areas = areasChangedBy(method);
      if (areas !== 'all') expect(areas, method).toContain(areaOf(method));
    }
  });
});

describe('importing recommendations', () => {
  it('the preview only reads; the import reloads the tracker and the drafts that refer to recommendations', () => {
    expect(isRead('recommendation.importPreview')).toBe(true);
    expect(areasChangedBy('recommendation.import')).toEqual(['recommendation', 'draft']);
  });
});
