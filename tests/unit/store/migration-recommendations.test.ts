// A vault from before the tracker keeps its recommendations, their evidence and assessment; they get
// the importer's key (so importing the same report again adds nothing) and the new answers are allowed.
import { afterEach, describe, expect, it } from 'vitest';
import { migration } from '../../../src/main/store/migrations/015-recommendations-tracker.ts';
import { LATEST_VERSION, migrate } from '../../../src/main/store/migrations/index.ts';
import { recommendationImportKey } from '../../../src/shared/recommendations.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

describe('the recommendations tracker migration', () => {
  it('keeps every recommendation of a version-8 vault with its evidence and gives it the import key', () => {
    const db = tempDatabase();
    migrate(db, 8);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, text, format)
        VALUES ('s1', 'd1', 'Reply', 'government_reply', 'The union was registered.', 'text');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset) VALUES ('x1', 's1', 'registered', 14, 24);
      INSERT INTO recommendation (id, dossier_id, text, recommending_states, cycle, session, document_symbol,
          paragraph, response, assessment) VALUES
        ('r1', 'd1', 'Amend the Trade Union Law', '["Norway"]', 2, '20', 'A/HRC/28/10', '126.29', 'supported',
          'not_implemented'),
        ('r2', 'd1', 'Amend the Trade  Union Law', '["Sweden"]', 2, '20', 'A/HRC/28/10', '126.29', 'noted', NULL),
        ('r3', 'd1', 'Ratify C.87', '[]', NULL, NULL, NULL, NULL, NULL, NULL);
      INSERT INTO recommendation_evidence (recommendation_id, excerpt_id) VALUES ('r1', 'x1');
    `);
    migrate(db, migration.version - 1);

    expect(migrate(db)).toEqual(
      Array.from({ length: LATEST_VERSION - migration.version + 1 }, (_, i) => i + migration.version),
    );

    const rows = db
      .prepare('SELECT id, mechanism, response, assessment, themes, import_key FROM recommendation ORDER BY position')
      .all();
    expect(rows).toEqual([
      {
        id: 'r1',
        mechanism: 'upr',
        response: 'supported',
        assessment: 'not_implemented',
        themes: '[]',
        import_key: recommendationImportKey({
          documentSymbol: 'A/HRC/28/10',
          paragraph: '126.29',
          text: 'Amend the Trade Union Law',
        }),
      },
      // The same words twice in one dossier: the second is kept under a key of its own.
      { id: 'r2', mechanism: 'upr', response: 'noted', assessment: null, themes: '[]', import_key: 'legacy:r2' },
      {
        id: 'r3',
        mechanism: 'upr',
        response: null,
        assessment: null,
        themes: '[]',
        import_key: recommendationImportKey({ documentSymbol: null, paragraph: null, text: 'Ratify C.87' }),
      },
    ]);
    expect(db.prepare('SELECT recommendation_id FROM recommendation_evidence').pluck().all()).toEqual(['r1']);
    db.prepare("UPDATE recommendation SET response = 'partially_supported' WHERE id = 'r3'").run();
    expect(() => db.prepare("UPDATE recommendation SET response = 'maybe' WHERE id = 'r3'").run()).toThrow(/CHECK/);
    // One live recommendation per key and dossier.
    expect(() =>
      db
        .prepare("INSERT INTO recommendation (id, dossier_id, text, import_key) VALUES ('r4', 'd1', 'x', ?)")
        .run(recommendationImportKey({ documentSymbol: null, paragraph: null, text: 'Ratify C.87' })),
    ).toThrow(/UNIQUE/);
  });
});
