// How a merge decides, record by record, from three hashes: mine (this vault now), theirs (the
// bundle) and the base (the record as both held it when they last exchanged). Changed there only:
// take theirs. Changed here only: keep mine, silently. Changed on both sides: ask. Deleted there and
// untouched here: delete here; deleted there but edited here: ask.
import { afterEach, describe, expect, it } from 'vitest';
import { merge, type OpenedBundle, plan } from '../../../src/main/bundles/exchange.ts';
import { recordHash } from '../../../src/main/store/bundles.ts';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import type { BundleRecord } from '../../../src/shared/bundles.ts';
import { closeAll, tempDatabase } from '../store/helpers.ts';

afterEach(closeAll);

const PEER = `age1${'z'.repeat(58)}`;

function vault() {
  const db = tempDatabase();
  migrate(db);
  const store = new Store(db, { actor: 'tester' });
  const dossier = store.dossiers.create({ title: 'Kazakhstan' });
  const registration = store.codes.create({ name: 'Registration' });
  const strikes = store.codes.create({ name: 'Strikes' });
  return { store, dossier, registration, strikes };
}

function bundleOf(records: BundleRecord[], dossierId: string, tombstones: OpenedBundle['manifest']['tombstones'] = []) {
  return {
    manifest: {
      format: 'upright-bundle',
      version: 1,
      bundleId: 'b1',
      createdAt: '2026-12-06T00:00:00.000Z',
      schemaVersion: 16,
      sender: { name: 'Aigerim', ageRecipient: PEER, signingKey: 'k'.repeat(43) },
      dossier: { id: dossierId, title: 'Kazakhstan' },
      neverExportIncluded: false,
      recordsSha256: '0'.repeat(64),
      records: records.map((r) => ({ kind: r.kind, id: r.id, sha256: recordHash(r) })),
      originals: [],
      tombstones,
    },
    records,
    originals: new Map(),
  } satisfies OpenedBundle;
}

describe('a merge, record by record', () => {
  it('takes theirs where only they changed, keeps mine where only I did, and asks where both did', () => {
    const { store, dossier, registration, strikes } = vault();
    const read = (id: string) => store.bundles.read('code', id, false) as BundleRecord;
    // Both vaults held these codes as they are now when they last exchanged.
    store.bundles.remember(PEER, dossier.id, [
      { kind: 'code', recordId: registration.id, hash: recordHash(read(registration.id)) },
      { kind: 'code', recordId: strikes.id, hash: recordHash(read(strikes.id)) },
    ]);
    const theirsRegistration = {
      ...read(registration.id),
      row: { ...read(registration.id).row, name: 'Registration (theirs)' },
    };
    const theirsStrikes = { ...read(strikes.id), row: { ...read(strikes.id).row, description: 'Their note' } };
    const newCode: BundleRecord = {
      ...read(strikes.id),
      id: 'c-new',
      row: { ...read(strikes.id).row, id: 'c-new', name: 'Dismissals' },
    };
    store.codes.update(strikes.id, { description: 'My note' });

    const changes = plan(store, bundleOf([theirsRegistration, theirsStrikes, newCode], dossier.id));
    expect(changes.map((c) => [c.id, c.change])).toEqual([
      [registration.id, 'changed'],
      [strikes.id, 'conflict'],
      ['c-new', 'added'],
    ]);

    // An unresolved conflict refuses the whole merge; resolved, everything lands in one go.
    const bundle = bundleOf([theirsRegistration, theirsStrikes, newCode], dossier.id);
    expect(() => merge(store, bundle, {})).toThrow(/changed on both sides/);
    expect(store.codes.list().map((c) => c.name)).not.toContain('Dismissals');
    expect(merge(store, bundle, { [`code:${strikes.id}`]: 'mine' })).toEqual({
      added: 1,
      changed: 1,
      tombstoned: 0,
      keptMine: 1,
      keptBoth: 0,
    });
    expect(store.codes.require(registration.id).name).toBe('Registration (theirs)');
    expect(store.codes.require(strikes.id).description).toBe('My note');
    // Their version is now the base: the same bundle again finds nothing to do.
    expect(plan(store, bundle).every((c) => c.change === 'unchanged')).toBe(true);
  });

  it('deletes what they deleted only where it is untouched here', () => {
    const { store, dossier, registration, strikes } = vault();
    const read = (id: string) => store.bundles.read('code', id, false) as BundleRecord;
    store.bundles.remember(PEER, dossier.id, [
      { kind: 'code', recordId: registration.id, hash: recordHash(read(registration.id)) },
      { kind: 'code', recordId: strikes.id, hash: recordHash(read(strikes.id)) },
    ]);
    store.codes.update(strikes.id, { description: 'Edited here since' });
    const gone = [
      { kind: 'code' as const, id: registration.id },
      { kind: 'code' as const, id: strikes.id },
    ];
    expect(plan(store, bundleOf([], dossier.id, gone)).map((c) => [c.id, c.change])).toEqual([
      [registration.id, 'tombstoned'],
      [strikes.id, 'conflict'],
    ]);
    merge(store, bundleOf([], dossier.id, gone), { [`code:${strikes.id}`]: 'theirs' });
    expect(store.codes.list().map((c) => c.id)).toEqual([]);
  });

  it('refuses a bundle that reaches into another dossier or breaks the vault’s rules, writing nothing', () => {
    const { store, dossier } = vault();
    const other = store.dossiers.create({ title: 'Belarus' });
    const source = store.sources.add({ dossierId: dossier.id, title: 'Report', kind: 'ngo_report', text: 'Words.' });
    const template = store.bundles.read('source', source.id, false) as BundleRecord;
    const intoOther: BundleRecord = {
      ...template,
      id: 'smuggled',
      row: { ...template.row, id: 'smuggled', dossier_id: other.id },
      children: { ...template.children, original: [] },
    };
    const broken: BundleRecord = {
      ...template,
      id: 'broken',
      row: { ...template.row, id: 'broken', kind: 'not a kind' },
      children: { ...template.children, original: [] },
    };
    const auditBefore = store.audit.count();
    for (const record of [intoOther, broken]) {
      expect(() => merge(store, bundleOf([record], dossier.id), {})).toThrow(
        expect.objectContaining({ code: 'BUNDLE_INCOMPATIBLE' }),
      );
      expect(store.bundles.exists('source', record.id)).toBe(false);
    }
    expect(store.audit.count()).toBe(auditBefore);
  });
});
