// The search index as a researcher relies on it: what ranks first, a Russian word found in another
// inflection, phrases and prefixes, every filter, the index following every edit, paging, and a
// mistyped query refused in plain words.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { excerptSeqsMatching, expandPrefixes, sourcesMatching } from '../../../src/main/store/search.ts';
import { EMPTY_COVER } from '../../../src/shared/draft.ts';
import { closeAll, tempDatabase } from '../store/helpers.ts';

afterEach(closeAll);

const RUSSIAN = readFileSync(new URL('../../fixtures/documents/field-note-ru.txt', import.meta.url), 'utf8');

function vault() {
  const db = tempDatabase();
  migrate(db);
  const store = new Store(db, { actor: 'tester' });
  const dossier = store.dossiers.create({ title: 'Kazakhstan' });
  const other = store.dossiers.create({ title: 'Russia' });
  return { db, store, dossier, other };
}

const ids = (result: { hits: { id: string }[] }) => result.hits.map((h) => h.id);
const intact = (db: ReturnType<typeof tempDatabase>) =>
  db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();
/** The words the index holds that its list of words lacks (prefix queries are answered from the list). */
const unlisted = (db: ReturnType<typeof tempDatabase>) => {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, search_fts, row)');
  return db.prepare('SELECT term FROM temp.vocab EXCEPT SELECT term FROM search_term').pluck().all();
};
/** Words still listed that no row holds any more: a deleted source's names must not outlive it. */
const orphaned = (db: ReturnType<typeof tempDatabase>) => {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, search_fts, row)');
  return db.prepare('SELECT term FROM search_term EXCEPT SELECT term FROM temp.vocab').pluck().all();
};

