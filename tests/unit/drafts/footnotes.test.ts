// Notes are generated from citations in the field's format; the ones that may not leave the vault say why.
import { describe, expect, it } from 'vitest';
import { footnotes, noteText, renditionsToTellApart, styledNoteTexts } from '../../../src/main/drafts/footnotes.ts';
import { buildModel } from '../../../src/main/drafts/model.ts';
import { wording } from '../../../src/main/drafts/wording.ts';
import { cite, doc, excerpt, para } from './support.ts';

describe('footnotes from citations', () => {
  it('names organisation, title, symbol, date and page, without repeating what the title says', () => {
    expect(noteText(excerpt('e1'))).toBe(
      'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, p. 3.',
    );
    expect(
      noteText(
        excerpt('e2', {
          authorOrganisation: 'Human Rights Watch',
          sourceTitle: 'Kazakhstan: Union Leader Jailed.',
          documentSymbol: null,
          dateText: '2017-07-18',
          page: null,
        }),
      ),
    ).toBe('Human Rights Watch, Kazakhstan: Union Leader Jailed, 18 July 2017.');
    expect(
      noteText(
        excerpt('e3', {
          authorOrganisation: 'Report of the Working Group',
          sourceTitle: 'Report of the Working Group',
          documentSymbol: 'A/HRC/43/10',
          dateText: '2019-12',
          page: 12,
        }),
      ),
    ).toBe('Report of the Working Group, A/HRC/43/10, December 2019, p. 12.');
  });

  it('gives every citation its own note, the same source in the same full form each time', () => {
    const model = buildModel(doc(para('A', cite('e1'), ' B', cite('e2'), ' C', cite('e1'))), () => '');
    const notes = footnotes(
      model,
      new Map([
        ['e1', excerpt('e1')],
        ['e2', excerpt('e2', { page: 7 })],
      ]),
    );
    expect(notes.map((n) => n.number)).toEqual([1, 2, 3]);
    expect(notes[0]?.text).toBe(notes[2]?.text);
    expect(notes[1]?.text).toMatch(/p\. 7\.$/);
    expect(notes.every((n) => n.problem === null)).toBe(true);
  });

  it('flags a deleted or unknown excerpt and one marked never export', () => {
    const model = buildModel(doc(para('A', cite('gone'), cite('secret'), cite('unknown'))), () => '');
    const notes = footnotes(
      model,
      new Map([
        ['gone', excerpt('gone', { status: 'deleted' })],
        ['secret', excerpt('secret', { confidentiality: 'never_export' })],
      ]),
    );
    expect(notes.map((n) => n.problem)).toEqual(['excerpt_deleted', 'never_export', 'excerpt_deleted']);
    // A deleted excerpt's source is still named so the lawyer can find a replacement.
    expect(notes[0]?.text).toContain('Information supplied by the Government');
    expect(notes[2]?.text).toBe('An excerpt that is no longer in the vault.');
  });
});

describe('notes citing two renditions of one document', () => {
  // The Ministry's letter was imported as PDF and as Word and linked as renditions. The draft cites
  // page 2 of the PDF and a passage of the Word file: without the format both notes name the same
  // letter and a reader cannot tell which version "p. 2" counts in.
  const letter = { sourceTitle: 'Letter of the Ministry of Labour', documentSymbol: null, dateText: '2023-02-01' };
  const pdf = excerpt('pdf', { ...letter, sourceId: 'src-pdf', page: 2, sourceFormat: 'pdf', renditionGroup: 'g1' });
  const word = excerpt('word', {
    ...letter,
    sourceId: 'src-word',
    page: null,
    sourceFormat: 'docx',
    renditionGroup: 'g1',
  });
  const other = excerpt('other', { sourceId: 'src-other', sourceFormat: 'pdf', renditionGroup: null });

  it('names the format in the exported notes of both renditions, and in their short forms', () => {
    const notes = styledNoteTexts([pdf, word, other, pdf], wording('en'));
    expect(notes[0]).toBe(
      'Government of Kazakhstan, Letter of the Ministry of Labour (PDF version), 1 February 2023, p. 2.',
    );
    expect(notes[1]).toBe(
      'Government of Kazakhstan, Letter of the Ministry of Labour (Word version), 1 February 2023.',
    );
    // A source cited without another rendition stays as the field writes it.
    expect(notes[2]).not.toMatch(/version/);
    expect(notes[3]).toBe(
      'Government of Kazakhstan, Letter of the Ministry of Labour (PDF version), note 1 above, p. 2.',
    );
    expect(styledNoteTexts([pdf, word], wording('ru'))[1]).toContain('(версия Word)');
  });

  it('leaves the format out when only one rendition is cited, or the two are not linked', () => {
    expect(styledNoteTexts([pdf, other], wording('en'))[0]).toBe(
      'Government of Kazakhstan, Letter of the Ministry of Labour, 1 February 2023, p. 2.',
    );
    const unlinked = styledNoteTexts([pdf, { ...word, renditionGroup: null }], wording('en'));
    expect(unlinked.join(' ')).not.toMatch(/version/);
    expect(renditionsToTellApart([pdf, word, other])).toEqual(new Set(['src-pdf', 'src-word']));
  });

  it('gives the editor each note’s format, whatever the draft cites', () => {
    const model = buildModel(doc(para('A', cite('pdf'), ' B', cite('other'))), () => '');
    const notes = footnotes(
      model,
      new Map([
        ['pdf', pdf],
        ['other', other],
      ]),
    );
    expect(notes.map((n) => n.sourceFormat)).toEqual(['pdf', 'pdf']);
    expect(notes[0]?.text).not.toMatch(/version/);
  });
});
