// A lawyer opens the 2022 ILO reply and goes through Upright's suggestions: accepting one marks an
// excerpt and links the entity it names; dismissing one makes it go away for good. Nothing is
// applied until the lawyer says so.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptSuggestion, suggestionsFor } from '../../../src/main/annotate/suggestions.ts';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from '../../unit/store/helpers.ts';

afterEach(closeAll);

const TEXT = readFileSync('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt', 'utf8');

function setup() {
  const store = new Store(
    (() => {
      const db = tempDatabase();
      migrate(db);
      return db;
    })(),
  );
  const dossier = store.dossiers.create({ title: 'Kazakhstan' });
  const source = store.sources.add({
    dossierId: dossier.id,
    title: 'ILO reply 2022',
    kind: 'government_reply',
    text: TEXT,
  });
  return { store, source };
}

describe('suggestions in the reader', () => {
  it('are offered, never applied: the source has no excerpts or entities until one is accepted', () => {
    const { store, source } = setup();
    const offered = suggestionsFor(store, source.id);
    expect(new Set(offered.map((s) => s.kind))).toEqual(new Set(['date', 'legal_reference', 'organisation', 'person']));
    for (const s of offered) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
    expect(store.excerpts.listForSource(source.id)).toEqual([]);
    expect(store.entities.list()).toEqual([]);
  });

  it('accepting a legal reference marks an excerpt noting its canonical form and links one entity for every mention', () => {
    const { store, source } = setup();
    const conventions = suggestionsFor(store, source.id).filter(
      (s) => s.kind === 'legal_reference' && /Convention No\. 87/.test(s.text),
    );
    expect(conventions.length).toBeGreaterThanOrEqual(2);
    const [first, second] = conventions as [(typeof conventions)[0], (typeof conventions)[0]];

    const a = acceptSuggestion(store, source.id, first.key);
    const b = acceptSuggestion(store, source.id, second.key);

    expect(a.excerpt).toMatchObject({ exact: first.text, start: first.start, note: `Legal reference: ${first.value}` });
    expect(a.entityId).not.toBeNull();
    expect(b.entityId).toBe(a.entityId); // the same convention, one entity
    expect(store.entities.require(a.entityId as string)).toMatchObject({ kind: 'instrument', excerptCount: 2 });
    // Accepted mentions are no longer offered.
    expect(suggestionsFor(store, source.id).map((s) => s.key)).not.toContain(first.key);
  });

  it('dismissing a suggestion hides it for this source, and a stale key is refused with a clear message', () => {
    const { store, source } = setup();
    const date = suggestionsFor(store, source.id).find((s) => s.kind === 'date');
    expect(date).toBeDefined();
    store.sources.dismissSuggestion(source.id, date?.key as string);
    expect(suggestionsFor(store, source.id).map((s) => s.key)).not.toContain(date?.key);
    expect(() => acceptSuggestion(store, source.id, date?.key as string)).toThrow(/no longer applies/);
    expect(store.excerpts.listForSource(source.id)).toEqual([]);
  });
});
