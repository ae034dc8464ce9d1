// The citation picker finds excerpts by their words. A lawyer typed words that appeared in the quote of
// one excerpt and in the note of another: the note match came first, Enter cited it, and the footnote
// named the wrong source. The quote is what a citation stands for, so quote matches rank first.
import { afterEach, describe, expect, it } from 'vitest';
import { describeSelection } from '../../../src/main/annotate/anchor.ts';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

const LETTER = [
  'Reply of the Ministry of Labour',
  'The union’s registration was refused on 12 March 2021.',
  'The Ministry considers that the strike was unlawful.',
].join('\n\n');

const REPORT = [
  'Monitoring report',
  'Workers at the mine reported threats after the strike.',
  'Суд отказал в регистрации профсоюза.',
].join('\n\n');

function setup() {
  const db = tempDatabase();
  migrate(db);
  const store = new Store(db, { actor: 'tester' });
  const dossier = store.dossiers.create({ title: 'Kazakhstan' });
  const blocksOf = (text: string) => {
    let at = 0;
    return text.split('\n\n').map((part, i) => {
      const start = text.indexOf(part, at);
      at = start + part.length;
      return { kind: i === 0 ? ('heading' as const) : ('paragraph' as const), start, end: at };
    });
  };
  // The report is imported first, so source order alone would put its excerpts first.
  const report = store.sources.add({
    dossierId: dossier.id,
    title: 'Monitoring report',
    kind: 'ngo_report',
    text: REPORT,
    blocks: blocksOf(REPORT),
    format: 'docx',
  });
  const letter = store.sources.add({
    dossierId: dossier.id,
    title: 'Letter on the strike',
    kind: 'letter',
    text: LETTER,
    blocks: blocksOf(LETTER),
    format: 'pdf',
  });
  const mark = (source: { id: string }, text: string, exact: string, note = '') => {
    const start = text.indexOf(exact);
    return store.excerpts.add({
      sourceId: source.id,
      ...describeSelection(text, start, start + exact.length, []),
      note,
    });
  };
  return { store, dossier, report, letter, mark };
}

describe('finding an excerpt to cite', () => {
  it('ranks a match in the quote above a match in a note, whatever order the sources came in', () => {
    const { store, dossier, report, letter, mark } = setup();
    const noteOnly = mark(
      report,
      REPORT,
      'Workers at the mine reported threats',
      'Compare the Ministry’s claim the strike was unlawful',
    );
    const quote = mark(letter, LETTER, 'the strike was unlawful');

    const hits = store.excerpts.search(dossier.id, 'strike was unlawful').items;
    expect(hits.map((h) => [h.id, h.matchedIn])).toEqual([
      [quote.id, 'quote'],
      [noteOnly.id, 'note'],
    ]);
    // What the picker's rows show: the source, its format, and where the excerpt sits.
    expect(hits[0]).toMatchObject({ sourceTitle: 'Letter on the strike', sourceFormat: 'pdf', paragraph: 2 });
    expect(hits[1]).toMatchObject({ sourceTitle: 'Monitoring report', sourceFormat: 'docx', paragraph: 1 });
  });

  it('matches every word (as typed or as the start of a word) in a field, then the source title last, in a stable order', () => {
    const { store, dossier, report, letter, mark } = setup();
    const refused = mark(letter, LETTER, 'registration was refused on 12 March 2021');
    const threats = mark(report, REPORT, 'reported threats');
    const strike = mark(letter, LETTER, 'the strike was unlawful');

    // Words in another order than the quote's.
    expect(store.excerpts.search(dossier.id, 'refused registration').items.map((h) => h.id)).toEqual([refused.id]);
    // "letter" is only in a source title: both of that source's excerpts, in reading order.
    const byTitle = store.excerpts.search(dossier.id, 'LETTER').items;
    expect(byTitle.map((h) => [h.id, h.matchedIn])).toEqual([
      [refused.id, 'source'],
      [strike.id, 'source'],
    ]);
    // Quote matches in several sources: sources in import order, then reading order; same every time.
    const both = store.excerpts.search(dossier.id, 're').items;
    expect(both.map((h) => h.id)).toEqual([threats.id, refused.id]);
    expect(store.excerpts.search(dossier.id, 're').items.map((h) => h.id)).toEqual(both.map((h) => h.id));
    expect(store.excerpts.search(dossier.id, 'unlaw').items.map((h) => h.id)).toEqual([strike.id]);
    expect(store.excerpts.search(dossier.id, '   ').items).toEqual([]);
  });

  it('folds case in Cyrillic too, and ё as е', () => {
    const { store, dossier, report, mark } = setup();
    const court = mark(report, REPORT, 'Суд отказал в регистрации', 'решение ещё не обжаловано');
    expect(store.excerpts.search(dossier.id, 'суд ОТКАЗАЛ').items.map((h) => h.id)).toEqual([court.id]);
    expect(store.excerpts.search(dossier.id, 'еще').items.map((h) => [h.id, h.matchedIn])).toEqual([
      [court.id, 'note'],
    ]);
  });

  it('leaves out removed excerpts and other dossiers', () => {
    const { store, dossier, letter, mark } = setup();
    const gone = mark(letter, LETTER, 'the strike was unlawful');
    store.excerpts.remove(gone.id);
    const other = store.dossiers.create({ title: 'Belarus' });
    const elsewhere = store.sources.add({ dossierId: other.id, title: 'Other', kind: 'other', text: LETTER });
    mark(elsewhere, LETTER, 'the strike was unlawful');
    expect(store.excerpts.search(dossier.id, 'strike').items).toEqual([]);
  });
});
