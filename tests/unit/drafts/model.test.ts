// A lawyer writes; the export numbers paragraphs and notes exactly as the editor shows them.
import { describe, expect, it } from 'vitest';
import { buildModel, inlineText } from '../../../src/main/drafts/model.ts';
import {
  bullets,
  cite,
  doc,
  emptyPara,
  heading,
  ordered,
  para,
  quote,
  recommendationRef,
  text,
  unnumbered,
} from './support.ts';

const noRecommendations = () => '';

describe('paragraph and note numbers', () => {
  it('numbers body paragraphs 1…N across headings, skipping headings, lists, quotations, unnumbered and empty ones', () => {
    const model = buildModel(
      doc(
        heading(1, 'Introduction'),
        para('First.'),
        emptyPara(),
        heading(1, 'Follow-up'),
        para('Second.'),
        unnumbered('Quoted recommendation text.'),
        bullets(['a bullet'], ['another']),
        quote('A quotation.'),
        para('Third.'),
      ),
      noRecommendations,
    );
    expect(model.blocks.map((b) => [b.kind, b.number, inlineText(b.inlines)])).toEqual([
      ['heading', null, 'Introduction'],
      ['paragraph', 1, 'First.'],
      ['heading', null, 'Follow-up'],
      ['paragraph', 2, 'Second.'],
      ['paragraph', null, 'Quoted recommendation text.'],
      ['paragraph', null, 'a bullet'],
      ['paragraph', null, 'another'],
      ['paragraph', null, 'A quotation.'],
      ['paragraph', 3, 'Third.'],
    ]);
    // Unnumbered blocks point at the paragraph they follow; a heading at the paragraph opening its section.
    expect(model.blocks.map((b) => b.target)).toEqual([
      { kind: 'paragraph', number: 1 },
      { kind: 'paragraph', number: 1 },
      { kind: 'paragraph', number: 2 },
      { kind: 'paragraph', number: 2 },
      { kind: 'paragraph', number: 2 },
      { kind: 'paragraph', number: 2 },
      { kind: 'paragraph', number: 2 },
      { kind: 'paragraph', number: 2 },
      { kind: 'paragraph', number: 3 },
    ]);
  });

  it('numbers every citation as its own note in document order, lists and headings included', () => {
    const model = buildModel(
      doc(
        heading(2, 'A heading'),
        para('One', cite('e1'), ' two', cite('e2')),
        bullets(['in a list', cite('e1')]),
        para('Three', cite('e3')),
      ),
      noRecommendations,
    );
    expect(model.citations.map((c) => [c.note, c.excerptId, c.target])).toEqual([
      [1, 'e1', { kind: 'paragraph', number: 1 }],
      [2, 'e2', { kind: 'paragraph', number: 1 }],
      [3, 'e1', { kind: 'paragraph', number: 1 }],
      [4, 'e3', { kind: 'paragraph', number: 2 }],
    ]);
  });

  it('keeps marks, line breaks and list places, and reads a recommendation reference as its text', () => {
    const model = buildModel(
      doc(
        para(
          text('bold', 'bold'),
          ' and ',
          text('italic', 'italic'),
          { type: 'hardBreak' },
          'see ',
          recommendationRef('r1'),
        ),
        ordered(['first'], ['second']),
      ),
      (id) => `recommendation ${id}`,
    );
    const [first, a, b] = model.blocks;
    expect(first?.inlines).toEqual([
      { kind: 'text', text: 'bold', bold: true, italic: false },
      { kind: 'text', text: ' and ', bold: false, italic: false },
      { kind: 'text', text: 'italic', bold: false, italic: true },
      { kind: 'break' },
      { kind: 'text', text: 'see ', bold: false, italic: false },
      { kind: 'text', text: 'recommendation r1', bold: false, italic: false },
    ]);
    expect(model.recommendations).toEqual([
      { recommendationId: 'r1', block: 0, target: { kind: 'paragraph', number: 1 } },
    ]);
    expect([a?.list, b?.list]).toEqual([
      { id: 0, ordered: true, depth: 0, index: 1, first: true },
      { id: 0, ordered: true, depth: 0, index: 2, first: true },
    ]);
  });

  it('reads a citation without an excerpt as a missing one, and keeps the text of nodes it does not know', () => {
    const model = buildModel(
      doc(
        { type: 'paragraph', content: [{ type: 'citation' }, { type: 'emoji', text: 'x' }] },
        { type: 'table', content: [para('cell')] },
      ),
      noRecommendations,
    );
    expect(model.citations[0]?.excerptId).toBe('missing');
    // Numbered as the editor numbers: only the document's own paragraphs.
    expect(model.blocks.map((b) => [inlineText(b.inlines), b.number])).toEqual([
      ['x', 1],
      ['cell', null],
    ]);
  });
});
