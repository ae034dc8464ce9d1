// A monitor exports with redaction: every name and alias of a person with a pseudonym is replaced,
// in the text, the notes and the cover alike, and the pre-export review lists each substitution.
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../src/main/drafts/document.ts';
import { inlineText } from '../../../src/main/drafts/model.ts';
import { redactor, WITHHELD_NAME } from '../../../src/main/drafts/redact.ts';
import { cite, doc, excerpt, goodContext, heading, para, person, text } from './support.ts';

const eleusinov = person('Amin Eleusinov', {
  id: 'p1',
  aliases: ['Eleusinov', 'Елеусинов'],
  pseudonym: 'a union leader',
});

describe('replacing names by pseudonyms', () => {
  it('replaces the name and every alias, whole words only, longest first, in one pass', () => {
    const names = redactor([eleusinov]);
    expect(names.text('Amin Eleusinov met Eleusinova; Eleusinov’s lawyer wrote to Елеусинов.')).toBe(
      'A union leader met Eleusinova; a union leader’s lawyer wrote to a union leader.',
    );
    // White space inside a name may be any run of spaces or a line break.
    expect(names.text('Amin\nEleusinov and Amin  Eleusinov')).toBe('A union leader and a union leader');
  });

  it('follows the case the name is written in, plus capitals, so a name that is also a word does not swallow it', () => {
    const names = redactor([person('Will', { id: 'p2', pseudonym: 'a witness' })]);
    expect(names.text('Will said the union will appeal. WILL confirmed.')).toBe(
      'A witness said the union will appeal. A witness confirmed.',
    );
  });

  it('treats straight and curly apostrophes alike, and capitalises a pseudonym only where a sentence starts', () => {
    const names = redactor([person("Dmitry O'Connor", { id: 'p3', pseudonym: 'an observer' })]);
    expect(names.text("Dmitry O’Connor saw it. Later, Dmitry O'Connor left. Mr. Dmitry O'Connor too.")).toBe(
      'An observer saw it. Later, an observer left. An observer too.',
    );
  });

  it('replaces an honorific together with the name, so "Ms Larisa Kharkova" becomes "Ms K.", not "Ms Ms K."', () => {
    const names = redactor([person('Larisa Kharkova', { id: 'p6', aliases: ['Kharkova'], pseudonym: 'Ms K.' })]);
    expect(names.text('Ms Larisa Kharkova was fined. Mrs. Kharkova appealed; Dr Kharkova testified.')).toBe(
      'Ms K. was fined. Ms K. appealed; Ms K. testified.',
    );
    expect(names.text('MS LARISA KHARKOVA and Prof. Kharkova')).toBe('Ms K. and Ms K.');
    // A possessive keeps its ending; a word that merely starts with the name is left alone.
    expect(names.text("Kharkova’s lawyer and Kharkova's appeal, not Kharkovaland.")).toBe(
      "Ms K.’s lawyer and Ms K.'s appeal, not Kharkovaland.",
    );
    // "Mr" not followed by a protected name stays; a pseudonym's full stop takes the sentence's.
    expect(names.text('Mr Petrov met Ms Kharkova.')).toBe('Mr Petrov met Ms K.');
  });

  it('finds Russian names in every case form from their declension class, with Russian titles', () => {
    const names = redactor([
      person('Лариса Харькова', { id: 'p7', aliases: ['Харькова'], pseudonym: 'г-жа Х.' }),
      person('Нурбек Кушакбаев', { id: 'p8', aliases: ['Кушакбаев'], pseudonym: 'профсоюзный лидер' }),
      person('Андрей Троцкий', { id: 'p9', pseudonym: 'свидетель' }),
    ]);
    expect(
      names.text(
        'Суд оштрафовал Ларису Харькову. У г-жи Харьковой нет адвоката; госпожа Харькова обжаловала, ХАРЬКОВОЙ отказали.',
      ),
    ).toBe('Суд оштрафовал г-жа Х. У г-жа Х. нет адвоката; г-жа Х. обжаловала, г-жа Х. отказали.');
    expect(names.text('Письмо Нурбеку Кушакбаеву, встреча с Нурбеком Кушакбаевым, дело господина Кушакбаева.')).toBe(
      'Письмо профсоюзный лидер, встреча с профсоюзный лидер, дело профсоюзный лидер.',
    );
    expect(names.text('Показания Андрея Троцкого, об Андрее Троцком.')).toBe('Показания свидетель, об свидетель.');
    // Another word sharing the first letters is not a case form: "Харьковская область" stays.
    expect(names.text('Харьковская область')).toBe('Харьковская область');
  });

  it('finds a person written surname first with initials, initials first, or by surname after a title, with no alias listed', () => {
    const names = redactor([
      person('Larisa Kharkova', { id: 'p6', pseudonym: 'Ms K.' }),
      person('Лариса Петровна Харькова', { id: 'p7', pseudonym: 'г-жа Х.' }),
    ]);
    expect(names.text('Kharkova L. and L. Kharkova, Kharkova L.P.; later Ms Kharkova’s appeal.')).toBe(
      'Ms K. and Ms K., Ms K.; later Ms K.’s appeal.',
    );
    expect(names.text('Жалоба Харьковой Л.П. и Л.П. Харьковой; г-жу Харькову вызвали, Харьковой Л. П. отказали.')).toBe(
      'Жалоба г-жа Х. и г-жа Х.; г-жа Х. вызвали, г-жа Х. отказали.',
    );
    // A surname on its own may be anyone's word or another person's: only a title or initials make it this one.
    expect(names.text('Kharkova Street. Улица Харьковой.')).toBe('Kharkova Street. Улица Харьковой.');
    // Another initial is another person.
    expect(names.text('Kharkova M. was not involved.')).toBe('Kharkova M. was not involved.');
  });

  it('lists every sentence redaction changes, before and after, across sentence breaks after titles', () => {
    const names = redactor([person('Larisa Kharkova', { id: 'p6', aliases: ['Kharkova'], pseudonym: 'Ms K.' })]);
    expect(
      names.sentences('The union met in May. Ms. Larisa Kharkova was fined. Nobody else was. Kharkova appealed.'),
    ).toEqual([
      { before: 'Ms. Larisa Kharkova was fined.', after: 'Ms K. was fined.' },
      { before: 'Kharkova appealed.', after: 'Ms K. appealed.' },
    ]);
    // A note is one sentence even where a page number follows "p.".
    expect(names.sentences('Interview with Larisa Kharkova, Almaty, 2023, p. 3.')).toEqual([
      {
        before: 'Interview with Larisa Kharkova, Almaty, 2023, p. 3.',
        after: 'Interview with Ms K., Almaty, 2023, p. 3.',
      },
    ]);
  });

  it('replaces a name split across bold and plain text, keeping the marks of where it starts', () => {
    const names = redactor([eleusinov]);
    const out = names.inlines([
      { kind: 'text', text: 'Today Amin ', bold: false, italic: false },
      { kind: 'text', text: 'Eleusinov', bold: true, italic: false },
      { kind: 'text', text: ' spoke.', bold: false, italic: false },
    ]);
    expect(out).toEqual([
      { kind: 'text', text: 'Today a union leader', bold: false, italic: false },
      { kind: 'text', text: ' spoke.', bold: false, italic: false },
    ]);
  });

  it('withholds a protected name that has no pseudonym, and leaves places, other people and no-pseudonym names alone', () => {
    const names = redactor([
      person('Larisa Kharkova', { id: 'p4', pseudonym: null, sensitivity: 'protected' }),
      person('Zhanaozen', { id: 'x1', kind: 'place', pseudonym: 'a town' }),
      person('Nurbek Kushakbaev', { id: 'p5', pseudonym: null, sensitivity: 'sensitive' }),
    ]);
    expect(names.text('Larisa Kharkova, Nurbek Kushakbaev, Zhanaozen')).toBe(
      `${WITHHELD_NAME}, Nurbek Kushakbaev, Zhanaozen`,
    );
  });
});

