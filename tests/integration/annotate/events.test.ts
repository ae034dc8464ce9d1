// A monitor records the registration history of a union as events: when each step happened (a day,
// a month, a range, "since 2018"), who took part in which role, and the excerpts that prove it.
// The timeline lists them in order, filters them by entity, code and source kind, counts the sources
// behind each and marks those whose evidence is contradicted; it exports as CSV.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import type { Params } from '../../../src/shared/api.ts';
import { freshVault } from '../../support/vault.ts';

const REPLY =
  'The Confederation of Independent Trade Unions was registered on 4 March 2011. Its re-registration was refused in February 2016. Problems with registration have not been reported.';
const CAMPAIGN =
  'From July to December 2016 the courts liquidated the confederation. Since 2017 it has been unable to register again.';

async function setup() {
  const { services, ctx, dossier } = await freshVault();
  const store = services.vault.store();
  const reply = store.sources.add({
    dossierId: dossier.id,
    title: 'Government reply',
    kind: 'government_reply',
    text: REPLY,
    language: 'en',
  });
  const campaign = store.sources.add({
    dossierId: dossier.id,
    title: 'Campaign page',
    kind: 'web_page',
    text: CAMPAIGN,
    language: 'en',
  });
  const mark = (sourceId: string, text: string, words: string) =>
    call(
      handlers,
      'excerpt.create',
      { sourceId, start: text.indexOf(words), end: text.indexOf(words) + words.length },
      ctx,
    );
  const registered = await mark(reply.id, REPLY, 'was registered on 4 March 2011');
  const refused = await mark(reply.id, REPLY, 'Its re-registration was refused in February 2016');
  const notReported = await mark(reply.id, REPLY, 'Problems with registration have not been reported');
  const liquidated = await mark(
    campaign.id,
    CAMPAIGN,
    'From July to December 2016 the courts liquidated the confederation',
  );
  const since = await mark(campaign.id, CAMPAIGN, 'Since 2017 it has been unable to register again');
  const union = await call(handlers, 'entity.create', { kind: 'organisation', name: 'KNPRK' }, ctx);
  const ministry = await call(handlers, 'entity.create', { kind: 'organisation', name: 'Ministry of Justice' }, ctx);
  const code = await call(handlers, 'code.create', { name: 'Registration' }, ctx);
  const create = (params: Omit<Params<'event.create'>, 'dossierId'>) =>
    call(handlers, 'event.create', { dossierId: dossier.id, ...params }, ctx);
  return {
    services,
    ctx,
    dossier,
    store,
    excerpts: { registered, refused, notReported, liquidated, since },
    union,
    ministry,
    code,
    create,
  };
}

