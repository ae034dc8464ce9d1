// OHCHR's limit is counted in Word: Upright counts the same way, and counts body, notes and cover apart.
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../src/main/drafts/document.ts';
import { countWords } from '../../../src/main/drafts/words.ts';
import { cite, doc, goodContext, heading, para, realisticBody } from './support.ts';

describe('word counts as Word shows them', () => {
  it('counts runs between spaces: a lone dash counts, hyphenated and slashed words are one, a non-breaking space joins', () => {
    expect(countWords('The union – banned in 2014 – was well-known and/or feared.')).toBe(11);
    expect(countWords('  spaces\tand\nlines  ')).toBe(3);
    expect(countWords('10\u00a0000 members')).toBe(2);
    expect(countWords('')).toBe(0);
  });

  it('counts each Chinese or Japanese character as a word', () => {
    expect(countWords('工会 rights')).toBe(3);
    expect(countWords('UPR审议')).toBe(3);
  });

  it('counts the body without paragraph numbers or note marks, and notes and cover apart', () => {
    const context = goodContext({
      body: doc(heading(1, 'Two words'), para('Three words here.', cite('e1')), para('One')),
    });
    const { words } = prepareDocument(context, { redact: false });
    expect(words.body).toBe(6);
    expect(words.notes).toBe(
      countWords(
        'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, p. 3.',
      ),
    );
    expect(words.cover).toBeGreaterThan(30);
    expect(words.limit).toBe(2815);
    expect(prepareDocument(goodContext({ template: 'joint' }), { redact: false }).words.limit).toBe(5630);
  });

  it('counts a realistic draft exactly', () => {
    const { words } = prepareDocument(goodContext({ body: realisticBody(2815, 150, ['e1', 'e2']) }), { redact: false });
    expect(words.body).toBe(2815);
  });
});