describe('ranking and words', () => {
  it('ranks a word in the title above the same word in passing, and more mentions above fewer', () => {
    const { store, dossier } = vault();
    const passing = store.sources.add({
      dossierId: dossier.id,
      title: 'Annual report',
      kind: 'ngo_report',
      text: 'Among many topics, one paragraph mentions a strike at the port, together with wages, housing, pensions and schools.',
    });
    const titled = store.sources.add({
      dossierId: dossier.id,
      title: 'Strike at Zhanaozen',
      kind: 'media',
      text: 'Oil workers stopped work in May.',
    });
    const many = store.sources.add({
      dossierId: dossier.id,
      title: 'Chronicle',
      kind: 'media',
      text: 'The strike began. The strike grew. The strike ended with arrests after the strike.',
    });
    const result = store.search.query({ query: 'strike' });
    expect(ids(result)[0]).toBe(titled.id);
    expect(ids(result).indexOf(many.id)).toBeLessThan(ids(result).indexOf(passing.id));
    expect(result.hits[0]?.score).toBeGreaterThan(result.hits[2]?.score ?? Number.POSITIVE_INFINITY);
  });

  it('finds a Russian word through another inflection of it (the Russian field note)', () => {
    const { store, dossier } = vault();
    const note = store.sources.add({
      dossierId: dossier.id,
      title: 'Полевая заметка',
      kind: 'testimony',
      text: RUSSIAN,
    });
    // The note says "профсоюза", "профсоюзов", "регистрации", "уволены", "отчётах".
    for (const query of ['профсоюзами', 'регистрацией', 'уволен', 'ОТЧЕТАХ', 'отчёт']) {
      const result = store.search.query({ query });
      expect(ids(result), query).toContain(note.id);
      const hit = result.hits[0];
      const mark = hit?.snippet.marks[0];
      expect(mark, query).toBeDefined();
      // The mark covers a real inflected form in the text, and `at` points at it in the source.
      const marked = hit?.snippet.text.slice(mark?.start, mark?.end) ?? '';
      expect(marked.length).toBeGreaterThan(2);
      expect(hit?.at && RUSSIAN.slice(hit.at.start, hit.at.end)).toBe(marked);
    }
    expect(store.search.query({ query: 'забастовка' }).total).toBe(0);
  });

  it('folds case and accents in Latin and Cyrillic, keeping й a letter of its own', () => {
    const { store, dossier } = vault();
    const ecole = store.sources.add({
      dossierId: dossier.id,
      title: 'Note',
      kind: 'other',
      text: 'Rencontre à l’École nationale; Ёлки и мой отчёт.',
    });
    expect(ids(store.search.query({ query: 'ecole' }))).toEqual([ecole.id]);
    expect(ids(store.search.query({ query: 'ÉCOLE' }))).toEqual([ecole.id]);
    expect(ids(store.search.query({ query: 'елки' }))).toEqual([ecole.id]);
    expect(ids(store.search.query({ query: 'мой' }))).toEqual([ecole.id]);
  });

  it('matches "phrases" only with their words side by side, and prefix* in Latin and Cyrillic', () => {
    const { store, dossier } = vault();
    const field = store.sources.add({
      dossierId: dossier.id,
      title: 'A',
      kind: 'media',
      text: 'The police detained twelve workers at the oil field.',
    });
    const oil = store.sources.add({
      dossierId: dossier.id,
      title: 'B',
      kind: 'media',
      text: 'A field of wheat; the price of oil fell. Задержанных отпустили.',
    });
    expect(ids(store.search.query({ query: '"oil field"' }))).toEqual([field.id]);
    expect(ids(store.search.query({ query: '«oil field»' }))).toEqual([field.id]);
    expect(new Set(ids(store.search.query({ query: 'oil field' })))).toEqual(new Set([field.id, oil.id]));
    expect(ids(store.search.query({ query: 'detain*' }))).toEqual([field.id]);
    expect(ids(store.search.query({ query: 'задерж*' }))).toEqual([oil.id]);
    expect(ids(store.search.query({ query: 'wheat OR police' })).sort()).toEqual([field.id, oil.id].sort());
    expect(ids(store.search.query({ query: 'field NOT wheat' }))).toEqual([field.id]);
    expect(ids(store.search.query({ query: 'field НЕ wheat' }))).toEqual([field.id]);
    expect(ids(store.search.query({ query: '(wheat ИЛИ police) И twelve' }))).toEqual([field.id]);
  });

  it('answers a prefix from the words of the index it begins, finding what FTS5 finds, and leaves a prefix of very many words to FTS5', () => {
    const { db, store, dossier } = vault();
    const texts = [
      'The police detained twelve workers; the detainees were released.',
      'Detention without charge: a detainer was filed.',
      'Задержанных отпустили, задержание продлили.',
      'Nothing to see here, only the detail of a deterrent.',
    ];
    for (const text of texts) store.sources.add({ dossierId: dossier.id, title: 'T', kind: 'media', text });
    store.entities.create({ kind: 'person', name: 'Detlef Detmers' });
    expect(unlisted(db)).toEqual([]);
    const native = (match: string) =>
      db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(match);
    for (const prefix of ['detain', 'det', 'задерж', 'dete', 'zzz']) {
      const expanded = expandPrefixes(db, `"${prefix}"*`);
      expect(native(expanded)).toEqual(native(`"${prefix}"*`));
    }
    expect(expandPrefixes(db, '"detain"*')).toMatch(/^\("detain" OR "detaine\w*"\)$/);
    expect(expandPrefixes(db, '("polic" AND "detain"*)')).not.toContain('*');
    expect(expandPrefixes(db, '"zzz"*')).toBe('"zzz"*');
    // A prefix of more than 64 words is read by FTS5 itself.
    store.sources.add({
      dossierId: dossier.id,
      title: 'Many',
      kind: 'media',
      text: Array.from({ length: 70 }, (_, i) => `qx${i.toString(36)}word`).join(' '),
    });
    expect(expandPrefixes(db, '"qx"*')).toBe('"qx"*');
    expect(store.search.query({ query: 'qx*' }).totals.source).toBe(1);
    expect(store.search.query({ query: 'detain*' }).totals.source).toBe(2);
  });

  it('shows the passage of the page a word is on, even after emoji and other characters beyond the BMP', () => {
    const { store, dossier } = vault();
    const plain = 'First page about wages. '.repeat(10);
    const withEmoji = 'Первая страница 😀 про зарплаты 𝔸. '.repeat(10);
    const second = 'On the second page the strike began at dawn.';
    for (const first of [plain, withEmoji]) {
      const text = `${first}${second}`;
      const source = store.sources.add({
        dossierId: dossier.id,
        title: 'Report',
        kind: 'media',
        text,
        pageMap: [
          { page: 1, start: 0, end: first.length },
          { page: 2, start: first.length, end: text.length },
        ],
      });
      const hit = store.search.query({ query: 'strike' }).hits.find((h) => h.id === source.id);
      expect(hit?.page).toBe(2);
      expect(hit?.snippet.text).toBe(second);
      const at = hit?.at as { start: number; end: number };
      expect(text.slice(at.start, at.end)).toBe('strike');
    }
    // Read again with emoji where there were none (what a text holds is remembered per source).
    const source = store.sources.add({
      dossierId: dossier.id,
      title: 'Later',
      kind: 'media',
      text: `${plain}${second}`,
      pageMap: [
        { page: 1, start: 0, end: plain.length },
        { page: 2, start: plain.length, end: plain.length + second.length },
      ],
    });
    expect(store.search.query({ query: 'strike' }).hits.find((h) => h.id === source.id)?.snippet.text).toBe(second);
    const text = `${withEmoji}${second}`;
    store.sources.replaceText(source.id, {
      text,
      pageMap: [
        { page: 1, start: 0, end: withEmoji.length },
        { page: 2, start: withEmoji.length, end: text.length },
      ],
      blocks: [],
      format: 'text',
      warnings: [],
    });
    const hit = store.search.query({ query: 'strike' }).hits.find((h) => h.id === source.id);
    expect(hit?.snippet.text).toBe(second);
    const at = hit?.at as { start: number; end: number };
    expect(text.slice(at.start, at.end)).toBe('strike');
  });

  it('keeps things that rank the same in the order they were written, whatever their kind', () => {
    const { store, dossier } = vault();
    // The same words in the same columns: an entity written first, then a source.
    const person = store.entities.create({ kind: 'person', name: 'Tokayev', aliases: ['Kassym'] });
    const source = store.sources.add({ dossierId: dossier.id, title: 'Tokayev', kind: 'media', text: 'Kassym' });
    const result = store.search.query({ query: 'Tokayev' });
    expect(result.hits[0]?.score).toBe(result.hits[1]?.score);
    expect(ids(result)).toEqual([person.id, source.id]);
    expect(result.totals).toEqual({ source: 1, excerpt: 0, entity: 1, draft: 0 });
  });

  it('refuses a mistyped query with a reason, never a database error', () => {
    const { store } = vault();
    const cases: [string, string][] = [
      ['"unclosed phrase', 'unclosed_quote'],
      ['(police OR army', 'unbalanced_parenthesis'],
      ['police)', 'unbalanced_parenthesis'],
      ['NOT police', 'missing_term'],
      ['police AND', 'missing_term'],
      ['OR police', 'missing_term'],
      ['police AND OR army', 'missing_term'],
      ['— …', 'empty'],
      ['()', 'empty'],
    ];
    for (const [query, reason] of cases) {
      expect(() => store.search.query({ query }), query).toThrow(
        expect.objectContaining({ code: 'SEARCH_QUERY_INVALID', params: { reason } }),
      );
    }
    // FTS5's own syntax is just words here.
    expect(store.search.query({ query: 'title:police NEAR(a b) ^start' }).total).toBe(0);
  });
});

