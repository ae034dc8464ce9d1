// Drafts in the vault: saved as the lawyer types, kept as named versions, deleted with their text
// erased; and the reads export needs — cited excerpts (live, deleted, unknown), recommendations,
// pseudonymised names and "never export" quotes.
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { EMPTY_COVER } from '../../../src/shared/draft.ts';
import { doc, para } from '../drafts/support.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

function setup() {
  const db = tempDatabase();
  migrate(db);
  const s = new Store(db, { actor: 'tester' });
  const dossier = s.dossiers.create({ title: 'Kazakhstan', country: 'KAZ' });
  const draft = (title = 'Submission') =>
    s.drafts.create({
      dossierId: dossier.id,
      title,
      template: 'individual',
      cover: EMPTY_COVER,
      body: doc(para('A secret draft sentence.')),
    });
  return { db, s, dossier, draft };
}

describe('a lawyer’s drafts', () => {
  it('creates, saves and lists drafts, most recently edited first', () => {
    const { s, dossier, draft } = setup();
    const first = draft('First');
    const second = draft('Second');
    expect(s.drafts.list(dossier.id).map((d) => d.title)).toEqual(['Second', 'First']);
    const saved = s.drafts.update(first.id, {
      body: doc(para('Edited.')),
      cover: { ...EMPTY_COVER, state: 'Kazakhstan' },
    });
    expect(saved).toMatchObject({
      title: 'First',
      template: 'individual',
      cover: { state: 'Kazakhstan' },
      body: doc(para('Edited.')),
    });
    expect(s.drafts.list(dossier.id).map((d) => d.id)).toEqual([first.id, second.id]);
  });

  it('notes one edit per draft while the autosave runs, and never the draft’s text in the audit log', () => {
    const { s, draft } = setup();
    const d = draft();
    for (let i = 0; i < 5; i++) s.drafts.update(d.id, { body: doc(para(`Version ${i} of a secret sentence.`)) });
    const entries = s.audit.list().filter((e) => e.entityId === d.id);
    expect(entries.map((e) => e.action)).toEqual(['draft.create', 'draft.update']);
    expect(JSON.stringify(s.audit.list())).not.toContain('secret');
  });

  it('keeps named versions, newest first, as they were', () => {
    const { s, draft } = setup();
    const d = draft();
    const v1 = s.drafts.snapshot(d.id, '  Before the coalition call ');
    s.drafts.update(d.id, { body: doc(para('After the call.')) });
    const v2 = s.drafts.snapshot(d.id, 'After the call');
    expect(s.drafts.versions(d.id).map((v) => [v.id, v.name])).toEqual([
      [v2.id, 'After the call'],
      [v1.id, 'Before the coalition call'],
    ]);
    expect(s.drafts.version(d.id, v1.id).body).toEqual(doc(para('A secret draft sentence.')));
    expect(() => s.drafts.version('another draft', v1.id)).toThrow(/no longer exists/);
  });

  it('deletes a draft with its versions, erasing their text and keeping a tombstone', () => {
    const { db, s, dossier, draft } = setup();
    const d = draft();
    s.drafts.snapshot(d.id, 'v1');
    expect(s.drafts.remove(d.id)).toBe(true);
    expect(s.drafts.remove(d.id)).toBe(false);
    expect(s.drafts.get(d.id)).toBeNull();
    expect(s.drafts.list(dossier.id)).toEqual([]);
    expect(() => s.drafts.versions(d.id)).toThrow(/no longer exists/);
    const row = db.prepare('SELECT title, body, cover, deleted_at FROM draft WHERE id = ?').get(d.id) as Record<
      string,
      string
    >;
    expect(row).toMatchObject({ title: '', body: '[]', cover: '{}', deleted_at: expect.any(String) });
    expect(db.prepare('SELECT count(*) AS n FROM draft_version').get()).toEqual({ n: 0 });
  });

  it('reads a stored cover or body that an older version saved incompletely', () => {
    const { db, s, draft } = setup();
    const d = draft();
    db.prepare(`UPDATE draft SET cover = '{"state":"Kazakhstan"}', body = '[]' WHERE id = ?`).run(d.id);
    expect(s.drafts.require(d.id)).toMatchObject({
      cover: { ...EMPTY_COVER, state: 'Kazakhstan' },
      body: { type: 'doc', content: [] },
    });
  });
});

