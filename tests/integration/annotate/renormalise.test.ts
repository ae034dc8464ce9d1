// A source's text is read again (an importer fix joined hyphenated words, dropped a running header):
// the lawyer's excerpts follow their words, and those whose words are gone are listed as orphans to
// place again — none is dropped, none silently points at other words.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { describeSelection } from '../../../src/main/annotate/anchor.ts';
import { renormaliseSource, replaceSourceText } from '../../../src/main/annotate/renormalise.ts';
import { importDocument } from '../../../src/main/ingest/index.ts';
import type { ImportedDocument } from '../../../src/main/ingest/types.ts';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from '../../unit/store/helpers.ts';

afterEach(closeAll);

const OLD = [
  'REPORT OF THE COMMITTEE — page 1',
  'The Government states that the registration of trade unions is a simple notification pro-',
  'cedure. The union was dissolved by the Economic Court on 4 January 2017.',
  'Its leader was sentenced to five years of restricted freedom.',
].join('\n\n');
// What a better importer reads: the running header gone, the hyphenation joined, one sentence
// rewritten by a corrected OCR pass.
const NEW = [
  'The Government states that the registration of trade unions is a simple notification procedure.',
  'The union was dissolved by the Economic Court on 4 January 2017.',
  'Its chairperson was sentenced to restricted freedom.',
].join('\n\n');

function doc(text: string): ImportedDocument {
  return { format: 'text', text, blocks: [], pages: [], metadata: {}, warnings: [] };
}

function setup(text: string, original?: { bytes: Uint8Array; filename: string }) {
  const db = tempDatabase();
  migrate(db);
  const store = new Store(db, { actor: 'tester' });
  const dossier = store.dossiers.create({ title: 'Kazakhstan' });
  const source = store.sources.add({
    dossierId: dossier.id,
    title: 'CAS conclusions',
    kind: 'ilo_document',
    text,
    ...(original ? { original: { bytes: original.bytes, filename: original.filename } } : {}),
  });
  const mark = (exact: string) => {
    const start = text.indexOf(exact);
    if (start < 0) throw new Error(`not in text: ${exact}`);
    // As the reader does: the selection is anchored with its context.
    return store.excerpts.add({ sourceId: source.id, ...describeSelection(text, start, start + exact.length, []) });
  };
  return { store, dossier, source, mark };
}

describe('re-normalising a source', () => {
  it('moves excerpts with their words, and lists the ones whose words are gone as orphans', () => {
    const { store, dossier, source, mark } = setup(OLD);
    const court = mark('dissolved by the Economic Court on 4 January 2017');
    const hyphenated = mark('a simple notification pro-\n\ncedure');
    const sentence = mark('Its leader was sentenced to five years of restricted freedom.');
    const code = store.codes.create({ name: 'Dissolution' });
    store.excerpts.update(court.id, { codeIds: [code.id], note: 'key date' });

    const result = replaceSourceText(store, source.id, doc(NEW));

    expect(result).toEqual({ unchanged: 0, moved: 2, orphans: [{ id: sentence.id, exact: sentence.exact }] });
    const moved = store.excerpts.require(court.id);
    expect(NEW.slice(moved.start, moved.end)).toBe('dissolved by the Economic Court on 4 January 2017');
    expect(moved).toMatchObject({ anchorStatus: 'reanchored', codeIds: [code.id], note: 'key date' });
    const joined = store.excerpts.require(hyphenated.id);
    expect(NEW.slice(joined.start, joined.end)).toBe(joined.exact);
    expect(joined.exact).toMatch(/^a simple notification pro/);
    expect(joined.anchorStatus).toBe('reanchored');

    // The orphan keeps its quote and shows up in the list to fix, and in no highlight at wrong words.
    expect(store.excerpts.orphans(dossier.id).map((e) => [e.id, e.exact])).toEqual([[sentence.id, sentence.exact]]);
    expect(store.sources.detail(source.id).text).toBe(NEW);

    // The lawyer places it on the rewritten sentence: anchored again, gone from the orphan list.
    const start = NEW.indexOf('Its chairperson');
    const placed = store.excerpts.place(sentence.id, {
      exact: 'Its chairperson was sentenced to restricted freedom.',
      prefix: '',
      suffix: '',
      start,
      end: start + 'Its chairperson was sentenced to restricted freedom.'.length,
      page: null,
    });
    expect(placed.anchorStatus).toBe('anchored');
    expect(store.excerpts.orphans(dossier.id)).toEqual([]);
  });

  it('keeps everything as it was when the new reading fails', async () => {
    const { store, source, mark } = setup(OLD, { bytes: new TextEncoder().encode(OLD), filename: 'cas.txt' });
    const court = mark('dissolved by the Economic Court on 4 January 2017');
    await expect(
      renormaliseSource(store, source.id, async () => {
        throw new Error('parser crashed');
      }),
    ).rejects.toThrow('parser crashed');
    expect(store.sources.detail(source.id).text).toBe(OLD);
    expect(store.excerpts.require(court.id)).toMatchObject({ start: court.start, anchorStatus: 'anchored' });
  });

  it('reads the stored original of the 2022 ILO reply again with the real importer; every excerpt stays put', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf'));
    const first = await importDocument(bytes, 'ilo.pdf');
    const { store, source, mark } = setup(first.text, { bytes, filename: 'ilo.pdf' });
    store.sources.replaceText(source.id, { ...first, pageMap: first.pages });
    const excerpts = [
      mark('modification of the procedure for state registration of trade unions'),
      mark('holding short-term (one-hour) warning strikes'),
    ];

    const result = await renormaliseSource(store, source.id);

    expect(result).toEqual({ unchanged: 2, moved: 0, orphans: [] });
    for (const e of excerpts) {
      expect(store.excerpts.require(e.id)).toMatchObject({ start: e.start, end: e.end, anchorStatus: 'anchored' });
    }
  });
});