describe('events and the timeline', () => {
  it('lists a registration history in order, whatever order it was typed in, with each date as it was known', async () => {
    const { ctx, dossier, excerpts, union, create } = await setup();
    await create({
      title: 'Unable to register',
      when: 'since 2017',
      participants: [{ entityId: union.id, role: 'victim' }],
      excerptIds: [excerpts.since.id],
    });
    await create({
      title: 'Liquidated by the courts',
      when: 'July to December 2016',
      excerptIds: [excerpts.liquidated.id],
    });
    await create({
      title: 'Registered',
      when: '4 March 2011',
      participants: [{ entityId: union.id, role: 'complainant' }],
      excerptIds: [excerpts.registered.id],
    });
    await create({ title: 'Re-registration refused', when: 'февраль 2016', excerptIds: [excerpts.refused.id] });
    await create({ title: 'Undated' });

    const timeline = await call(handlers, 'event.list', { dossierId: dossier.id }, ctx);
    expect(
      timeline.map((e) => [e.title, e.date?.start ?? null, e.date?.end ?? null, e.date?.precision ?? null]),
    ).toEqual([
      ['Registered', '2011-03-04', '2011-03-04', 'day'],
      ['Re-registration refused', '2016-02-01', '2016-02-29', 'month'],
      ['Liquidated by the courts', '2016-07-01', '2016-12-31', 'month'],
      ['Unable to register', '2017-01-01', null, 'year'],
      ['Undated', null, null, null],
    ]);
    expect(timeline[3]?.dateText).toBe('since 2017');
    // Filtered by the organisation: only the events it takes part in.
    const ofUnion = await call(handlers, 'event.list', { dossierId: dossier.id, entityId: union.id }, ctx);
    expect(ofUnion.map((e) => e.title)).toEqual(['Registered', 'Unable to register']);
    // A period keeps what can fall in it: the range and the open end overlap 2016's autumn.
    const autumn = await call(
      handlers,
      'event.list',
      { dossierId: dossier.id, from: '2016-09-01', to: '2016-11-30' },
      ctx,
    );
    expect(autumn.map((e) => e.title)).toEqual(['Liquidated by the courts']);
    const later = await call(handlers, 'event.list', { dossierId: dossier.id, from: '2020-01-01' }, ctx);
    expect(later.map((e) => e.title)).toEqual(['Unable to register']);
  });

  it('refuses a date it cannot read, and evidence from another dossier', async () => {
    const { ctx, excerpts, create } = await setup();
    await expect(create({ title: 'Sometime', when: 'a long while ago' })).rejects.toMatchObject({
      code: 'EVENT_DATE_UNREADABLE',
    });
    const other = await call(handlers, 'dossier.create', { title: 'Belarus' }, ctx);
    await expect(
      call(
        handlers,
        'event.create',
        { dossierId: other.id, title: 'Elsewhere', excerptIds: [excerpts.refused.id] },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'EVIDENCE_FROM_OTHER_DOSSIER' });
  });

  it('counts the sources behind an event, filters by code and source kind, and marks it disputed when its evidence is contradicted', async () => {
    const { ctx, dossier, store, excerpts, code, create } = await setup();
    const refused = await create({
      title: 'Re-registration refused',
      when: 'February 2016',
      excerptIds: [excerpts.refused.id, excerpts.liquidated.id],
    });
    const registered = await create({ title: 'Registered', when: '2011', excerptIds: [excerpts.registered.id] });
    expect(refused.sourceCount).toBe(2);
    expect(registered.sourceCount).toBe(1);
    expect(refused.disputed).toBe(false);

    await call(handlers, 'excerpt.update', { id: excerpts.registered.id, codeIds: [code.id] }, ctx);
    expect(
      (await call(handlers, 'event.list', { dossierId: dossier.id, codeId: code.id }, ctx)).map((e) => e.title),
    ).toEqual(['Registered']);
    expect(
      (await call(handlers, 'event.list', { dossierId: dossier.id, sourceKind: 'web_page' }, ctx)).map((e) => e.title),
    ).toEqual(['Re-registration refused']);

    // The campaign page contradicts the reply's "have not been reported" (an excerpt link).
    await call(
      handlers,
      'excerpt.link',
      { fromExcerptId: excerpts.liquidated.id, toExcerptId: excerpts.notReported.id, kind: 'contradicts' },
      ctx,
    );
    const after = await call(handlers, 'event.get', { id: refused.id }, ctx);
    expect(after.disputed).toBe(true);
    expect(after.evidence.find((e) => e.excerptId === excerpts.liquidated.id)?.contradicted).toBe(true);
    expect((await call(handlers, 'event.get', { id: registered.id }, ctx)).disputed).toBe(false);
  });

  it('deleting an excerpt removes it from the events it supported, and says how many', async () => {
    const { ctx, excerpts, create } = await setup();
    const a = await create({ title: 'Refused', excerptIds: [excerpts.refused.id, excerpts.registered.id] });
    await create({ title: 'Refused again', excerptIds: [excerpts.refused.id] });
    expect(await call(handlers, 'excerpt.delete', { id: excerpts.refused.id }, ctx)).toEqual({
      deleted: true,
      linksRemoved: 0,
      evidenceRemoved: 2,
    });
    const left = await call(handlers, 'event.get', { id: a.id }, ctx);
    expect(left.evidence.map((e) => e.excerptId)).toEqual([excerpts.registered.id]);
    expect(await call(handlers, 'excerpt.delete', { id: excerpts.registered.id }, ctx)).toEqual({
      deleted: true,
      linksRemoved: 0,
      evidenceRemoved: 1,
    });
  });

  it('edits participants and evidence one at a time, and deletes an event without touching its excerpts', async () => {
    const { ctx, dossier, excerpts, union, ministry, create } = await setup();
    const event = await create({ title: 'Refused', when: 'February 2016' });
    await call(handlers, 'event.addParticipant', { id: event.id, entityId: union.id, role: 'victim' }, ctx);
    await call(handlers, 'event.addParticipant', { id: event.id, entityId: ministry.id, role: 'authority' }, ctx);
    const withEvidence = await call(
      handlers,
      'event.addEvidence',
      { id: event.id, excerptId: excerpts.refused.id },
      ctx,
    );
    expect(withEvidence.participants.map((p) => [p.name, p.role])).toEqual([
      ['KNPRK', 'victim'],
      ['Ministry of Justice', 'authority'],
    ]);
    const fewer = await call(
      handlers,
      'event.removeParticipant',
      { id: event.id, entityId: union.id, role: 'victim' },
      ctx,
    );
    expect(fewer.participants.map((p) => p.name)).toEqual(['Ministry of Justice']);
    const moved = await call(handlers, 'event.update', { id: event.id, when: '2009–15', place: 'Astana' }, ctx);
    expect(moved.date).toEqual({ start: '2009-01-01', end: '2015-12-31', precision: 'year' });
    expect(moved.place).toBe('Astana');
    expect(await call(handlers, 'event.delete', { id: event.id }, ctx)).toEqual({ deleted: true });
    await expect(call(handlers, 'event.get', { id: event.id }, ctx)).rejects.toMatchObject({ code: 'EVENT_NOT_FOUND' });
    expect(await call(handlers, 'event.list', { dossierId: dossier.id }, ctx)).toEqual([]);
    const list = await call(handlers, 'excerpt.list', { dossierId: dossier.id }, ctx);
    expect(list.items.map((e) => e.id)).toContain(excerpts.refused.id);
  });

  it('prefills an event from an excerpt with its suggested date and linked entities', async () => {
    const { ctx, dossier, excerpts, union } = await setup();
    await call(handlers, 'excerpt.update', { id: excerpts.liquidated.id, entityIds: [union.id] }, ctx);
    const prefill = await call(handlers, 'event.prefill', { excerptId: excerpts.liquidated.id }, ctx);
    expect(prefill).toMatchObject({
      dossierId: dossier.id,
      date: { start: '2016-07-01', end: '2016-12-31', precision: 'month' },
      participants: [{ entityId: union.id, name: 'KNPRK', role: 'other' }],
      excerptIds: [excerpts.liquidated.id],
    });
    expect(prefill.title).toContain('the courts liquidated');
  });

  it('exports the timeline as CSV, dates printed in the chosen language', async () => {
    const { ctx, dossier, union, create } = await setup();
    await create({
      title: 'Registered',
      when: '4 March 2011',
      participants: [{ entityId: union.id, role: 'complainant' }],
    });
    await create({ title: '=Liquidated', when: 'July to December 2016' });
    const path = join(mkdtempSync(join(tmpdir(), 'upright-timeline-')), 'timeline.csv');
    const result = await call(handlers, 'event.export', { dossierId: dossier.id, path, locale: 'ru' }, ctx);
    expect(result).toEqual({ saved: true, path, count: 2 });
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('Date,From,To,Event,What happened,Place,Participants,Sources,Evidence excerpts,Disputed');
    expect(lines[1]).toMatch(/^4 марта 2011\sг\.,2011-03-04,2011-03-04,Registered,,,KNPRK \(complainant\),0,0,no$/u);
    // A title that a spreadsheet would run as a formula stays text.
    expect(lines[2]).toContain(",'=Liquidated,");
    // A renderer cannot name the path itself.
    await expect(
      call(handlers, 'event.export', { dossierId: dossier.id, path }, { ...ctx, transport: 'ipc' }),
    ).rejects.toMatchObject({ code: 'SAVE_PATH_FROM_DIALOG' });
  });
});