describe('filters', () => {
  function coded() {
    const v = vault();
    const { store, dossier, other } = v;
    const labour = store.codes.create({ name: 'Labour' });
    const strikes = store.codes.create({ name: 'Strikes', parentId: labour.id });
    const housing = store.codes.create({ name: 'Housing' });
    const person = store.entities.create({ kind: 'person', name: 'Erzhan Elshibayev', aliases: ['Elshibaev'] });
    const report = store.sources.add({
      dossierId: dossier.id,
      title: 'Union report',
      kind: 'ngo_report',
      text: 'Workers were arrested after the strike. Elshibayev was sentenced.',
      language: 'en',
      dateText: '2021-06',
    });
    const reply = store.sources.add({
      dossierId: dossier.id,
      title: 'Government reply',
      kind: 'government_reply',
      text: 'No workers were arrested for the strike.',
      language: 'en-GB',
      dateText: '2022',
    });
    const russian = store.sources.add({
      dossierId: other.id,
      title: 'Other dossier',
      kind: 'ngo_report',
      text: 'Workers arrested in another country after a strike.',
      language: 'ru',
      dateText: '2019-03-04',
    });
    const excerpt = store.excerpts.add({
      sourceId: report.id,
      exact: 'Workers were arrested after the strike.',
      start: 0,
      end: 39,
      codeIds: [strikes.id],
      entityIds: [person.id],
    });
    const replyExcerpt = store.excerpts.add({
      sourceId: reply.id,
      exact: 'No workers were arrested',
      start: 0,
      end: 24,
      codeIds: [housing.id],
    });
    const draft = store.drafts.create({
      dossierId: dossier.id,
      title: 'Submission on workers',
      template: 'individual',
      cover: EMPTY_COVER,
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Workers on strike were arrested.' }] }],
      },
    });
    return { ...v, labour, strikes, housing, person, report, reply, russian, excerpt, replyExcerpt, draft };
  }

  it('groups totals by kind and narrows by dossier, kinds and source kind', () => {
    const v = coded();
    const all = v.store.search.query({ query: 'arrested' });
    expect(all.totals).toEqual({ source: 3, excerpt: 2, entity: 0, draft: 1 });
    expect(all.total).toBe(6);
    const inDossier = v.store.search.query({ query: 'arrested', filters: { dossierId: v.dossier.id } });
    expect(inDossier.totals).toEqual({ source: 2, excerpt: 2, entity: 0, draft: 1 });
    expect(ids(v.store.search.query({ query: 'arrested', filters: { kinds: ['draft'] } }))).toEqual([v.draft.id]);
    expect(
      new Set(ids(v.store.search.query({ query: 'arrested', filters: { sourceKind: 'government_reply' } }))),
    ).toEqual(new Set([v.reply.id, v.replyExcerpt.id]));
    const draftHit = v.store.search.query({ query: 'arrested', filters: { kinds: ['draft'] } }).hits[0];
    expect(draftHit).toMatchObject({ title: 'Submission on workers', dossierTitle: 'Kazakhstan', sourceId: null });
  });

  it('narrows by code (its sub-codes included), by entity, by date and by language', () => {
    const v = coded();
    const byCode = v.store.search.query({ query: 'arrested', filters: { codeId: v.labour.id } });
    expect(new Set(ids(byCode))).toEqual(new Set([v.excerpt.id, v.report.id]));
    const byEntity = v.store.search.query({ query: 'arrested OR elshibayev', filters: { entityId: v.person.id } });
    expect(new Set(ids(byEntity))).toEqual(new Set([v.excerpt.id, v.report.id, v.person.id]));
    const dated = v.store.search.query({
      query: 'arrested',
      filters: { dateFrom: '2021-01-01', dateTo: '2021-12-31', kinds: ['source'] },
    });
    expect(ids(dated)).toEqual([v.report.id]);
    const from2022 = v.store.search.query({
      query: 'arrested',
      filters: { dateFrom: '2022-01-01', kinds: ['source'] },
    });
    expect(ids(from2022)).toEqual([v.reply.id]);
    const english = v.store.search.query({ query: 'arrested', filters: { language: 'en', kinds: ['source'] } });
    expect(new Set(ids(english))).toEqual(new Set([v.report.id, v.reply.id]));
    expect(ids(v.store.search.query({ query: 'arrested', filters: { language: 'ru' } }))).toEqual([v.russian.id]);
  });

  it('finds an entity by any alias in a dossier where it is linked, shown by pseudonym when protected', () => {
    const v = coded();
    const hit = v.store.search.query({ query: 'elshibaev', filters: { dossierId: v.dossier.id, kinds: ['entity'] } });
    expect(ids(hit)).toEqual([v.person.id]);
    expect(
      v.store.search.query({ query: 'elshibaev', filters: { dossierId: v.other.id, kinds: ['entity'] } }).total,
    ).toBe(0);
    v.store.entities.update(v.person.id, { sensitivity: 'protected', pseudonym: 'a union leader' });
    const hidden = v.store.search.query({ query: 'elshibaev', filters: { kinds: ['entity'] } }).hits[0];
    expect(hidden).toMatchObject({ title: 'a union leader', snippet: { text: 'a union leader', marks: [] } });
  });

  it('a merge of codes keeps the code filter right', () => {
    const v = coded();
    v.store.codes.merge(v.housing.id, v.labour.id);
    const byCode = v.store.search.query({ query: 'arrested', filters: { codeId: v.labour.id, kinds: ['excerpt'] } });
    expect(new Set(ids(byCode))).toEqual(new Set([v.excerpt.id, v.replyExcerpt.id]));
  });
});

