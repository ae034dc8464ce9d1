// Persons: only names that announce themselves by an honorific, a title, initials or a role — a
// wrong name in a submission is worse than a missing one, so capitalised words are not guessed at.
import { describe, expect, it } from 'vitest';
import { findPersons } from '../../../src/main/extract/index.ts';

const persons = (text: string) => findPersons(text).map((s) => ({ text: s.text, value: s.value }));

describe('a lawyer gets person suggestions in an ILO reply', () => {
  it('reads honorifics and gives the name without them', () => {
    const found = findPersons('Concerning the ban on Ms Kharkova and Mr Baltabay. The case of Mr D. Senyavsky.');
    expect(found.map((s) => [s.text, s.value, s.detail?.honorific])).toEqual([
      ['Ms Kharkova', 'Kharkova', 'Ms'],
      ['Mr Baltabay', 'Baltabay', 'Mr'],
      ['Mr D. Senyavsky', 'D. Senyavsky', 'Mr'],
    ]);
  });

  it('reads initials, leaves the possessive out, and keeps the role said before the name', () => {
    const found = findPersons(
      'the President of the Republic of Kazakhstan, K.K. Tokayev, signed. L.N. Kharkova’s application was returned.',
    );
    expect(found.map((s) => s.text)).toEqual(['K.K. Tokayev', 'L.N. Kharkova']);
    expect(found[0]?.detail?.role).toBe('President of the Republic of Kazakhstan');
  });

  it('reads titles before a name, but not before a body', () => {
    expect(persons('President Tokayev met Minister Shapkenov; the General Assembly and the Justice Ministry')).toEqual([
      { text: 'President Tokayev', value: 'Tokayev' },
      { text: 'Minister Shapkenov', value: 'Shapkenov' },
    ]);
    expect(persons('ITUC General Secretary Sharan Burrow said')).toEqual([
      { text: 'General Secretary Sharan Burrow', value: 'Sharan Burrow' },
    ]);
  });

  it('reads full names after a role, those listed with them, and their later mentions', () => {
    const found = findPersons(
      'Union leaders Erlan Baltabay and Larisa Kharkova were imprisoned. Baltabay was freed. The prize went to Larisa Kharkova, Nurbek Kushakbaev and Amin Eleusinov. Kushakbaev was released.',
    );
    expect(found.map((s) => [s.text, s.value])).toEqual([
      ['Erlan Baltabay', 'Erlan Baltabay'],
      ['Larisa Kharkova', 'Larisa Kharkova'],
      ['Baltabay', 'Erlan Baltabay'],
      ['Larisa Kharkova', 'Larisa Kharkova'],
      ['Nurbek Kushakbaev', 'Nurbek Kushakbaev'],
      ['Amin Eleusinov', 'Amin Eleusinov'],
      ['Kushakbaev', 'Nurbek Kushakbaev'],
    ]);
    // A mention found only by its surname is less sure than the one that introduced the person.
    expect(found[2]?.confidence).toBeLessThan(found[0]?.confidence ?? 0);
  });

  it('does not guess at capitalised words, places or unnamed roles', () => {
    for (const text of [
      'The Ministry of Labour and Social Protection of the Republic of Kazakhstan',
      'examined by a Supreme Court judge and the Chairperson of the Supreme Court',
      // A common given name makes a full name (issue 16); other capitalised pairs still say nothing.
      'Almaty Region appealed.',
      'the U.S. Government and the ILO. The Committee',
      'Convention No. 87 and C.87',
    ]) {
      expect(findPersons(text), text).toEqual([]);
    }
  });
});

describe('a monitor gets person suggestions in Russian', () => {
  it('reads г-н / г-жа and initials in either order', () => {
    expect(persons('г-жа Харькова и г-н Балтабай; Президент Токаев; письмо Токаева К.К.')).toEqual([
      { text: 'г-жа Харькова', value: 'Харькова' },
      { text: 'г-н Балтабай', value: 'Балтабай' },
      { text: 'Президент Токаев', value: 'Токаев' },
      { text: 'Токаева К.К.', value: 'Токаева К.К.' },
    ]);
  });

  it('leaves an unnamed chair unnamed', () => {
    expect(findPersons('Председатель вымышленного профсоюза просил не раскрывать его имя')).toEqual([]);
  });
});
