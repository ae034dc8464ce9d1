// A monitor with years of case files scrolls the excerpt list a page at a time, filters it by words in
// Russian or with accents, and reads how many excerpts each code, source and entity holds — counts kept
// as the work is done, never recounted, and right after every kind of edit.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/store/database.ts';
import { Store } from '../../../src/main/store/index.ts';
import {
  FILL_TALLIES,
  migration as keptCounts,
} from '../../../src/main/store/migrations/011-kept-counts-and-list-order.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { decodeCursor, encodeCursor } from '../../../src/shared/api/paging.ts';
import { UprightError } from '../../../src/shared/errors.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

const TEXT = [
  'Суд отказал в регистрации профсоюза «Единство».',
  'The École nationale report names the union leader.',
  'Ещё одно заявление было подано в суд.',
  'Workers at the mine reported threats after the strike.',
].join('\n\n');

function setup(db: Db = tempDatabase()) {
  if (db.pragma('user_version', { simple: true }) === 0) migrate(db);
  const s = new Store(db, { actor: 'tester' });
  const dossier = s.dossiers.create({ title: 'Kazakhstan' });
  const addSource = (title: string, dossierId = dossier.id) =>
    s.sources.add({ dossierId, title, kind: 'ngo_report', text: TEXT });
  const mark = (
    source: { id: string },
    exact: string,
    more: { codeIds?: string[]; entityIds?: string[]; note?: string } = {},
  ) => {
    const start = TEXT.indexOf(exact);
    if (start < 0) throw new Error(`not in the text: ${exact}`);
    return s.excerpts.add({ sourceId: source.id, exact, start, end: start + exact.length, ...more });
  };
  return { db, s, dossier, addSource, mark };
}

const QUOTES = [
  'Суд отказал в регистрации',
  'The École nationale report',
  'Ещё одно заявление',
  'Workers at the mine',
] as const;

describe('paging through a dossier’s excerpts', () => {
  it('gives every excerpt once, in source and reading order, with the total and an end', () => {
    const { s, dossier, addSource, mark } = setup();
    for (let i = 0; i < 5; i++) {
      const source = addSource(`Report ${i}`);
      for (const quote of [...QUOTES].reverse()) mark(source, quote);
    }
    const everything = s.excerpts.list({ dossierId: dossier.id }).map((e) => e.id);
    expect(everything).toHaveLength(20);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = s.excerpts.page({ dossierId: dossier.id }, 3, cursor);
      expect(page.total).toBe(20);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(everything);
    expect(pages).toBe(7);
    // The last page is short and says there is nothing after it.
    const last = s.excerpts.page({ dossierId: dossier.id }, 19);
    expect(s.excerpts.page({ dossierId: dossier.id }, 19, last.nextCursor ?? undefined)).toMatchObject({
      total: 20,
      nextCursor: null,
      items: [{ id: everything[19] }],
    });
  });

  it('does not repeat or skip a row when an excerpt is added above the page being read', () => {
    const { s, dossier, addSource, mark } = setup();
    const first = addSource('First');
    const second = addSource('Second');
    for (const quote of QUOTES.slice(1)) mark(first, quote);
    for (const quote of QUOTES) mark(second, quote);
    const page1 = s.excerpts.page({ dossierId: dossier.id }, 3);
    // Marked while the person reads the first page: it sorts before everything shown.
    const above = mark(first, QUOTES[0]);
    const page2 = s.excerpts.page({ dossierId: dossier.id }, 10, page1.nextCursor ?? undefined);
    const ids = [...page1.items, ...page2.items].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(above.id);
    expect(ids).toHaveLength(7);
    expect(page2.total).toBe(8);
  });

  it('refuses a cursor that is not one, or belongs to another list or another filter', () => {
    const { s, dossier, addSource, mark } = setup();
    const source = addSource('Report');
    for (const quote of QUOTES) mark(source, quote);
    const sourcesCursor = encodeCursor('source.list', { dossierId: dossier.id }, [1]);
    const filtered = encodeCursor('excerpt.list', { dossierId: dossier.id, text: 'суд' }, [1, 0, 1]);
    for (const cursor of ['not a cursor', 'eyJsIjoxfQ', sourcesCursor, filtered]) {
      expect(() => s.excerpts.page({ dossierId: dossier.id }, 2, cursor)).toThrowError(
        expect.objectContaining({ code: 'LIST_CURSOR_INVALID' }),
      );
    }
    expect(() => decodeCursor(encodeCursor('excerpt.list', {}, ['x']), 'excerpt.list', {}, ['n'])).toThrow(
      UprightError,
    );
  });
});

