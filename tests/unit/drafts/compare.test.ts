// A coalition keeps named versions of its submission and sees what changed between two of them,
// paragraph by paragraph.
import { describe, expect, it } from 'vitest';
import { compareBodies } from '../../../src/main/drafts/compare.ts';
import { cite, doc, heading, para } from './support.ts';

const citation = (id: string) => `source ${id}`;
const recommendation = () => 'A/HRC/43/10, para. 140.12 (France)';

describe('comparing two versions', () => {
  it('reports unchanged, changed, added and removed paragraphs in document order', () => {
    const before = doc(
      heading(1, 'Introduction'),
      para('The union was banned in 2017.'),
      para('Its leaders were sentenced to restricted freedom.'),
      para('A paragraph the coalition dropped entirely.'),
      para('Recommendations follow.'),
    );
    const after = doc(
      heading(1, 'Introduction'),
      para('The union was banned by the court in 2017.'),
      para('Its leaders were sentenced to restricted freedom.'),
      para('New: three more unions were refused registration in 2023.'),
      para('Recommendations follow.'),
    );
    expect(compareBodies(before, after, citation, recommendation)).toEqual([
      { change: 'same', before: 'Introduction', after: 'Introduction' },
      {
        change: 'changed',
        before: 'The union was banned in 2017.',
        after: 'The union was banned by the court in 2017.',
      },
      {
        change: 'same',
        before: 'Its leaders were sentenced to restricted freedom.',
        after: 'Its leaders were sentenced to restricted freedom.',
      },
      { change: 'removed', before: 'A paragraph the coalition dropped entirely.', after: null },
      { change: 'added', before: null, after: 'New: three more unions were refused registration in 2023.' },
      { change: 'same', before: 'Recommendations follow.', after: 'Recommendations follow.' },
    ]);
  });

  it('does not see a change when paragraphs are only renumbered, but does when a citation points elsewhere', () => {
    const before = doc(para('Second point.', cite('e1')));
    const inserted = doc(para('A new first point.'), para('Second point.', cite('e1')));
    expect(compareBodies(before, inserted, citation, recommendation).map((c) => c.change)).toEqual(['added', 'same']);
    const recited = doc(para('Second point.', cite('e2')));
    expect(compareBodies(before, recited, citation, recommendation)).toEqual([
      { change: 'changed', before: 'Second point. [source e1]', after: 'Second point. [source e2]' },
    ]);
  });

  it('compares a version with itself as all the same, and an empty one as all added', () => {
    const body = doc(para('One.'), para('Two.'));
    expect(compareBodies(body, body, citation, recommendation).every((c) => c.change === 'same')).toBe(true);
    expect(compareBodies(doc(), body, citation, recommendation).map((c) => c.change)).toEqual(['added', 'added']);
  });
});
