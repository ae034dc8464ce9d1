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
      'An observer saw it. Later, an observer left. Mr. an observer too.',
    );
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
    const everything = JSON.stringify({ ...redacted, substitutions: [] });
    expect(everything).not.toContain('Eleusinov');

    // Without redaction the names stay, and the same substitutions are reported as what redaction would do.
    const plain = prepareDocument(context, { redact: false });
    expect(inlineText(plain.blocks[1]?.inlines ?? [])).toBe('Amin Eleusinov was sentenced.');
    expect(plain.substitutions).toEqual(redacted.substitutions);
  });
});
