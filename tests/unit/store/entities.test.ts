// A lawyer records who and what the sources talk about: entities with their aliases and acronyms,
// linked to excerpts, merged when two records turn out to be one, and found wherever they are named.
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

const REPLY =
  'The Ministry of Labour and Social Protection of the Population drafted amendments. ' +
  'L. Kharkova’s ban on holding leadership positions expires in November 2022.';
const FIELD_NOTE = 'Встреча с представителями МТСЗН: Харькова не смогла присутствовать.';

function setup() {
  const db = tempDatabase();
  migrate(db);
  const s = new Store(db, { actor: 'tester' });
  const dossier = s.dossiers.create({ title: 'Kazakhstan' });
  const reply = s.sources.add({ dossierId: dossier.id, title: 'ILO reply', kind: 'government_reply', text: REPLY });
  const note = s.sources.add({ dossierId: dossier.id, title: 'Field note', kind: 'testimony', text: FIELD_NOTE });
  const other = s.sources.add({
    dossierId: dossier.id,
    title: 'Unrelated',
    kind: 'media',
    text: 'A report on teachers’ pay.',
  });
  const mark = (source: { id: string }, text: string, exact: string) => {
    const start = text.indexOf(exact);
    if (start < 0) throw new Error(`not in the text: ${exact}`);
    return s.excerpts.add({ sourceId: source.id, exact, start, end: start + exact.length });
  };
  return { db, s, dossier, reply, note, other, mark };
}