describe('the index follows every change', () => {
  it('after edits, re-read text, deletes, alias changes and merges, only what is stored is found', () => {
    const { db, store, dossier } = vault();
    const source = store.sources.add({
      dossierId: dossier.id,
      title: 'Interview',
      kind: 'testimony',
      text: 'The witness described the night raid.',
    });
    const excerpt = store.excerpts.add({
      sourceId: source.id,
      exact: 'night raid',
      start: 27,
      end: 37,
      note: 'check with lawyer',
    });
    store.excerpts.update(excerpt.id, { note: 'confirmed by prosecutor' });
    expect(ids(store.search.query({ query: 'lawyer' }))).toEqual([]);
    expect(ids(store.search.query({ query: 'prosecutor' }))).toEqual([excerpt.id]);

    store.sources.update(source.id, { title: 'Deposition' });
    expect(store.search.query({ query: 'interview' }).total).toBe(0);
    expect(ids(store.search.query({ query: 'deposition' }))).toEqual([source.id]);

    store.sources.replaceText(source.id, {
      text: 'Page one about the raid.\fPage two about the trial.',
      pageMap: [
        { page: 1, start: 0, end: 25 },
        { page: 2, start: 25, end: 50 },
      ],
      blocks: [],
      format: 'text',
      warnings: [],
    });
    expect(store.search.query({ query: 'witness' }).total).toBe(0);
    expect(store.search.query({ query: 'trial' }).hits[0]).toMatchObject({ id: source.id, page: 2 });

    const person = store.entities.create({ kind: 'person', name: 'Roza Tuletaeva', aliases: ['R. T.'] });
    store.entities.update(person.id, { aliases: ['Tuletayeva'] });
    expect(ids(store.search.query({ query: 'tuletayeva' }))).toEqual([person.id]);
    const twin = store.entities.create({ kind: 'person', name: 'Roza T', aliases: ['Rozochka'] });
    store.entities.merge(twin.id, person.id);
    expect(ids(store.search.query({ query: 'rozochka' }))).toEqual([person.id]);
    store.entities.remove(person.id);
    expect(store.search.query({ query: 'tuletaeva OR rozochka' }).total).toBe(0);

    const draft = store.drafts.create({
      dossierId: dossier.id,
      title: 'Draft',
      template: 'individual',
      cover: EMPTY_COVER,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Freedom of assembly' }] }] },
    });
    store.drafts.update(draft.id, {
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Right to strike' }] }] },
    });
    expect(store.search.query({ query: 'assembly' }).total).toBe(0);
    expect(ids(store.search.query({ query: 'strike' }))).toEqual([draft.id]);
    store.drafts.remove(draft.id);
    expect(store.search.query({ query: 'strike' }).total).toBe(0);

    store.excerpts.remove(excerpt.id);
    expect(store.search.query({ query: 'prosecutor' }).total).toBe(0);
    const second = store.excerpts.add({ sourceId: source.id, exact: 'the trial', start: 40, end: 49 });
    store.sources.remove(source.id);
    expect(store.search.query({ query: 'trial OR raid OR deposition' }).total).toBe(0);
    expect(
      db.prepare('SELECT count(*) FROM search_doc WHERE thing_id IN (?, ?)').pluck().get(source.id, second.id),
    ).toBe(0);
    expect(intact(db)).toBeTruthy();
    expect(unlisted(db)).toEqual([]);
    expect(orphaned(db)).toEqual([]);
    expect(expandPrefixes(db, '"deposit"*')).toBe('"deposit"*');
  });

  it('re-anchoring moves an excerpt in the index with its quote', () => {
    const { db, store, dossier } = vault();
    const source = store.sources.add({ dossierId: dossier.id, title: 'S', kind: 'other', text: 'Old words here.' });
    const excerpt = store.excerpts.add({ sourceId: source.id, exact: 'Old words', start: 0, end: 9 });
    store.excerpts.place(excerpt.id, {
      exact: 'words here',
      prefix: 'Old ',
      suffix: '.',
      start: 4,
      end: 14,
      page: null,
    });
    expect(store.search.query({ query: 'old', filters: { kinds: ['excerpt'] } }).total).toBe(0);
    expect(store.search.query({ query: 'here', filters: { kinds: ['excerpt'] } }).hits[0]).toMatchObject({
      id: excerpt.id,
      at: { start: 10, end: 14 },
    });
    expect(intact(db)).toBeTruthy();
  });
});

