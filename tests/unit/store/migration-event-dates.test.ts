// A vault from before events had fuzzy dates keeps its events, their participants and evidence; old
// partial dates become first and last days with their precision, and old roles find their new names.
import { afterEach, describe, expect, it } from 'vitest';
import { migration } from '../../../src/main/store/migrations/014-event-dates-and-roles.ts';
import { LATEST_VERSION, migrate } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

describe('the event dates and roles migration', () => {
  it('keeps every event of a version-8 vault with its participants and evidence', () => {
    const db = tempDatabase();
    migrate(db, 8); // rows as a version-8 vault holds them (text in the source row)
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, text, format)
        VALUES ('s1', 'd1', 'Reply', 'government_reply', 'The union was registered.', 'text');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset) VALUES ('x1', 's1', 'registered', 14, 24);
      INSERT INTO entity (id, kind, name) VALUES ('n1', 'organisation', 'KNPRK');
      INSERT INTO event (id, dossier_id, title, date_start, date_end, date_text) VALUES
        ('e-year', 'd1', 'Founded', '2011', NULL, NULL),
        ('e-month', 'd1', 'Registration refused', '2016-02', NULL, 'February 2016'),
        ('e-range', 'd1', 'Liquidation proceedings', '2016-07', '2016-12', NULL),
        ('e-day', 'd1', 'Court ruling', '2017-01-04', NULL, NULL),
        ('e-none', 'd1', 'Some time', NULL, NULL, NULL);
      INSERT INTO event_participant (event_id, entity_id, role) VALUES
        ('e-month', 'n1', 'victim'), ('e-range', 'n1', 'source'), ('e-day', 'n1', 'intervening_party');
      INSERT INTO event_evidence (event_id, excerpt_id) VALUES ('e-month', 'x1');
    `);
    migrate(db, migration.version - 1);

    expect(migrate(db)).toEqual(
      Array.from({ length: LATEST_VERSION - migration.version + 1 }, (_, i) => i + migration.version),
    );

    const dates = db.prepare('SELECT id, date_start, date_end, date_precision, date_text FROM event ORDER BY id').all();
    expect(dates).toEqual([
      { id: 'e-day', date_start: '2017-01-04', date_end: '2017-01-04', date_precision: 'day', date_text: null },
      {
        id: 'e-month',
        date_start: '2016-02-01',
        date_end: '2016-02-29',
        date_precision: 'month',
        date_text: 'February 2016',
      },
      { id: 'e-none', date_start: null, date_end: null, date_precision: null, date_text: null },
      { id: 'e-range', date_start: '2016-07-01', date_end: '2016-12-31', date_precision: 'month', date_text: null },
      { id: 'e-year', date_start: '2011-01-01', date_end: '2011-12-31', date_precision: 'year', date_text: null },
    ]);
    expect(db.prepare('SELECT event_id, role FROM event_participant ORDER BY event_id').all()).toEqual([
      { event_id: 'e-day', role: 'other' },
      { event_id: 'e-month', role: 'victim' },
      { event_id: 'e-range', role: 'complainant' },
    ]);
    expect(db.prepare('SELECT count(*) FROM event_evidence').pluck().get()).toBe(1);
    // The new roles are allowed, the old ones are not, and references are still enforced.
    db.prepare("INSERT INTO event_participant (event_id, entity_id, role) VALUES ('e-year', 'n1', 'court')").run();
    expect(() =>
      db.prepare("INSERT INTO event_participant (event_id, entity_id, role) VALUES ('e-year', 'n1', 'source')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO event_participant (event_id, entity_id, role) VALUES ('nope', 'n1', 'court')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE event SET date_precision = 'week' WHERE id = 'e-day'").run()).toThrow(/CHECK/);
  });
});
