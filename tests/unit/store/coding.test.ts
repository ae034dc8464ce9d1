// A lawyer codes excerpts and reorganises the code book; no excerpt's coding is lost on the way.
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { coOccurrence } from '../../../src/renderer/src/features/excerpts/cooccurrence.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

function setup() {
  const db = tempDatabase();
  migrate(db);
  const s = new Store(db, { actor: 'tester' });
  const dossier = s.dossiers.create({ title: 'Kazakhstan' });
  const text = 'The Government says unions register freely. Unions report three refusals in 2023.';
  const source = s.sources.add({ dossierId: dossier.id, title: 'ILO reply', kind: 'government_reply', text });
  const mark = (exact: string, codeIds: string[] = []) => {
    const start = text.indexOf(exact);
    return s.excerpts.add({ sourceId: source.id, exact, start, end: start + exact.length, codeIds });
  };
  return { s, dossier, source, mark };
}

describe('a lawyer codes excerpts', () => {
  it('creates codes, attaches them, and filters the dossier’s excerpts by code, stance, confidentiality and text', () => {
    const { s, dossier, mark } = setup();
    const registration = s.codes.create({ name: 'Registration' });
    const claims = s.codes.create({ name: 'State claims' });
    const claim = mark('The Government says unions register freely', [registration.id, claims.id]);
    const refusal = mark('Unions report three refusals in 2023', [registration.id]);
    s.excerpts.update(claim.id, { stance: 'state_claim', confidentiality: 'public', note: 'compare with field notes' });
    s.excerpts.update(refusal.id, { stance: 'allegation', confidentiality: 'never_export' });

    expect(s.codes.list().map((c) => [c.name, c.excerptCount])).toEqual([
      ['Registration', 2],
      ['State claims', 1],
    ]);
    const ids = (f: Parameters<typeof s.excerpts.list>[0]) => s.excerpts.list(f).map((e) => e.id);
    expect(ids({ dossierId: dossier.id })).toEqual([claim.id, refusal.id]);
    expect(ids({ dossierId: dossier.id, codeId: claims.id })).toEqual([claim.id]);
    expect(ids({ dossierId: dossier.id, stance: 'allegation' })).toEqual([refusal.id]);
    expect(ids({ dossierId: dossier.id, confidentiality: 'never_export' })).toEqual([refusal.id]);
    expect(ids({ dossierId: dossier.id, text: 'FIELD NOTES' })).toEqual([claim.id]);
    expect(s.excerpts.list({ dossierId: dossier.id })[0]).toMatchObject({
      sourceTitle: 'ILO reply',
      codeIds: [registration.id, claims.id],
    });

    const table = coOccurrence(s.excerpts.list({ dossierId: dossier.id }), [registration.id, claims.id]);
    expect(table.counts).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it('refuses a duplicate name among siblings, a code under its own sub-code, and a vanished code', () => {
    const { s, mark } = setup();
    const parent = s.codes.create({ name: 'Trade unions' });
    const child = s.codes.create({ name: 'Registration', parentId: parent.id });
    expect(() => s.codes.create({ name: 'registration', parentId: parent.id })).toThrow(
      expect.objectContaining({ code: 'CODE_NAME_TAKEN', params: { name: 'registration' } }),
    );
    expect(s.codes.create({ name: 'Registration' }).parentId).toBeNull(); // same name elsewhere is fine
    expect(() => s.codes.update(parent.id, { parentId: child.id })).toThrow(
      expect.objectContaining({ code: 'CODE_UNDER_ITSELF' }),
    );
    expect(() => mark('Unions report', ['no-such-code'])).toThrow(
      expect.objectContaining({ code: 'LINKED_CODE_GONE' }),
    );
  });

  it('merges two codes: the excerpts and sub-codes follow, an excerpt with both keeps one', () => {
    const { s, mark } = setup();
    const a = s.codes.create({ name: 'Refusals' });
    const b = s.codes.create({ name: 'Registration refusals' });
    const sub = s.codes.create({ name: 'Stamp missing', parentId: b.id });
    const both = mark('Unions report three refusals', [a.id, b.id]);
    const onlyB = mark('The Government says', [b.id]);

    const merged = s.codes.merge(b.id, a.id);
    expect(merged.excerptCount).toBe(2);
    expect(s.excerpts.get(both.id)?.codeIds).toEqual([a.id]);
    expect(s.excerpts.get(onlyB.id)?.codeIds).toEqual([a.id]);
    expect(s.codes.list().find((c) => c.id === sub.id)?.parentId).toBe(a.id);
    expect(s.codes.list().map((c) => c.id)).not.toContain(b.id);
    expect(() => s.codes.merge(a.id, sub.id)).toThrow(expect.objectContaining({ code: 'CODE_MERGE_INTO_SUBCODE' }));
  });

  it('deletes a code, moving its excerpts where asked or just uncoding them', () => {
    const { s, mark } = setup();
    const keep = s.codes.create({ name: 'Keep' });
    const gone = s.codes.create({ name: 'Gone' });
    const alsoGone = s.codes.create({ name: 'Also gone' });
    const e1 = mark('The Government says', [gone.id]);
    const e2 = mark('Unions report', [alsoGone.id, keep.id]);

    s.codes.remove(gone.id, keep.id);
    expect(s.excerpts.get(e1.id)?.codeIds).toEqual([keep.id]);
    s.codes.remove(alsoGone.id, null);
    expect(s.excerpts.get(e2.id)?.codeIds).toEqual([keep.id]);
    expect(s.codes.list().map((c) => [c.name, c.excerptCount])).toEqual([['Keep', 2]]);
  });

  it('removes an excerpt without touching the source, erasing its quote and note', () => {
    const { s, source, mark } = setup();
    const code = s.codes.create({ name: 'X' });
    const excerpt = mark('Unions report', [code.id]);
    s.excerpts.update(excerpt.id, { note: 'sensitive remark' });
    expect(s.excerpts.remove(excerpt.id)).toBe(true);
    expect(s.excerpts.get(excerpt.id)).toBeNull();
    expect(s.excerpts.listForSource(source.id)).toEqual([]);
    expect(s.codes.list()[0]?.excerptCount).toBe(0);
    expect(s.sources.get(source.id)?.text).toContain('Unions report');
    expect(s.excerpts.remove(excerpt.id)).toBe(false);
  });
});
