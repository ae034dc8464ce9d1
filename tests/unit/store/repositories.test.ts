import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

function store() {
  const db = tempDatabase();
  migrate(db);
  return { db, store: new Store(db, { actor: 'tester' }) };
}

describe('settings', () => {
  it('auto-lock defaults to 10 minutes and accepts 1–240 whole minutes', () => {
    const { store: s } = store();
    expect(s.settings.get()).toEqual({ autoLockMinutes: 10 });
    s.settings.setAutoLockMinutes(1);
    s.settings.setAutoLockMinutes(240);
    expect(s.settings.getAutoLockMinutes()).toBe(240);
    for (const bad of [0, 241, 1.5, Number.NaN, -5]) {
      expect(() => s.settings.setAutoLockMinutes(bad)).toThrow(
        expect.objectContaining({ code: 'AUTO_LOCK_OUT_OF_RANGE', params: { min: 1, max: 240 } }),
      );
    }
    expect(s.settings.getAutoLockMinutes()).toBe(240);
    expect(s.audit.list().map((e) => e.summary)).toEqual([
      'Auto-lock changed from 10 to 1 minutes',
      'Auto-lock changed from 1 to 240 minutes',
    ]);
  });
});

describe('sources and excerpts', () => {
  it('store the original with its SHA-256 and audit each change without document text', () => {
    const { store: s } = store();
    const dossier = s.dossiers.create({ title: 'Secret dossier title', country: 'KAZ', themes: ['labour'] });
    const bytes = Buffer.from('%PDF-1.7 original');
    const source = s.sources.add({
      dossierId: dossier.id,
      title: 'Testimony of a named witness',
      kind: 'testimony',
      original: { bytes, mediaType: 'application/pdf', filename: 'w.pdf' },
      text: 'The witness said the police came at night.',
      pageMap: [{ page: 1, start: 0, end: 43 }],
      dateText: '2021-06',
    });
    expect(source.originalSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(s.sources.original(source.id)?.equals(bytes)).toBe(true);
    const excerpt = s.excerpts.add({
      sourceId: source.id,
      exact: 'police came at night',
      start: 20,
      end: 40,
      note: 'n',
    });
    expect(excerpt).toMatchObject({ confidentiality: 'restricted', stance: null, page: null });
    const summaries = JSON.stringify(s.audit.list());
    expect(summaries).not.toMatch(/Secret|witness|police/);
    expect(s.audit.list().map((e) => [e.action, e.actor])).toEqual([
      ['dossier.create', 'tester'],
      ['source.add', 'tester'],
      ['excerpt.add', 'tester'],
    ]);
    expect(s.sources.checkOriginals()).toEqual({ checked: 1, mismatched: [] });
    expect(s.sources.searchText('police')).toEqual([{ id: source.id, title: source.title }]);
    expect(s.excerpts.searchText('night')).toEqual([{ id: excerpt.id, sourceId: source.id }]);
  });

  it('roll back the row and its audit entry together when the insert fails', () => {
    const { store: s } = store();
    expect(() => s.sources.add({ dossierId: 'missing', title: 'T', kind: 'other' })).toThrow(/FOREIGN KEY/);
    expect(s.audit.count()).toBe(0);
  });

  it('keep a source’s text apart from its summary: import, list, re-read, re-normalise and delete', () => {
    const { db, store: s } = store();
    const dossier = s.dossiers.create({ title: 'Kazakhstan' });
    const text = 'Page one names Kharkova.\n\nPage two names the court.';
    const pages = [
      { page: 1, start: 0, end: 24 },
      { page: 2, start: 26, end: 51 },
    ];
    const blocks = [
      { kind: 'paragraph' as const, start: 0, end: 24 },
      { kind: 'paragraph' as const, start: 26, end: 51 },
    ];
    const source = s.sources.add({
      dossierId: dossier.id,
      title: 'Court record',
      kind: 'court_decision',
      format: 'pdf',
      text,
      pageMap: pages,
      blocks,
      original: { bytes: Buffer.from('%PDF'), filename: 'record.pdf', mediaType: 'application/pdf' },
    });
    expect(source).toMatchObject({ text, pageMap: pages });
    expect(s.sources.list(dossier.id)).toEqual([
      expect.objectContaining({ id: source.id, pageCount: 2, fileName: 'record.pdf', size: 4, format: 'pdf' }),
    ]);
    expect(s.sources.detail(source.id)).toMatchObject({ text, pages, blocks, pageCount: 2 });
    expect(s.dossiers.require(dossier.id).sourceCount).toBe(1);
    // The summary row holds no text: the text is in its own table, keyed by the source.
    const row = db.prepare('SELECT * FROM source WHERE id = ?').get(source.id) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain('Kharkova');
    expect(s.sources.searchText('kharkova')).toEqual([{ id: source.id, title: 'Court record' }]);

    s.sources.replaceText(source.id, {
      text: 'One page now.',
      pageMap: [{ page: 1, start: 0, end: 13 }],
      blocks: [{ kind: 'paragraph', start: 0, end: 13 }],
      format: 'pdf',
      warnings: [],
    });
    expect(s.sources.detail(source.id)).toMatchObject({ text: 'One page now.', pageCount: 1 });
    expect(s.sources.searchText('kharkova')).toEqual([]);
    expect(s.sources.searchText('page')).toEqual([{ id: source.id, title: 'Court record' }]);

    expect(s.sources.remove(source.id)).toBe(true);
    expect(s.sources.list(dossier.id)).toEqual([]);
    expect(s.dossiers.require(dossier.id).sourceCount).toBe(0);
    expect(db.prepare('SELECT text, page_map, blocks FROM source_text').all()).toEqual([
      { text: '', page_map: '[]', blocks: '[]' },
    ]);
    expect(s.sources.searchText('page OR court')).toEqual([]);
  });
});