describe('what export reads from the vault', () => {
  it('finds each cited excerpt with its source, and says which are deleted or unknown', () => {
    const { s, dossier } = setup();
    const text = 'The Government says unions register freely. Unions report three refusals in 2023.';
    const source = s.sources.add({
      dossierId: dossier.id,
      title: 'Information supplied by the Government (2022)',
      kind: 'government_reply',
      text,
      authorOrganisation: 'Government of Kazakhstan',
      documentSymbol: 'CAN/D/Kazakhstan-C.87',
      dateText: '2022',
      url: 'https://normlex.ilo.org/kazakhstan-c87-2022',
      accessed: { date: '2024-06-03', source: 'file_modified' },
      original: { bytes: new TextEncoder().encode(text) },
    });
    const other = s.sources.add({ dossierId: dossier.id, title: 'Removed later', kind: 'other', text });
    const live = s.excerpts.add({ sourceId: source.id, exact: 'unions register freely', start: 20, end: 42, page: 3 });
    const removed = s.excerpts.add({ sourceId: source.id, exact: 'three refusals', start: 58, end: 72 });
    const ofRemovedSource = s.excerpts.add({ sourceId: other.id, exact: 'three refusals', start: 58, end: 72 });
    s.excerpts.remove(removed.id);
    s.sources.remove(other.id);

    const found = s.drafts.citedExcerpts([live.id, removed.id, ofRemovedSource.id, 'not-in-this-vault', live.id]);
    expect(found.get(live.id)).toEqual({
      id: live.id,
      status: 'live',
      confidentiality: 'restricted',
      page: 3,
      sourceId: source.id,
      sourceTitle: 'Information supplied by the Government (2022)',
      authorOrganisation: 'Government of Kazakhstan',
      documentSymbol: 'CAN/D/Kazakhstan-C.87',
      dateText: '2022',
      originalSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      sourceKind: 'government_reply',
      url: 'https://normlex.ilo.org/kazakhstan-c87-2022',
      accessed: '2024-06-03',
      sourceFormat: null,
      renditionGroup: null,
    });
    expect([removed.id, ofRemovedSource.id, 'not-in-this-vault'].map((id) => found.get(id)?.status)).toEqual([
      'deleted',
      'deleted',
      'missing',
    ]);
  });

  it('finds recommendations by id, with their States as a list', () => {
    const { db, s, dossier } = setup();
    db.prepare(
      `INSERT INTO recommendation (id, dossier_id, text, recommending_states, cycle, session, document_symbol, paragraph, response)
       VALUES ('r1', ?, 'Amend the law.', '["France","Norway"]', 3, '34', 'A/HRC/43/10', '140.12', 'noted')`,
    ).run(dossier.id);
    db.prepare(`INSERT INTO recommendation (id, dossier_id, text, deleted_at) VALUES ('r2', ?, '', '2026-01-01')`).run(
      dossier.id,
    );
    const found = s.drafts.recommendations(['r1', 'r2', 'r3']);
    expect(found.get('r1')).toEqual({
      id: 'r1',
      status: 'live',
      text: 'Amend the law.',
      recommendingStates: ['France', 'Norway'],
      cycle: 3,
      session: '34',
      documentSymbol: 'A/HRC/43/10',
      paragraph: '140.12',
      response: 'noted',
      inOtherDossier: false,
      mechanism: 'upr',
      iloBody: null,
      iloYear: null,
      iloConvention: null,
    });
    expect([found.get('r2')?.status, found.get('r3')?.status]).toEqual(['deleted', 'missing']);
  });

  it('lists the persons and organisations whose names must not leave as written', () => {
    const { s } = setup();
    const leader = s.entities.create({
      kind: 'person',
      name: 'Amin Eleusinov',
      aliases: ['Eleusinov'],
      pseudonym: 'a union leader',
    });
    const witness = s.entities.create({ kind: 'person', name: 'Larisa Kharkova', sensitivity: 'protected' });
    s.entities.create({ kind: 'person', name: 'Kassym-Jomart Tokayev' });
    s.entities.create({ kind: 'place', name: 'Zhanaozen', pseudonym: 'an oil town' });
    const gone = s.entities.create({ kind: 'organisation', name: 'KNPRK', pseudonym: 'a confederation' });
    s.entities.remove(gone.id);
    expect(s.drafts.pseudonymousEntities().sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {
        id: leader.id,
        kind: 'person',
        name: 'Amin Eleusinov',
        aliases: ['Eleusinov'],
        pseudonym: 'a union leader',
        sensitivity: 'normal',
      },
      {
        id: witness.id,
        kind: 'person',
        name: 'Larisa Kharkova',
        aliases: [],
        pseudonym: null,
        sensitivity: 'protected',
      },
    ]);
  });

  it('lists the dossier’s excerpts marked never export, to catch their words pasted into a draft', () => {
    const { s, dossier } = setup();
    const text = 'The witness was beaten at the police station. The Government denies it.';
    const source = s.sources.add({ dossierId: dossier.id, title: 'Field note', kind: 'testimony', text });
    const secret = s.excerpts.add({
      sourceId: source.id,
      exact: 'The witness was beaten at the police station.',
      start: 0,
      end: 45,
      confidentiality: 'never_export',
    });
    s.excerpts.add({
      sourceId: source.id,
      exact: 'The Government denies it.',
      start: 46,
      end: 71,
      confidentiality: 'public',
    });
    const elsewhere = s.dossiers.create({ title: 'Another country' });
    expect(s.drafts.protectedQuotes(dossier.id)).toEqual([
      { excerptId: secret.id, exact: 'The witness was beaten at the police station.' },
    ]);
    expect(s.drafts.protectedQuotes(elsewhere.id)).toEqual([]);
  });
});