describe('what redaction does to the whole submission', () => {
  it('replaces names in the text, the notes and the cover consistently, and lists where', () => {
    const context = goodContext({
      body: doc(
        heading(1, 'Introduction and summary'),
        para('Amin Eleusinov was sentenced.', cite('e1')),
        para(text('Eleusinov', 'italic'), ' appealed.'),
      ),
      cover: { keywords: ['Amin Eleusinov'] },
      excerpts: new Map([
        ['e1', excerpt('e1', { sourceTitle: 'Interview with Amin Eleusinov', authorOrganisation: null })],
      ]),
      entities: [eleusinov],
    });
    const redacted = prepareDocument(context, { redact: true, provenance: true });
    expect(redacted.blocks.map((b) => inlineText(b.inlines))).toEqual([
      'Introduction and summary',
      'A union leader was sentenced.',
      'A union leader appealed.',
    ]);
    expect(redacted.notes.map((n) => [n.text, n.sourceTitle])).toEqual([
      ['Interview with a union leader, CAN/D/Kazakhstan-C.87, 2022, p. 3.', 'Interview with a union leader'],
    ]);
    expect(redacted.cover.find((l) => l.field === 'keywords')?.text).toBe('Keywords: a union leader');
    expect(redacted.substitutions).toEqual([
      {
        entityId: 'p1',
        name: 'Amin Eleusinov',
        pseudonym: 'a union leader',
        occurrences: [
          { kind: 'cover', field: 'keywords' },
          { kind: 'paragraph', number: 1 },
          { kind: 'note', number: 1 },
        ],
      },
      {
        entityId: 'p1',
        name: 'Eleusinov',
        pseudonym: 'a union leader',
        occurrences: [{ kind: 'paragraph', number: 2 }],
      },
    ]);
    // The review lists (substitutions, changed sentences) show the names on purpose: they are the
    // person's preview inside the vault and never go into the file.
    const everything = JSON.stringify({ ...redacted, substitutions: [], sentences: [] });
    expect(everything).not.toContain('Eleusinov');

    // Without redaction the names stay, and the same substitutions are reported as what redaction would do.
    const plain = prepareDocument(context, { redact: false });
    expect(inlineText(plain.blocks[1]?.inlines ?? [])).toBe('Amin Eleusinov was sentenced.');
    expect(plain.substitutions).toEqual(redacted.substitutions);
  });
});
