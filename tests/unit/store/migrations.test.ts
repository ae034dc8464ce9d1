// Each migration is tested from the previous schema WITH DATA in it: migrate to N−1, insert rows,
// migrate to N, assert the rows are intact (and, where the step adds behaviour, that it applies).
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, auditHash, GENESIS_HASH } from '../../../src/main/store/audit.ts';
import { Store } from '../../../src/main/store/index.ts';
import { migration as sourceTextApart } from '../../../src/main/store/migrations/009-source-text-apart.ts';
import { migration as searchIndex } from '../../../src/main/store/migrations/010-search-index.ts';
import { migration as neverExportIndex } from '../../../src/main/store/migrations/012-never-export-index.ts';
import { migration as searchTerms } from '../../../src/main/store/migrations/016-search-terms.ts';
import { migration as claimsIndex } from '../../../src/main/store/migrations/018-claims-index.ts';
import { migration as searchPagesFit } from '../../../src/main/store/migrations/019-search-pages-fit.ts';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

const ids = (result: { hits: { id: string }[] }) => result.hits.map((h) => h.id);

describe('schema migrations', () => {
  it('are numbered 1…N without gaps, and a new vault lands on the newest', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = tempDatabase();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(migrate(db)).toEqual([]);
  });

  it('run all pending steps in one transaction: a failing step leaves the vault as it was', () => {
    const db = tempDatabase();
    migrate(db, 1);
    db.exec('CREATE TABLE source_fts (x)'); // makes step 2 fail on a name clash
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_fts_insert'").pluck().get()).toBe(0);
  });

  it('announce each pending step before it runs, as step n of m with the version it brings', () => {
    const db = tempDatabase();
    migrate(db, 3);
    const seen: { step: number; total: number; version: number; schemaBefore: number }[] = [];
    migrate(db, LATEST_VERSION, (step) => seen.push({ ...step, schemaBefore: schemaVersion(db) }));
    const pending = LATEST_VERSION - 3;
    expect(seen).toEqual(
      Array.from({ length: pending }, (_, i) => ({
        step: i + 1,
        total: pending,
        version: 4 + i,
        // Told before the step runs: the schema is still at the version before it.
        schemaBefore: 3 + i,
      })),
    );
    const none: unknown[] = [];
    migrate(db, LATEST_VERSION, (step) => none.push(step));
    expect(none).toEqual([]);
  });

  it('refuse a vault written by a newer Upright (VAULT_FROM_FUTURE) and change nothing', () => {
    const db = tempDatabase();
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'VAULT_FROM_FUTURE' }));
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
  });

  it('001 creates the whole data model, with its constraints', () => {
    const db = tempDatabase();
    migrate(db, 1);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(
      [
        'audit',
        'code',
        'dossier',
        'draft',
        'draft_version',
        'entity',
        'event',
        'event_evidence',
        'event_participant',
        'excerpt',
        'excerpt_code',
        'excerpt_entity',
        'link',
        'recommendation',
        'recommendation_evidence',
        'setting',
        'source',
        'source_original',
      ].sort(),
    );
    // Every table carries created_at/updated_at (audit has its own `at`).
    for (const table of tables.filter((t) => t !== 'audit')) {
      const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      expect(columns, table).toEqual(expect.arrayContaining(['created_at', 'updated_at']));
    }
    db.prepare("INSERT INTO dossier (id, title) VALUES ('d', 'D')").run();
    db.prepare("INSERT INTO source (id, dossier_id, title, kind) VALUES ('s', 'd', 'S', 'ngo_report')").run();
    const excerpt = (confidentiality: string) =>
      db
        .prepare(
          "INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset, confidentiality) VALUES (?, 's', 'q', 0, 1, ?)",
        )
        .run(`e-${confidentiality}`, confidentiality);
    expect(() => excerpt('never_export')).not.toThrow();
    expect(() => excerpt('secret')).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO source (id, dossier_id, title, kind) VALUES ('s2', 'nope', 'S', 'ngo_report')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare("INSERT INTO source (id, dossier_id, title, kind, date_text) VALUES ('s3', 'd', 'S', 'media', 'June')")
        .run(),
    ).toThrow(/CHECK/);
  });

  it('002 indexes, for full-text search, the sources and excerpts written under version 1', () => {
    const db = tempDatabase();
    migrate(db, 1);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, text)
        VALUES ('s1', 'd1', 'Report on the oil workers', 'ngo_report', 'Strikers in Zhanaozen were detained.');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset, note)
        VALUES ('e1', 's1', 'Strikers', 0, 8, 'Corroborated by the École report');
      INSERT INTO setting (key, value) VALUES ('autoLockMinutes', '5');
    `);
    const before = {
      source: db.prepare('SELECT * FROM source').all(),
      excerpt: db.prepare('SELECT * FROM excerpt').all(),
      setting: db.prepare('SELECT * FROM setting').all(),
    };

    expect(migrate(db, 2)).toEqual([2]);

    expect(db.prepare('SELECT * FROM source').all()).toEqual(before.source);
    expect(db.prepare('SELECT * FROM excerpt').all()).toEqual(before.excerpt);
    expect(db.prepare('SELECT * FROM setting').all()).toEqual(before.setting);
    const match = (table: string, query: string) =>
      db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(query);
    expect(match('source_fts', 'zhanaozen')).toHaveLength(1); // existing row, indexed by the rebuild
    expect(match('excerpt_fts', 'ecole')).toHaveLength(1); // diacritics folded
    // And the triggers keep new and changed rows in step.
    db.prepare("UPDATE excerpt SET note = 'moved to the appendix' WHERE id = 'e1'").run();
    expect(match('excerpt_fts', 'ecole')).toHaveLength(0);
    expect(match('excerpt_fts', 'appendix')).toHaveLength(1);
    db.prepare("DELETE FROM excerpt WHERE id = 'e1'").run();
    expect(match('excerpt_fts', 'appendix')).toHaveLength(0);
    expect(db.prepare("INSERT INTO source_fts (source_fts) VALUES ('integrity-check')").run()).toBeTruthy();
  });

  it('003 gives sources written under version 2 a format and an empty structure, keeping everything else', () => {
    const db = tempDatabase();
    migrate(db, 2);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, text, original_sha256)
        VALUES ('s1', 'd1', 'ILO reply', 'government_reply', 'The Government has provided…', '${'a'.repeat(64)}');
    `);
    const before = db.prepare('SELECT * FROM source').get() as Record<string, unknown>;

    expect(migrate(db, 3)).toEqual([3]);

    const after = db.prepare('SELECT * FROM source').get() as Record<string, unknown>;
    expect(after).toEqual({ ...before, format: null, blocks: '[]' });
    expect(() => db.prepare("UPDATE source SET format = 'rtf' WHERE id = 's1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE source SET blocks = 'not json' WHERE id = 's1'").run()).toThrow(/CHECK/);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM source WHERE dossier_id = 'd1' AND original_sha256 = 'x' AND deleted_at IS NULL",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('source_dossier_sha256');
  });
  it('004 lets an excerpt record an official finding and keeps every excerpt, its links and its search entry', () => {
    const db = tempDatabase();
    migrate(db, 3);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, text)
        VALUES ('s1', 'd1', 'CEACR observation', 'ilo_document', 'The Committee notes with concern the dissolution.');
      INSERT INTO excerpt (seq, id, source_id, exact, start_offset, end_offset, stance, note)
        VALUES (7, 'e1', 's1', 'notes with concern', 14, 32, 'allegation', 'Zhanaozen context');
      INSERT INTO code (id, name) VALUES ('c1', 'Dissolution');
      INSERT INTO excerpt_code (excerpt_id, code_id) VALUES ('e1', 'c1');
      INSERT INTO entity (id, kind, name) VALUES ('n1', 'organisation', 'CEACR');
      INSERT INTO excerpt_entity (excerpt_id, entity_id) VALUES ('e1', 'n1');
    `);
    const before = db.prepare('SELECT * FROM excerpt').get() as Record<string, unknown>;

    expect(migrate(db, 4)).toEqual([4]);

    expect(db.prepare('SELECT * FROM excerpt').get()).toEqual({ ...before, anchor_status: 'anchored' });
    expect(db.prepare('SELECT count(*) FROM excerpt_code').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM excerpt_entity').pluck().get()).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare("UPDATE excerpt SET stance = 'official_finding' WHERE id = 'e1'").run();
    expect(() => db.prepare("UPDATE excerpt SET stance = 'rumour' WHERE id = 'e1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE excerpt SET anchor_status = 'lost' WHERE id = 'e1'").run()).toThrow(/CHECK/);
    const match = (query: string) =>
      db.prepare('SELECT rowid FROM excerpt_fts WHERE excerpt_fts MATCH ?').pluck().all(query);
    expect(match('zhanaozen')).toEqual([7]);
    db.prepare("UPDATE excerpt SET note = 'moved' WHERE id = 'e1'").run();
    expect(match('zhanaozen')).toEqual([]);
    expect(match('moved')).toEqual([7]);
    // The source's links to excerpts are still enforced after the rebuild.
    expect(() =>
      db
        .prepare(
          "INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset) VALUES ('e2', 'nope', 'x', 0, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('005 records the head of an audit log written under version 4, to be sealed at the next unlock', () => {
    const db = tempDatabase();
    migrate(db, 4);
    // Two entries as version 4 wrote them: a chain, and nothing else.
    let prev = GENESIS_HASH;
    for (const seq of [1, 2]) {
      const row = {
        seq,
        at: '2025-01-01T00:00:00.000Z',
        actor: 'owner',
        action: 'dossier.create',
        entity_type: 'dossier',
        entity_id: `d${seq}`,
        summary: 'Dossier created',
      };
      const hash = auditHash(prev, row);
      db.prepare(
        'INSERT INTO audit (seq, at, actor, action, entity_type, entity_id, summary, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @summary, @prev_hash, @hash)',
      ).run({ ...row, prev_hash: prev, hash });
      prev = hash;
    }
    const log = new AuditLog(db, 'owner');
    const entries = log.list();

    expect(migrate(db)).toEqual(Array.from({ length: LATEST_VERSION - 4 }, (_, i) => i + 5));

    expect(log.list()).toEqual(entries);
    expect(db.prepare('SELECT seq, hash, mac FROM audit_head').all()).toEqual([
      { seq: 2, hash: entries[1]?.hash, mac: null },
    ]);
    expect(log.verifyChain()).toBeNull();
    expect(log.verifyHead()).toBe(true);
    // Sealed with a key, the head then only verifies under that key.
    const key = Buffer.alloc(32, 7);
    const sealed = new AuditLog(db, 'owner', key);
    expect(sealed.verifyHead()).toBe(false);
    sealed.sealHead();
    expect(sealed.verifyHead()).toBe(true);
    expect(new AuditLog(db, 'owner', Buffer.alloc(32, 8)).verifyHead()).toBe(false);
  });

  it('006 keeps a version-4 vault whole and lets an entity be linked to where a source names it', () => {
    const db = tempDatabase();
    migrate(db, 4);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, text, metadata)
        VALUES ('s1', 'd1', 'Reply', 'government_reply', 'Mr Baltabay was detained.', '{"dismissedSuggestions":["date:0:2"]}');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset) VALUES ('e1', 's1', 'detained', 16, 24);
      INSERT INTO entity (id, kind, name) VALUES ('n1', 'person', 'Baltabay');
      INSERT INTO excerpt_entity (excerpt_id, entity_id) VALUES ('e1', 'n1');
    `);
    const before = {
      source: db.prepare('SELECT * FROM source').get(),
      excerpt: db.prepare('SELECT * FROM excerpt').get(),
      links: db.prepare('SELECT * FROM excerpt_entity').all(),
    };

    expect(migrate(db, 6)).toEqual([5, 6]);

    expect(db.prepare('SELECT * FROM source').get()).toEqual(before.source);
    expect(db.prepare('SELECT * FROM excerpt').get()).toEqual(before.excerpt);
    expect(db.prepare('SELECT * FROM excerpt_entity').all()).toEqual(before.links);
    db.exec(`INSERT INTO entity_mention (id, entity_id, source_id, exact, start_offset, end_offset, page)
      VALUES ('m1', 'n1', 's1', 'Baltabay', 3, 11, NULL)`);
    expect(db.prepare('SELECT anchor_status FROM entity_mention').pluck().get()).toBe('anchored');
    // The same words linked twice to the same entity are one mention.
    expect(() =>
      db.exec(`INSERT INTO entity_mention (id, entity_id, source_id, exact, start_offset, end_offset)
        VALUES ('m2', 'n1', 's1', 'Baltabay', 3, 11)`),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(`INSERT INTO entity_mention (id, entity_id, source_id, exact, start_offset, end_offset)
        VALUES ('m3', 'nope', 's1', 'Baltabay', 3, 11)`),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO entity_mention (id, entity_id, source_id, exact, start_offset, end_offset)
        VALUES ('m4', 'n1', 's1', '', 5, 5)`),
    ).toThrow(/CHECK/);
    db.exec(`INSERT INTO suggestion_cache (source_id, fingerprint, suggestions) VALUES ('s1', 'f', '[]')`);
    expect(() => db.exec(`UPDATE suggestion_cache SET suggestions = 'not json'`)).toThrow(/CHECK/);
  });

  it('007 lets a source be a letter or a law, keeps every source, its original, excerpts and search entry, and fingerprints their paragraphs', () => {
    const db = tempDatabase();
    migrate(db, 4);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (seq, id, dossier_id, title, kind, text, blocks, format)
        VALUES (3, 's1', 'd1', 'Ministry letter', 'other',
          'The Ministry has considered your appeal.

Page 2',
          '[{"kind":"paragraph","start":0,"end":40},{"kind":"paragraph","start":42,"end":48}]', 'pdf');
      INSERT INTO source_original (source_id, size, bytes) VALUES ('s1', 3, x'010203');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset) VALUES ('e1', 's1', 'Ministry', 4, 12);
    `);
    const before = db.prepare('SELECT * FROM source').get() as Record<string, unknown>;

    expect(migrate(db, 7)).toEqual([5, 6, 7]);

    const after = db.prepare('SELECT * FROM source').get() as Record<string, unknown>;
    const { paragraph_hashes, ...rest } = after;
    expect(rest).toEqual({ ...before, rendition_group: null });
    // One paragraph long enough to say which document it is; "Page 2" is not.
    expect(JSON.parse(paragraph_hashes as string)).toHaveLength(1);
    db.prepare("UPDATE source SET kind = 'letter' WHERE id = 's1'").run();
    db.prepare("UPDATE source SET kind = 'law' WHERE id = 's1'").run();
    expect(() => db.prepare("UPDATE source SET kind = 'memo' WHERE id = 's1'").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM source_original').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM excerpt').pluck().get()).toBe(1);
    const match = (query: string) =>
      db.prepare('SELECT rowid FROM source_fts WHERE source_fts MATCH ?').pluck().all(query);
    expect(match('appeal')).toEqual([3]);
    db.prepare("UPDATE source SET text = 'replaced wording' WHERE id = 's1'").run();
    expect(match('appeal')).toEqual([]);
    expect(match('replaced')).toEqual([3]);
    // Its indexes came back with it, and the links to it are still enforced.
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'source'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining(['source_dossier', 'source_dossier_sha256', 'source_rendition_group']),
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset) VALUES ('e2', 'nope', 'x', 0, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
  it('008 keeps every source of a version-7 vault and lets it record where and when it was read on the web', () => {
    const db = tempDatabase();
    migrate(db, 7);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, author_organisation, date_text, text, format)
        VALUES ('s1', 'd1', 'Kazakhstan must respect democracy', 'web_page', 'ITUC', '2022-01-12',
          'Kazakhstan is known for a systematic violation of core human rights.', 'html');
      INSERT INTO source_original (source_id, size, bytes) VALUES ('s1', 3, x'010203');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset) VALUES ('e1', 's1', 'Kazakhstan', 0, 10);
    `);
    const before = db.prepare('SELECT * FROM source').get() as Record<string, unknown>;

    expect(migrate(db, 8)).toEqual([8]);

    const after = db.prepare('SELECT * FROM source').get() as Record<string, unknown>;
    // Nothing was known of where or when it was read: nothing is made up.
    expect(after).toEqual({ ...before, url: null, accessed_date: null, accessed_source: null });
    expect(db.prepare('SELECT count(*) FROM source_original').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM excerpt').pluck().get()).toBe(1);
    db.prepare(
      "UPDATE source SET url = 'https://www.ituc-csi.org/kazakhstan', accessed_date = '2024-06-03', accessed_source = 'person' WHERE id = 's1'",
    ).run();
    expect(() => db.prepare("UPDATE source SET accessed_source = 'guessed' WHERE id = 's1'").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT rowid FROM source_fts WHERE source_fts MATCH ?').pluck().all('systematic')).toHaveLength(
      1,
    );
  });
  it('the search index step indexes what a version-8 vault holds — source text by page, excerpts, entities, drafts — and drops the old indexes', () => {
    const db = tempDatabase();
    migrate(db, 8); // rows as a version-8 vault holds them (text in the source row)
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, text, page_map, language)
        VALUES ('s1', 'd1', 'Union report', 'ngo_report', 'Page one names nobody.Рабочих задержали на второй странице.',
          '[{"page":1,"start":0,"end":22},{"page":2,"start":22,"end":60}]', 'ru');
      INSERT INTO source (id, dossier_id, title, kind, text, deleted_at)
        VALUES ('s2', 'd1', '', 'other', '', '2024-01-01T00:00:00.000Z');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset, page, note)
        VALUES ('e1', 's1', 'Рабочих задержали', 22, 39, 2, 'arrests of workers');
      INSERT INTO entity (id, kind, name, aliases) VALUES ('n1', 'organisation', 'Ministry of Labour', '["MinTrud"]');
      INSERT INTO draft (id, dossier_id, title, template, body)
        VALUES ('r1', 'd1', 'Submission', 'individual',
          '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Detentions of workers"}]}]}');
    `);
    migrate(db, searchIndex.version - 1);

    expect(migrate(db)).toEqual(
      Array.from({ length: LATEST_VERSION - searchIndex.version + 1 }, (_, i) => i + searchIndex.version),
    );

    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE '%_fts'").pluck().all();
    expect(tables).toEqual(['search_fts']);
    const store = new Store(db);
    const arrested = store.search.query({ query: 'рабочие' });
    expect(arrested.totals).toEqual({ source: 1, excerpt: 1, entity: 0, draft: 0 });
    expect(arrested.hits.find((h) => h.kind === 'source')).toMatchObject({
      id: 's1',
      page: 2,
      at: { start: 22, end: 29 },
    });
    expect(store.search.query({ query: 'mintrud' }).hits[0]).toMatchObject({ kind: 'entity', id: 'n1' });
    expect(store.search.query({ query: 'detention' }).hits[0]).toMatchObject({ kind: 'draft', id: 'r1' });
    expect(db.prepare("SELECT count(*) FROM search_doc WHERE thing_id = 's2'").pluck().get()).toBe(0);
    // The old indexes' callers work on the new one.
    expect(store.sources.searchText('union')).toEqual([{ id: 's1', title: 'Union report' }]);
    expect(store.excerpts.searchText('arrests')).toEqual([{ id: 'e1', sourceId: 's1' }]);
    expect(store.search.savedList('d1')).toEqual([]);
  });

  it('016 lists every word the search index holds, so a prefix is answered from whole words', () => {
    const db = tempDatabase();
    migrate(db, searchTerms.version - 1);
    const store = new Store(db);
    const dossier = store.dossiers.create({ title: 'Kazakhstan' });
    const source = store.sources.add({
      dossierId: dossier.id,
      title: 'Detentions',
      kind: 'media',
      text: 'Twelve workers were detained; the detainees were released. Задержанных отпустили.',
    });
    store.entities.create({ kind: 'organisation', name: 'Ministry of Labour' });
    const before = store.search.query({ query: 'detain*' });

    expect(migrate(db, searchTerms.version)).toEqual([searchTerms.version]);

    db.exec('CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_fts, row)');
    const indexed = db.prepare('SELECT term FROM temp.vocab ORDER BY term').pluck().all();
    expect(indexed.length).toBeGreaterThan(10);
    expect(db.prepare('SELECT term FROM search_term ORDER BY term').pluck().all()).toEqual(indexed);
    // The same hits (scores aside: bm25 weighs two words apart where it weighed one prefix).
    const after = store.search.query({ query: 'detain*' });
    expect({ ...after, hits: after.hits.map(({ score: _, ...hit }) => hit) }).toEqual({
      ...before,
      hits: before.hits.map(({ score: _, ...hit }) => hit),
    });
    expect(ids(store.search.query({ query: 'задерж*' }))).toEqual([source.id]);
  });

  it('the never-export index keeps a version-8 vault whole and lets the draft checks read only the excerpts marked "never export"', () => {
    const db = tempDatabase();
    migrate(db, 8); // rows as a version-8 vault holds them (text in the source row)
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (id, dossier_id, title, kind, text, format)
        VALUES ('s1', 'd1', 'Interview notes', 'other', 'The witness said the police took her phone at the border.', 'text');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset, confidentiality)
        VALUES ('e1', 's1', 'the police took her phone at the border', 17, 56, 'never_export'),
               ('e2', 's1', 'The witness said', 0, 16, 'restricted');
    `);
    migrate(db, neverExportIndex.version - 1);
    const before = db.prepare('SELECT * FROM excerpt ORDER BY id').all();

    expect(migrate(db, neverExportIndex.version)).toEqual([neverExportIndex.version]);

    expect(db.prepare('SELECT * FROM excerpt ORDER BY id').all()).toEqual(before);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT e.id FROM excerpt e JOIN source s ON s.id = e.source_id
         WHERE s.dossier_id = 'd1' AND e.confidentiality = 'never_export' AND e.deleted_at IS NULL AND s.deleted_at IS NULL`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/excerpt_never_export/);
  });

  it('018 keeps a version-17 vault whole and lets the Claims view read only the excerpts with a claim stance', () => {
    const db = tempDatabase();
    migrate(db, claimsIndex.version - 1);
    const store = new Store(db);
    const dossier = store.dossiers.create({ title: 'Kazakhstan' });
    const source = store.sources.add({
      dossierId: dossier.id,
      title: 'Reply of the Government',
      kind: 'government_reply',
      text: 'The Government states that no one was detained for striking. Witnesses saw arrests.',
    });
    const claim = store.excerpts.add({ sourceId: source.id, exact: 'no one was detained', start: 28, end: 47 });
    store.excerpts.update(claim.id, { stance: 'denial' });
    store.excerpts.add({ sourceId: source.id, exact: 'Witnesses saw arrests', start: 63, end: 84 });
    const before = db.prepare('SELECT * FROM excerpt ORDER BY id').all();

    expect(migrate(db, claimsIndex.version)).toEqual([claimsIndex.version]);

    expect(db.prepare('SELECT * FROM excerpt ORDER BY id').all()).toEqual(before);
    expect(store.excerpts.claims({ dossierId: dossier.id }).map((e) => e.exact)).toEqual(['no one was detained']);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT e.id FROM excerpt e JOIN source s ON s.id = e.source_id
         WHERE s.dossier_id = 'd1' AND e.stance IN ('state_claim', 'denial', 'acknowledgement') AND e.deleted_at IS NULL`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/excerpt_claim/);
  });

  it('019 keeps what a version-18 vault finds, and the index pages written after it fit in one vault page', () => {
    const db = tempDatabase(); // encrypted: 64 of each page's bytes are the cipher's
    migrate(db, searchPagesFit.version - 1);
    const store = new Store(db);
    const dossier = store.dossiers.create({ title: 'Kazakhstan' });
    // Many distinct words, so the index holds many full leaves.
    const words = (seed: number) =>
      Array.from({ length: 6000 }, (_, i) => `w${((i * 7919 + seed) % 100_000).toString(36)}`).join(' ');
    const before = store.sources.add({ dossierId: dossier.id, title: 'Before', kind: 'ngo_report', text: words(1) });
    const overflow = () =>
      Number(
        db
          .prepare(`SELECT count(*) FROM dbstat WHERE name = 'search_fts_data' AND pagetype = 'overflow'`)
          .pluck()
          .get(),
      );
    expect(overflow()).toBeGreaterThan(0); // FTS5's 4,050-byte leaves do not fit beside the cipher's bytes

    expect(migrate(db, searchPagesFit.version)).toEqual([searchPagesFit.version]);
    expect(store.search.query({ query: 'w1' }).hits.map((h) => h.id)).toContain(before.id);
    // Rewritten by a merge of everything, the index's leaves are all of the new size.
    db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
    const after = store.sources.add({ dossierId: dossier.id, title: 'After', kind: 'ngo_report', text: words(2) });
    db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
    expect(overflow()).toBe(0);
    expect(store.search.query({ query: 'w2' }).hits.map((h) => h.id)).toContain(after.id);
  });

  it('009 moves every source text, page map and structure apart from the summary rows, losing nothing', () => {
    const db = tempDatabase();
    migrate(db, sourceTextApart.version - 1);
    const text = 'Strikers in Zhanaozen were detained.\n\nThe court fined Kharkova on 4 May.';
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO source (seq, id, dossier_id, title, kind, author_organisation, date_text, text, page_map, format,
          blocks, paragraph_hashes, metadata, url, accessed_date, accessed_source, rendition_group)
        VALUES (5, 's1', 'd1', 'Report on the oil workers', 'ngo_report', 'HRW', '2021-06', '${text}',
          '[{"page":1,"start":0,"end":36},{"page":2,"start":38,"end":73}]', 'pdf',
          '[{"kind":"paragraph","start":0,"end":36},{"kind":"paragraph","start":38,"end":73}]', '["a1","b2"]',
          '{"warnings":[{"code":"OCR"}]}', 'https://example.org/r', '2024-06-03', 'person', 'g1');
      INSERT INTO source (seq, id, dossier_id, title, kind, text) VALUES (9, 's2', 'd1', 'Letter', 'letter', 'Short letter.');
      INSERT INTO source (seq, id, dossier_id, title, kind, deleted_at) VALUES (11, 's3', 'd1', '', 'other', '2024-01-01');
      INSERT INTO source_original (source_id, filename, size, bytes) VALUES ('s1', 'r.pdf', 3, x'010203');
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset, page) VALUES ('e1', 's1', 'Zhanaozen', 12, 21, 1);
      INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset, page) VALUES ('e2', 's1', 'Kharkova', 54, 62, 2);
      INSERT INTO entity (id, kind, name) VALUES ('n1', 'person', 'Kharkova');
      INSERT INTO entity_mention (id, entity_id, source_id, exact, start_offset, end_offset) VALUES ('m1', 'n1', 's1', 'Kharkova', 54, 62);
    `);
    const moved = ['text', 'page_map', 'blocks', 'paragraph_hashes'];
    const before = db.prepare('SELECT * FROM source ORDER BY seq').all() as Record<string, unknown>[];
    const excerpts = db.prepare('SELECT * FROM excerpt ORDER BY seq').all();

    expect(migrate(db, sourceTextApart.version)).toEqual([sourceTextApart.version]);

    const after = db.prepare('SELECT * FROM source ORDER BY seq').all() as Record<string, unknown>[];
    const texts = db.prepare('SELECT * FROM source_text ORDER BY source_seq').all() as Record<string, unknown>[];
    expect(after).toHaveLength(3);
    before.forEach((row, i) => {
      const summary = Object.fromEntries(Object.entries(row).filter(([column]) => !moved.includes(column)));
      // Every summary column kept, and the page count a listing shows now kept beside them.
      expect(after[i]).toEqual({ ...summary, page_count: JSON.parse(row.page_map as string).length });
      expect(texts[i]).toEqual({ source_seq: row.seq, ...Object.fromEntries(moved.map((c) => [c, row[c]])) });
    });
    expect(Object.keys(after[0] ?? {})).not.toEqual(expect.arrayContaining(['text']));
    // Excerpts and mentions still point at the same words of the same text.
    expect(db.prepare('SELECT * FROM excerpt ORDER BY seq').all()).toEqual(excerpts);
    const stored = db.prepare('SELECT text FROM source_text WHERE source_seq = 5').pluck().get() as string;
    expect([stored.slice(12, 21), stored.slice(54, 62)]).toEqual(['Zhanaozen', 'Kharkova']);
    expect(db.prepare('SELECT count(*) FROM entity_mention').pluck().get()).toBe(1);
    expect(db.prepare('SELECT filename, size FROM source_original').get()).toEqual({ filename: 'r.pdf', size: 3 });
    // The links to sources are still enforced, and a text cannot exist without its source.
    expect(() =>
      db
        .prepare(
          "INSERT INTO excerpt (id, source_id, exact, start_offset, end_offset) VALUES ('e3', 'nope', 'x', 0, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO source_text (source_seq, text) VALUES (99, 'orphan')").run()).toThrow(
      /FOREIGN KEY/,
    );

    // Search block (goes with the search work): the old index's entries, rebuilt, and kept in step.
    const match = (query: string) =>
      db.prepare('SELECT rowid FROM source_fts WHERE source_fts MATCH ? ORDER BY rowid').pluck().all(query);
    expect(match('zhanaozen')).toEqual([5]);
    expect(match('letter')).toEqual([9]);
    db.prepare("UPDATE source SET title = 'Miners report' WHERE seq = 5").run();
    expect(match('oil')).toEqual([]);
    expect(match('miners AND zhanaozen')).toEqual([5]);
    db.prepare("UPDATE source_text SET text = 'Replaced wording' WHERE source_seq = 9").run();
    expect(match('letter')).toEqual([9]); // its title
    expect(match('short')).toEqual([]);
    expect(match('replaced')).toEqual([9]);
    db.prepare(
      "INSERT INTO source (seq, id, dossier_id, title, kind) VALUES (12, 's4', 'd1', 'Appeal', 'other')",
    ).run();
    db.prepare("INSERT INTO source_text (source_seq, text) VALUES (12, 'The appeal was dismissed.')").run();
    expect(match('dismissed')).toEqual([12]);
    db.prepare("DELETE FROM source WHERE id = 's4'").run(); // cascades to its text
    expect(db.prepare('SELECT count(*) FROM source_text WHERE source_seq = 12').pluck().get()).toBe(0);
    expect(match('dismissed OR appeal')).toEqual([]);
    expect(db.prepare("INSERT INTO source_fts (source_fts, rank) VALUES ('integrity-check', 1)").run()).toBeTruthy();
  });
});
