// The excerpt-links step, from a vault of the version before it holding data: every excerpt and its
// coding stay, a link drawn in the old table travels over, and the new kinds and refusals hold.
import { afterEach, describe, expect, it } from 'vitest';
import { migration } from '../../../src/main/store/migrations/013-excerpt-links.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

describe('the excerpt-links migration', () => {
  it('keeps a vault of the version before whole, carries its links over, and lets excerpts be linked in four kinds', () => {
    const db = tempDatabase();
    migrate(db, 8); // rows as a version-8 vault holds them (text in the source row)
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, date_text, text, format)
        VALUES ('s1', 'd1', 'Information supplied by the Government', 'government_reply', '2022',
          'Problems with registration have not been reported.', 'pdf'),
          ('s2', 'd1', 'Kazakhstan must respect democracy', 'web_page', '2022-01-12',
          'At least 600 free and independent unions were prevented.', 'html');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset, stance, note)
        VALUES ('e1', 's1', 'have not been reported', 28, 50, 'denial', 'the reply'),
          ('e2', 's2', 'At least 600 free and independent unions', 0, 40, 'allegation', ''),
          ('e3', 's2', 'were prevented', 41, 55, NULL, '');
      INSERT INTO code (id, name) VALUES ('c1', 'Registration');
      INSERT INTO excerpt_code (excerpt_id, code_id) VALUES ('e1', 'c1');
      INSERT INTO link (id, from_excerpt_id, to_excerpt_id, relation, note) VALUES ('l1', 'e2', 'e1', 'contradicts', 'ICTUR count');
    `);
    migrate(db, migration.version - 1);
    const excerptsBefore = db.prepare('SELECT * FROM excerpt ORDER BY id').all();

    migrate(db);

    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT * FROM excerpt ORDER BY id').all()).toEqual(excerptsBefore);
    expect(db.prepare('SELECT count(*) FROM excerpt_code').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'link'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT id, from_excerpt_id, to_excerpt_id, kind, note FROM excerpt_link').all()).toEqual([
      { id: 'l1', from_excerpt_id: 'e2', to_excerpt_id: 'e1', kind: 'contradicts', note: 'ICTUR count' },
    ]);

    const link = db.prepare('INSERT INTO excerpt_link (id, from_excerpt_id, to_excerpt_id, kind) VALUES (?, ?, ?, ?)');
    link.run('l2', 'e3', 'e1', 'same_fact_as');
    // The same pair and kind, drawn the other way: one link already.
    expect(() => link.run('l3', 'e1', 'e2', 'contradicts')).toThrow(/UNIQUE/);
    expect(() => link.run('l4', 'e1', 'e1', 'corroborates')).toThrow(/CHECK/);
    expect(() => link.run('l5', 'e1', 'e3', 'disproves')).toThrow(/CHECK/);
    expect(() => link.run('l6', 'e1', 'nope', 'corroborates')).toThrow(/FOREIGN KEY/);
    // A deleted link does not block drawing it again.
    db.prepare("UPDATE excerpt_link SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = 'l1'").run();
    expect(() => link.run('l7', 'e1', 'e2', 'contradicts')).not.toThrow();
  });
});