describe('filtering excerpts by words', () => {
  it('folds case, accents and ё in Latin and Cyrillic, and finds the start of a word', () => {
    const { s, dossier, addSource, mark } = setup();
    const source = addSource('Report');
    const [court, ecole, yo, mine] = QUOTES.map((quote) => mark(source, quote));
    const found = (text: string) => s.excerpts.page({ dossierId: dossier.id, text }).items.map((e) => e.id);
    expect(found('СУД')).toEqual([court?.id]);
    expect(found('суд отказ')).toEqual([court?.id]);
    expect(found('ecole')).toEqual([ecole?.id]);
    expect(found('ÉCOLE NATIONALE')).toEqual([ecole?.id]);
    expect(found('еще')).toEqual([yo?.id]);
    expect(found('ЕЩЁ')).toEqual([yo?.id]);
    expect(found('регистрац')).toEqual([court?.id]);
    expect(found('work mine')).toEqual([mine?.id]);
    expect(found('суд "OR" mine')).toEqual([]);
    expect(s.excerpts.page({ dossierId: dossier.id, text: 'ecole' }).total).toBe(1);
    // Punctuation alone is no filter.
    expect(found('«»')).toHaveLength(4);
  });

  it('finds words in the note too, and never a removed excerpt', () => {
    const { s, dossier, addSource, mark } = setup();
    const source = addSource('Report');
    const noted = mark(source, QUOTES[3], { note: 'Угрозы профсоюзу' });
    const gone = mark(source, QUOTES[0]);
    s.excerpts.remove(gone.id);
    expect(s.excerpts.page({ dossierId: dossier.id, text: 'угрозы' }).items.map((e) => e.id)).toEqual([noted.id]);
    expect(s.excerpts.page({ dossierId: dossier.id, text: 'суд отказал' }).items).toEqual([]);
  });

  it('pages the excerpts holding the words in list order, each once, with other filters and other dossiers apart', () => {
    const { s, dossier, addSource, mark } = setup();
    const other = s.dossiers.create({ title: 'Elsewhere' });
    const code = s.codes.create({ name: 'Courts' });
    for (let i = 0; i < 4; i++) {
      const source = addSource(`Report ${i}`);
      mark(source, QUOTES[3]);
      mark(source, QUOTES[0], i % 2 === 0 ? { codeIds: [code.id] } : {});
      mark(source, 'Ещё одно заявление было подано в суд');
      mark(addSource(`Elsewhere ${i}`, other.id), QUOTES[0]);
    }
    const gone = s.excerpts.list({ dossierId: dossier.id, text: 'суд' })[1] as { id: string };
    s.excerpts.remove(gone.id);
    const all = s.excerpts.list({ dossierId: dossier.id });
    const expected = all.filter((e) => /суд/i.test(e.exact)).map((e) => e.id);
    expect(expected).toHaveLength(7);
    expect(s.excerpts.list({ dossierId: dossier.id, text: 'суд' }).map((e) => e.id)).toEqual(expected);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = s.excerpts.page({ dossierId: dossier.id, text: 'суд' }, 2, cursor);
      expect(page.total).toBe(7);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
    const coded = s.excerpts.page({ dossierId: dossier.id, text: 'суд', codeId: code.id });
    expect(coded.total).toBe(2);
    expect(coded.items.every((e) => e.codeIds.includes(code.id))).toBe(true);
    expect(s.excerpts.page({ dossierId: other.id, text: 'суд' }).total).toBe(4);
  });
});