describe('paging', () => {
  it('walks every hit once through opaque cursors, and refuses a cursor of another search', () => {
    const { store, dossier } = vault();
    for (let i = 0; i < 23; i++) {
      store.sources.add({
        dossierId: dossier.id,
        title: `Report ${i}`,
        kind: 'media',
        text: `Detention ${'and detention '.repeat(i % 5)}number ${i}.`,
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = store.search.query({ query: 'detention', limit: 5, cursor });
      expect(page.total).toBe(23);
      seen.push(...ids(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    const first = store.search.query({ query: 'detention', limit: 5 });
    expect(() => store.search.query({ query: 'number', cursor: first.nextCursor })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMS' }),
    );
    expect(() => store.search.query({ query: 'detention', cursor: 'garbage' })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMS' }),
    );
  });
});

describe('for other screens', () => {
  it('excerptSeqsMatching finds a dossier’s excerpts by words in any inflection, the last word as typed so far', () => {
    const { db, store, dossier, other } = vault();
    const source = store.sources.add({ dossierId: dossier.id, title: 'S', kind: 'other', text: RUSSIAN });
    const elsewhere = store.sources.add({ dossierId: other.id, title: 'T', kind: 'other', text: 'профсоюза' });
    const excerpt = store.excerpts.add({
      sourceId: source.id,
      exact: 'отказало организации в государственной регистрации',
      start: 0,
      end: 10,
      note: 'Устав профсоюза',
    });
    store.excerpts.add({ sourceId: elsewhere.id, exact: 'профсоюза', start: 0, end: 9 });
    const seq = db.prepare('SELECT seq FROM excerpt WHERE id = ?').pluck().get(excerpt.id);
    expect(excerptSeqsMatching(db, 'регистрация профсоюзов', dossier.id)).toEqual([seq]);
    expect(excerptSeqsMatching(db, 'государств', dossier.id)).toEqual([seq]);
    expect(excerptSeqsMatching(db, 'забастовка', dossier.id)).toEqual([]);
    expect(excerptSeqsMatching(db, '  ', dossier.id)).toEqual([]);
  });

  it('saves searches per dossier and forgets them', () => {
    const { store, dossier, other } = vault();
    const saved = store.search.saveSearch({
      dossierId: dossier.id,
      name: 'Arrests',
      query: 'arrest* OR задерж*',
      filters: { kinds: ['source'] },
    });
    expect(store.search.savedList(dossier.id)).toEqual([saved]);
    expect(store.search.savedList(other.id)).toEqual([]);
    expect(() => store.search.saveSearch({ dossierId: dossier.id, name: 'Bad', query: '"open' })).toThrow(
      expect.objectContaining({ code: 'SEARCH_QUERY_INVALID' }),
    );
    expect(store.search.deleteSaved(saved.id)).toBe(true);
    expect(store.search.deleteSaved(saved.id)).toBe(false);
    expect(store.search.savedList(dossier.id)).toEqual([]);
  });
});

describe('bounded at any size', () => {
  it('takes the newest matches of a kind beyond the cap, newest first, and says so; ranks when under it', () => {
    const { store, dossier, other } = vault();
    const source = store.sources.add({ dossierId: dossier.id, title: 'Police report', kind: 'media', text: 'x' });
    const elsewhere = store.sources.add({ dossierId: other.id, title: 'Other', kind: 'media', text: 'y' });
    const excerpts = Array.from({ length: 7 }, (_, i) =>
      store.excerpts.add({
        sourceId: i % 2 === 0 ? source.id : elsewhere.id,
        exact: `police ${'police '.repeat(i % 3)}number ${i}`,
        start: 0,
        end: 1,
      }),
    );
    const newestFirst = [...excerpts].reverse().map((e) => e.id);

    // Under the cap: ranked, nothing said.
    const ranked = store.search.query({ query: 'police', cap: 10 });
    expect(ranked.capped).toBe(false);
    expect(ranked.totals).toEqual({ source: 1, excerpt: 7, entity: 0, draft: 0 });

    // Over it (excerpts): the 5 newest excerpts, newest first; the source is still counted and shown.
    const capped = store.search.query({ query: 'police', cap: 5, limit: 50 });
    expect(capped.capped).toBe(true);
    expect(capped.totals).toEqual({ source: 1, excerpt: 5, entity: 0, draft: 0 });
    expect(capped.total).toBe(6);
    expect(capped.hits.filter((h) => h.kind === 'excerpt').map((h) => h.id)).toEqual(newestFirst.slice(0, 5));
    expect(capped.hits.map((h) => h.id)).toContain(source.id);
    const scores = capped.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // Paged through its cursor: each hit once, as many as the totals say.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = store.search.query({ query: 'police', cap: 5, limit: 2, cursor });
      expect(page.capped).toBe(true);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(capped));

    // Filters narrow before the cap: the dossier's 4 excerpts are under a cap of 5, so ranked again.
    const inDossier = store.search.query({ query: 'police', cap: 5, filters: { dossierId: dossier.id } });
    expect(inDossier.capped).toBe(false);
    expect(inDossier.totals.excerpt).toBe(4);
    // A kind asked for alone is capped on its own: sources alone are under the cap.
    const sources = store.search.query({ query: 'police', cap: 5, filters: { kinds: ['source'] } });
    expect(sources).toMatchObject({ capped: false, total: 1 });
  });

  it('lists each source matching once — best first, newest first past the cap — without ranking every page of a common word', () => {
    const { db, store, dossier } = vault();
    const add = (title: string, text: string) =>
      store.sources.add({ dossierId: dossier.id, title, kind: 'media', text }).id;
    const passing = add('Weather', 'Rain, and the police once.');
    const titled = add('Police violence', 'The police beat the strikers; police vans; police everywhere.');
    const twice = add('Notes', 'The police came. The police left.');

    // Under the cap: best first, each source once.
    expect(sourcesMatching(db, 'police', 10).map((s) => s.id)).toEqual([titled, twice, passing]);
    // Past it: newest first, still each once, as many as asked.
    expect(sourcesMatching(db, 'police', 10, 2).map((s) => s.id)).toEqual([twice, titled, passing]);
    expect(sourcesMatching(db, 'police', 2, 2).map((s) => s.id)).toEqual([twice, titled]);
  });
});
