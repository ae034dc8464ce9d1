// What a hit's snippet marks: a word or a prefix wherever it stands, a phrase only where its words
// stand together and as one mark — a name searched as a phrase must not light up every "the" and "of".
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/main/search/query.ts';
import { snippetOf } from '../../../src/main/store/search.ts';

const marked = (text: string, query: string) => {
  const snippet = snippetOf(text, parseQuery(query).terms);
  return snippet.marks.map((m) => snippet.text.slice(m.start, m.end));
};

describe('a snippet marks what was searched for', () => {
  it('a phrase as one mark where its words stand together, and none of its words elsewhere', () => {
    const text =
      'Of the unions, the Ministry of Labour and Social Protection of the Population said none of the claims were reported.';
    expect(marked(text, '"Ministry of Labour and Social Protection of the Population"')).toEqual([
      'Ministry of Labour and Social Protection of the Population',
    ]);
  });

  it('single words in any inflection and prefixes wherever they stand', () => {
    expect(marked('Workers struck; the worker who struck was fined.', 'worker')).toEqual(['Workers', 'worker']);
    expect(marked('Профсоюзы и профсоюзное движение', 'профсоюз*')).toEqual(['Профсоюзы', 'профсоюзное']);
  });

  it('an excluded word is not marked', () => {
    expect(marked('strike and lockout', 'strike NOT lockout')).toEqual(['strike']);
  });
});