describe('a lawyer keeps entities', () => {
  it('keeps aliases tidy, refuses a second entity of the same kind and name, and lists by kind and by any name', () => {
    const { s } = setup();
    const ministry = s.entities.create({
      kind: 'organisation',
      name: ' Ministry of Labour and Social Protection of the Population ',
      aliases: ['МТСЗН', ' MLSPP', '', 'mlspp', 'Ministry of Labour and Social Protection of the Population'],
      description: 'Drafts the amendments to the Trade Union Act.',
    });
    expect(ministry).toMatchObject({
      name: 'Ministry of Labour and Social Protection of the Population',
      aliases: ['МТСЗН', 'MLSPP'],
      pseudonym: null,
      sensitivity: 'normal',
      excerptCount: 0,
    });
    const kharkova = s.entities.create({
      kind: 'person',
      name: 'Larisa Kharkova',
      aliases: ['L. Kharkova', 'Харькова'],
      pseudonym: 'a trade union leader',
      sensitivity: 'protected',
    });
    s.entities.create({ kind: 'instrument', name: 'ILO Convention No. 87', aliases: ['C87'] });

    expect(() => s.entities.create({ kind: 'person', name: 'LARISA  kharkova' })).toThrow(
      /already a person named “LARISA kharkova”/,
    );
    // The same name under another kind is another entity (a union and the place named after it).
    expect(s.entities.create({ kind: 'place', name: 'Larisa Kharkova' }).kind).toBe('place');

    const names = (f: Parameters<typeof s.entities.list>[0]) => s.entities.list(f).map((e) => e.name);
    expect(names({ kind: 'person' })).toEqual(['Larisa Kharkova']);
    expect(names({ text: 'мтсзн' })).toEqual([ministry.name]); // an acronym alias, in another case and script
    expect(names({ text: 'c87' })).toEqual(['ILO Convention No. 87']);
    expect(names({ text: 'kharkova', kind: 'person' })).toEqual(['Larisa Kharkova']);
    expect(names({ text: 'nobody' })).toEqual([]);
    expect(names({})).toHaveLength(4);

    const changed = s.entities.update(kharkova.id, { aliases: ['Kharkova', 'Larisa Kharkova'], pseudonym: '  ' });
    expect(changed).toMatchObject({ aliases: ['Kharkova'], pseudonym: null, sensitivity: 'protected' });
    expect(() => s.entities.update(kharkova.id, { name: '   ' })).toThrow(/needs a name/);
  });

  it('links excerpts and filters the dossier’s excerpts by entity and by source kind', () => {
    const { s, dossier, reply, note, mark } = setup();
    const ministry = s.entities.create({ kind: 'organisation', name: 'Ministry of Labour', aliases: ['МТСЗН'] });
    const kharkova = s.entities.create({ kind: 'person', name: 'Larisa Kharkova' });
    const drafted = mark(reply, REPLY, 'Ministry of Labour and Social Protection of the Population drafted amendments');
    const ban = mark(reply, REPLY, 'L. Kharkova’s ban on holding leadership positions');
    const meeting = mark(note, FIELD_NOTE, 'Встреча с представителями МТСЗН');

    expect(s.excerpts.update(drafted.id, { entityIds: [ministry.id] }).entityIds).toEqual([ministry.id]);
    s.entities.link(ban.id, kharkova.id);
    s.entities.link(ban.id, kharkova.id); // twice is harmless
    s.entities.link(meeting.id, ministry.id);
    s.entities.link(meeting.id, kharkova.id);
    expect(s.excerpts.get(meeting.id)?.entityIds).toEqual([ministry.id, kharkova.id]);
    expect(() => s.excerpts.update(ban.id, { entityIds: ['no-such-entity'] })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(s.excerpts.get(ban.id)?.entityIds).toEqual([kharkova.id]); // the refused change left it alone

    const ids = (f: Omit<Parameters<typeof s.excerpts.list>[0], 'dossierId'>) =>
      s.excerpts.list({ dossierId: dossier.id, ...f }).map((e) => e.id);
    expect(ids({ entityId: ministry.id })).toEqual([drafted.id, meeting.id]);
    expect(ids({ entityId: kharkova.id })).toEqual([ban.id, meeting.id]);
    expect(ids({ sourceKind: 'testimony' })).toEqual([meeting.id]);
    expect(ids({ sourceKind: 'government_reply', entityId: kharkova.id })).toEqual([ban.id]);
    expect(ids({ sourceKind: 'media' })).toEqual([]);
    expect(s.excerpts.list({ dossierId: dossier.id, entityId: kharkova.id })[1]?.entityIds).toEqual([
      ministry.id,
      kharkova.id,
    ]);

    expect(s.entities.require(ministry.id)).toMatchObject({ excerptCount: 2, sourceCount: 2 });
    expect(s.entities.unlink(meeting.id, ministry.id)).toBe(true);
    expect(s.entities.unlink(meeting.id, ministry.id)).toBe(false);
    expect(s.entities.require(ministry.id)).toMatchObject({ excerptCount: 1, sourceCount: 1 });
    // Deleting an excerpt takes its links with it.
    s.excerpts.remove(ban.id);
    expect(s.entities.require(kharkova.id).excerptCount).toBe(1);
  });

  it('merges two records of one organisation: links follow, names become aliases, protection is kept', () => {
    const { s, reply, note, mark } = setup();
    const full = s.entities.create({ kind: 'organisation', name: 'Ministry of Labour and Social Protection' });
    const acronym = s.entities.create({
      kind: 'organisation',
      name: 'МТСЗН',
      aliases: ['MLSPP'],
      pseudonym: 'a ministry',
      sensitivity: 'sensitive',
      description: 'Russian acronym',
    });
    const both = mark(reply, REPLY, 'Ministry of Labour and Social Protection of the Population');
    const onlyAcronym = mark(note, FIELD_NOTE, 'представителями МТСЗН');
    s.excerpts.update(both.id, { entityIds: [full.id, acronym.id] });
    s.excerpts.update(onlyAcronym.id, { entityIds: [acronym.id] });

    const merged = s.entities.merge(acronym.id, full.id);
    expect(merged).toMatchObject({
      id: full.id,
      name: 'Ministry of Labour and Social Protection',
      aliases: ['МТСЗН', 'MLSPP'],
      pseudonym: 'a ministry',
      sensitivity: 'sensitive',
      description: 'Russian acronym',
      excerptCount: 2,
      sourceCount: 2,
    });
    expect(s.excerpts.get(both.id)?.entityIds).toEqual([full.id]);
    expect(s.excerpts.get(onlyAcronym.id)?.entityIds).toEqual([full.id]);
    expect(s.entities.get(acronym.id)).toBeNull();
    expect(s.entities.list().map((e) => e.id)).toEqual([full.id]);
    expect(() => s.entities.merge(full.id, full.id)).toThrow(/into itself/);
    expect(() => s.entities.merge(acronym.id, full.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('deletes an entity: the excerpts stay, the name is erased, the audit log never names it', () => {
    const { db, s, reply, mark } = setup();
    const kharkova = s.entities.create({
      kind: 'person',
      name: 'Larisa Kharkova',
      aliases: ['Харькова'],
      pseudonym: 'a trade union leader',
    });
    const ban = mark(reply, REPLY, 'L. Kharkova’s ban');
    s.entities.link(ban.id, kharkova.id);
    s.entities.update(kharkova.id, { description: 'Former chair of the KNPRK' });

    expect(s.entities.remove(kharkova.id)).toBe(true);
    expect(s.entities.remove(kharkova.id)).toBe(false);
    expect(s.entities.get(kharkova.id)).toBeNull();
    expect(() => s.entities.require(kharkova.id)).toThrow('This entity no longer exists.');
    expect(s.excerpts.get(ban.id)?.entityIds).toEqual([]);
    expect(() => s.entities.link(ban.id, kharkova.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    const tombstone = db.prepare('SELECT name, aliases, pseudonym, description, deleted_at FROM entity').get() as {
      name: string;
      aliases: string;
      pseudonym: string | null;
      description: string;
      deleted_at: string | null;
    };
    expect(tombstone).toMatchObject({ name: '', aliases: '[]', pseudonym: null, description: '' });
    expect(tombstone.deleted_at).not.toBeNull();

    const log = JSON.stringify(s.audit.list({ limit: 100 }));
    expect(log).toContain('entity.delete');
    for (const secret of ['Kharkova', 'Харькова', 'trade union leader', 'KNPRK']) expect(log).not.toContain(secret);
  });

  it('finds every mention: linked excerpts with their source, and sources naming the entity or an alias', () => {
    const { s, dossier, reply, note, mark } = setup();
    const ministry = s.entities.create({
      kind: 'organisation',
      name: 'Ministry of Labour and Social Protection',
      aliases: ['МТСЗН', '—'],
    });
    const drafted = mark(reply, REPLY, 'drafted amendments');

    // Nothing linked yet: the sources still show up because their text names it.
    const before = s.entities.mentions(ministry.id);
    expect(before.excerpts).toEqual([]);
    expect(before.sources.map((m) => m.title).sort()).toEqual(['Field note', 'ILO reply']);
    const inNote = before.sources.find((m) => m.title === 'Field note');
    expect(inNote).toMatchObject({ id: note.id, kind: 'testimony', dossierTitle: 'Kazakhstan', linkedExcerpts: 0 });
    expect(inNote?.snippet).toContain('\u0002МТСЗН\u0003');

    s.entities.link(drafted.id, ministry.id);
    const after = s.entities.mentions(ministry.id);
    expect(after.excerpts).toEqual([
      {
        id: drafted.id,
        sourceId: reply.id,
        sourceTitle: 'ILO reply',
        sourceKind: 'government_reply',
        sourceFormat: null,
        dossierId: dossier.id,
        dossierTitle: 'Kazakhstan',
        exact: 'drafted amendments',
        page: null,
        note: '',
      },
    ]);
    expect(after.sources.find((m) => m.id === reply.id)?.linkedExcerpts).toBe(1);

    // A renamed entity is looked for under its new names; a deleted source is no longer a mention.
    s.entities.update(ministry.id, { name: 'Trade Union Act', aliases: [] });
    expect(s.entities.mentions(ministry.id).sources).toEqual([]);
    s.entities.update(ministry.id, { aliases: ['Kharkova'] });
    expect(s.entities.mentions(ministry.id).sources.map((m) => m.id)).toEqual([reply.id]);
    s.sources.remove(reply.id);
    expect(s.entities.mentions(ministry.id)).toEqual({ excerpts: [], sources: [] });
  });

  it('links an entity to where a source names it without excerpts; merging moves the mentions, deleting erases them', () => {
    const { s, db, reply, note } = setup();
    const at = (text: string, exact: string) => {
      const start = text.indexOf(exact);
      return { exact, prefix: '', suffix: '', start, end: start + exact.length, page: null };
    };
    const latin = s.entities.create({ kind: 'person', name: 'L. Kharkova' });
    const cyrillic = s.entities.create({ kind: 'person', name: 'Харькова' });
    expect(
      s.mentions.add([
        { entityId: latin.id, sourceId: reply.id, anchor: at(REPLY, 'L. Kharkova') },
        { entityId: latin.id, sourceId: reply.id, anchor: at(REPLY, 'L. Kharkova') },
        { entityId: cyrillic.id, sourceId: note.id, anchor: at(FIELD_NOTE, 'Харькова') },
      ]),
    ).toBe(2); // the same words twice are one mention
    expect(s.entities.require(latin.id)).toMatchObject({ excerptCount: 0, mentionCount: 1, sourceCount: 1 });
    expect(s.excerpts.listForSource(reply.id)).toEqual([]);

    const merged = s.entities.merge(cyrillic.id, latin.id);
    expect(merged).toMatchObject({ mentionCount: 2, sourceCount: 2 });
    expect(s.mentions.forEntity(latin.id).map((m) => [m.sourceTitle, m.exact])).toEqual([
      ['ILO reply', 'L. Kharkova'],
      ['Field note', 'Харькова'],
    ]);

    s.sources.remove(note.id);
    expect(s.entities.require(latin.id)).toMatchObject({ mentionCount: 1, sourceCount: 1 });
    s.entities.remove(latin.id);
    // The name as written goes with the entity: no row keeps it.
    expect(db.prepare('SELECT count(*) FROM entity_mention').pluck().get()).toBe(0);
  });
});
