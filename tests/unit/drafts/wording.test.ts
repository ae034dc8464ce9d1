// A submission prints its own words — cover, word count, notes, dates — in the language it is
// written in, whatever language the interface speaks.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { prepareDocument, readDraft } from '../../../src/main/drafts/document.ts';
import { SUBMISSION_CATALOGS, type WordingKey, wording } from '../../../src/main/drafts/wording.ts';
import { COVER, cite, doc, excerpt, goodContext, para } from './support.ts';

describe('the words a submission prints, per language', () => {
  it('has every message in every catalog, each a valid ICU message', () => {
    const keys = Object.keys(SUBMISSION_CATALOGS.en).sort();
    for (const [language, catalog] of Object.entries(SUBMISSION_CATALOGS)) {
      expect(Object.keys(catalog).sort(), language).toEqual(keys);
      for (const [key, message] of Object.entries(catalog)) {
        expect(() => new IntlMessageFormat(message, language), `${language} ${key}`).not.toThrow();
        expect(message.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it('writes dates the way each language does, including month-only and year-only dates', () => {
    expect(wording('en').date('2021-06-30')).toBe('30 June 2021');
    expect(wording('ru').date('2021-06-30')).toBe('30 июня 2021 г.');
    expect(wording('fr').date('2021-06-30')).toBe('30 juin 2021');
    expect(wording('es').date('2021-06-30')).toBe('30 de junio de 2021');
    expect(wording('en').date('2021-06')).toBe('June 2021');
    expect(wording('ru').date('2021-06')).toMatch(/^июнь 2021/);
    expect(wording('ru').date('2021')).toBe('2021');
    expect(wording('ru').date('not a date')).toBe('');
  });

  it('numbers sessions and cycles with each language’s ordinals', () => {
    const session = (language: string, n: number) => wording(language).t('cover.session', { n });
    expect([1, 2, 3, 11, 12, 13, 21, 48].map((n) => session('en', n).split(' ')[0])).toEqual([
      '1st',
      '2nd',
      '3rd',
      '11th',
      '12th',
      '13th',
      '21st',
      '48th',
    ]);
    expect(session('fr', 1)).toMatch(/^1re session/);
    expect(session('fr', 48)).toMatch(/^48e session/);
    expect(session('ru', 48)).toBe('48-я сессия Рабочей группы по УПО');
    expect(session('es', 48)).toMatch(/^48\.º período de sesiones/);
  });

  it('prints the other UN languages’ submissions with English words rather than nothing', () => {
    expect(wording('ar').language).toBe('en');
    expect(wording('RU-ru').language).toBe('ru');
    const words = wording('ar').t('cover.wordCount', { count: '12' });
    expect(words).toMatch(/^Word count: 12/);
  });

  it('prints a Russian submission’s cover, word count, notes and dates in Russian', () => {
    const context = goodContext({
      cover: { ...COVER, language: 'ru', state: 'Казахстан' },
      body: doc(
        para('Заявление правительства.', cite('a')),
        para('Свидетельство профсоюза.', cite('b'), ' И снова правительство.', cite('a')),
      ),
      excerpts: new Map([
        ['a', excerpt('a', { sourceId: 's1', dateText: '2021-06-30', page: 4 })],
        [
          'b',
          excerpt('b', {
            sourceId: 's2',
            sourceTitle: 'Доклад',
            authorOrganisation: 'КНПП',
            documentSymbol: null,
            dateText: '2022-03',
          }),
        ],
      ]),
    });
    const exported = prepareDocument(context, { redact: false });
    const lines = exported.cover.map((l) => l.text);
    expect(lines[0]).toBe('Индивидуальное представление для универсального периодического обзора: Казахстан');
    expect(lines).toContain('48-я сессия Рабочей группы по УПО, 4-й цикл, March 2027');
    expect(lines.at(-1)).toMatch(/^Количество слов: \d+ \(основной текст/);
    expect(exported.notes.map((n) => n.text)).toEqual([
      'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, 30 июня 2021 г., с. 4.',
      'КНПП, Доклад, март 2022 г., с. 3.',
      'Government of Kazakhstan, Information supplied by the Government, см. сноску 1, с. 4.',
    ]);
  });
});

describe('notes in legal citation style', () => {
  const GOV = { sourceId: 'gov', sourceTitle: 'Information supplied by the Government (2022)' };
  const noteTexts = (body: ReturnType<typeof doc>, excerpts: [string, Parameters<typeof excerpt>[1]][]) =>
    prepareDocument(goodContext({ body, excerpts: new Map(excerpts.map(([id, o]) => [id, excerpt(id, o)])) }), {
      redact: false,
    }).notes.map((n) => n.text);

  it('gives "Ibid." to a note that cites the same source as the note before, with the page when it differs', () => {
    const texts = noteTexts(doc(para('One.', cite('a'), ' Two.', cite('b'), ' Three.', cite('c'))), [
      ['a', { ...GOV, page: 3 }],
      ['b', { ...GOV, page: 3 }],
      ['c', { ...GOV, page: 7 }],
    ]);
    expect(texts).toEqual([
      'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, p. 3.',
      'Ibid.',
      'Ibid., p. 7.',
    ]);
  });

  it('points a later return to a source back at its first note, and never says "Ibid." across another source', () => {
    const texts = noteTexts(doc(para('One.', cite('a')), para('Two.', cite('b')), para('Three.', cite('c'))), [
      ['a', { ...GOV, page: 3 }],
      [
        'b',
        { sourceId: 'hrw', sourceTitle: 'Kazakhstan: union leader jailed', authorOrganisation: 'Human Rights Watch' },
      ],
      ['c', { ...GOV, page: 9 }],
    ]);
    expect(texts[1]).toMatch(/^Human Rights Watch, Kazakhstan: union leader jailed/);
    expect(texts[2]).toBe('Government of Kazakhstan, Information supplied by the Government, note 1 above, p. 9.');
  });

  it('counts only the notes that leave the vault: a withheld note between two of one source still gives "Ibid."', () => {
    const texts = noteTexts(doc(para('One.', cite('a'), ' Secret.', cite('s'), ' Two.', cite('b'))), [
      ['a', { ...GOV, page: 3 }],
      ['s', { sourceId: 'witness', sourceTitle: 'Interview', confidentiality: 'never_export' }],
      ['b', { ...GOV, page: 3 }],
    ]);
    expect(texts).toEqual([expect.stringMatching(/^Government of Kazakhstan/), 'Ibid.']);
  });

  it('keeps the editor’s notes in full, so each stands alone while the person writes', () => {
    const context = goodContext({
      body: doc(para('One.', cite('a'), ' Two.', cite('b'))),
      excerpts: new Map([
        ['a', excerpt('a', GOV)],
        ['b', excerpt('b', GOV)],
      ]),
    });
    expect(prepareDocument(context, { redact: false }).notes[1]?.text).toBe('Ibid.');
    expect(readDraft(context).notes[1]?.text).toMatch(/^Government of Kazakhstan, Information supplied/);
  });
});

// Keeps the key list honest: a message added to English only fails the first test above.
const _typed: WordingKey = 'note.ibid';
void _typed;