describe('paging sources and entities', () => {
  it('pages a dossier’s sources in import order and its entities by name', () => {
    const { s, dossier, addSource } = setup();
    const titles = ['A', 'B', 'C', 'D', 'E'].map((t) => addSource(`Report ${t}`).title);
    const first = s.sources.page(dossier.id, 2);
    const rest = s.sources.page(dossier.id, 10, first.nextCursor ?? undefined);
    expect([...first.items, ...rest.items].map((x) => x.title)).toEqual(titles);
    expect(first.total).toBe(5);
    expect(rest.nextCursor).toBeNull();

    for (const name of ['Ярослав', 'anna', 'Boris', 'Élise', 'Zoe']) s.entities.create({ kind: 'person', name });
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = s.entities.page({}, 2, cursor);
      expect(page.total).toBe(5);
      names.push(...page.items.map((e) => e.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(s.entities.list().map((e) => e.name));
    expect(s.entities.page({ text: 'ЯРОС' }).items.map((e) => e.name)).toEqual(['Ярослав']);
    expect(() => s.entities.page({ kind: 'person' }, 2, s.entities.page({}, 2).nextCursor ?? '')).toThrowError(
      expect.objectContaining({ code: 'LIST_CURSOR_INVALID' }),
    );
  });
});

/** The kept counts next to the same counts taken afresh from the rows. */
function expectTalliesRight(db: Db): void {
  const read = () => ({
    codes: db.prepare('SELECT code_id, excerpts FROM code_tally WHERE excerpts != 0 ORDER BY 1').all(),
    sources: db.prepare('SELECT source_id, excerpts FROM source_tally WHERE excerpts != 0 ORDER BY 1').all(),
    dossiers: db.prepare('SELECT dossier_id, excerpts FROM dossier_tally WHERE excerpts != 0 ORDER BY 1').all(),
    entitySources: db
      .prepare(
        'SELECT entity_id, source_id, excerpts, mentions FROM entity_source_tally WHERE excerpts + mentions != 0 ORDER BY 1, 2',
      )
      .all(),
    entities: db
      .prepare(
        'SELECT entity_id, excerpts, mentions, sources FROM entity_tally WHERE excerpts + mentions + sources != 0 ORDER BY 1',
      )
      .all(),
  });
  const kept = read();
  db.exec('SAVEPOINT recount');
  db.exec(FILL_TALLIES);
  const fresh = read();
  db.exec('ROLLBACK TO recount; RELEASE recount');
  expect(kept).toEqual(fresh);
}

describe('counts kept as the work is done', () => {
  it('stay right after marking, re-coding, removing, merging and deleting codes and entities, and deleting a source', () => {
    const { db, s, dossier, addSource, mark } = setup();
    const report = addSource('Report');
    const letter = addSource('Letter');
    const registration = s.codes.create({ name: 'Registration' });
    const threats = s.codes.create({ name: 'Threats' });
    const courts = s.codes.create({ name: 'Courts' });
    const leader = s.entities.create({ kind: 'person', name: 'E. Baltabay' });
    const union = s.entities.create({ kind: 'organisation', name: 'Единство' });
    const court = mark(report, QUOTES[0], { codeIds: [registration.id, courts.id], entityIds: [union.id] });
    const mine = mark(report, QUOTES[3], { codeIds: [threats.id], entityIds: [leader.id] });
    const again = mark(letter, QUOTES[2], { codeIds: [courts.id], entityIds: [leader.id, union.id] });
    s.mentions.add([
      {
        entityId: leader.id,
        sourceId: letter.id,
        anchor: {
          exact: 'union leader',
          prefix: '',
          suffix: '',
          start: TEXT.indexOf('union leader'),
          end: TEXT.indexOf('union leader') + 12,
          page: null,
        },
      },
    ]);
    expectTalliesRight(db);
    expect(s.codes.require(courts.id).excerptCount).toBe(2);
    expect(s.entities.require(leader.id)).toMatchObject({ excerptCount: 2, mentionCount: 1, sourceCount: 2 });
    expect(s.sources.page(dossier.id).items.map((x) => x.excerptCount)).toEqual([2, 1]);
    expect(s.excerpts.page({ dossierId: dossier.id }).total).toBe(3);

    // Re-coding and re-linking.
    s.excerpts.update(court.id, { codeIds: [threats.id], entityIds: [leader.id] });
    expectTalliesRight(db);
    expect(s.codes.require(registration.id).excerptCount).toBe(0);

    // Removing an excerpt (a tombstone stays).
    s.excerpts.remove(mine.id);
    expectTalliesRight(db);
    expect(s.entities.require(leader.id)).toMatchObject({ excerptCount: 2, mentionCount: 1, sourceCount: 2 });
    expect(s.excerpts.page({ dossierId: dossier.id, sourceId: report.id }).total).toBe(1);

    // Merging codes, then deleting one with and without moving its excerpts.
    s.codes.merge(courts.id, threats.id);
    expectTalliesRight(db);
    expect(s.codes.require(threats.id).excerptCount).toBe(2);
    s.codes.remove(threats.id, registration.id);
    expectTalliesRight(db);
    expect(s.codes.require(registration.id).excerptCount).toBe(2);
    s.codes.remove(registration.id, null);
    expectTalliesRight(db);

    // Merging entities, then deleting one.
    s.entities.merge(union.id, leader.id);
    expectTalliesRight(db);
    expect(s.entities.require(leader.id)).toMatchObject({ excerptCount: 2, sourceCount: 2 });
    s.entities.remove(leader.id);
    expectTalliesRight(db);

    // Deleting a source takes its excerpts and mentions out of every count.
    const other = s.entities.create({ kind: 'person', name: 'Other' });
    s.excerpts.update(again.id, { entityIds: [other.id] });
    s.sources.remove(letter.id);
    expectTalliesRight(db);
    expect(s.entities.require(other.id)).toMatchObject({ excerptCount: 0, sourceCount: 0 });
    expect(s.excerpts.page({ dossierId: dossier.id }).total).toBe(1);
  });
});

describe('the kept-counts migration', () => {
  it('counts what a vault of the previous version already holds', () => {
    const db = tempDatabase();
    migrate(db, keptCounts.version - 1);
    // Written by the previous version's repositories (no tallies yet).
    const s = new Store(db, { actor: 'tester' });
    const dossier = s.dossiers.create({ title: 'Old' });
    const source = s.sources.add({ dossierId: dossier.id, title: 'Report', kind: 'ngo_report', text: TEXT });
    // Inserted as rows: the repositories' answers already read the counts this version adds.
    const code = { id: '01900000-0000-7000-8000-000000000001' };
    const person = { id: '01900000-0000-7000-8000-000000000002' };
    db.prepare("INSERT INTO code (id, name) VALUES (?, 'Courts')").run(code.id);
    db.prepare("INSERT INTO entity (id, kind, name) VALUES (?, 'person', 'E. Baltabay')").run(person.id);
    const add = (exact: string) =>
      s.excerpts.add({
        sourceId: source.id,
        exact,
        start: TEXT.indexOf(exact),
        end: TEXT.indexOf(exact) + exact.length,
        codeIds: [code.id],
        entityIds: [person.id],
      });
    add(QUOTES[0]);
    // Removed as that version did (today's remove also touches tables of later versions).
    db.prepare("UPDATE excerpt SET deleted_at = ?, exact = '', note = '' WHERE id = ?").run(
      new Date().toISOString(),
      add(QUOTES[1]).id,
    );
    add(QUOTES[2]);

    expect(migrate(db, keptCounts.version)).toEqual([keptCounts.version]);
    expectTalliesRight(db);
    expect(s.codes.require(code.id).excerptCount).toBe(2);
    expect(s.entities.require(person.id)).toMatchObject({ excerptCount: 2, sourceCount: 1 });
    expect(s.sources.page(dossier.id).items[0]?.excerptCount).toBe(2);
    expect(s.excerpts.page({ dossierId: dossier.id }, 1)).toMatchObject({ total: 2, items: [{ exact: QUOTES[0] }] });
  });
});
