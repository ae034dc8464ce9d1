// The editor draws paragraph and note numbers itself (renderer features/drafts); the export counts
// them again (src/main/drafts/model.ts). A person cites "para. 4" from what the editor shows, so the
// two must agree on every kind of block.
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/main/drafts/model.ts';
import { editorWords } from '../../../src/renderer/src/features/drafts/editorWords.ts';
import { citations, countedParagraphs } from '../../../src/renderer/src/features/drafts/numbering.ts';
import { draftExtensions } from '../../../src/renderer/src/features/drafts/schema.ts';
import { wordDiff } from '../../../src/renderer/src/features/drafts/wordDiff.ts';
import type { DraftBody, DraftNode } from '../../../src/shared/draft.ts';

const text = (t: string): DraftNode => ({ type: 'text', text: t });
const cite = (excerptId: string): DraftNode => ({ type: 'citation', attrs: { excerptId } });
const p = (...content: DraftNode[]): DraftNode => ({ type: 'paragraph', attrs: { numbered: true }, content });

const body: DraftBody = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Introduction and summary')] },
    p(text('First.'), cite('e1')),
    { type: 'paragraph', attrs: { numbered: true } },
    { type: 'paragraph', attrs: { numbered: false }, content: [text('A quoted recommendation, unnumbered.')] },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [p(text('A bullet'), cite('e2'))] }],
    },
    { type: 'blockquote', content: [p(text('A quotation.'))] },
    // A table as draft.appendTable writes it, with a row added in the editor (its paragraph, as the
    // editor makes it, says numbered: a cell is never numbered all the same).
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: ['When', 'Evidence'].map((h) => ({
            type: 'tableHeader',
            content: [{ type: 'paragraph', attrs: { numbered: false }, content: [text(h)] }],
          })),
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [p(text('2011'))] },
            { type: 'tableCell', content: [p(cite('e4'))] },
          ],
        },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [text('Theme')] },
    p(text('Second'), cite('e3'), text(' and '), cite('e1')),
    p({ type: 'hardBreak' }),
  ],
};

describe('the editor numbers paragraphs and notes as the export prints them', () => {
  const doc = Node.fromJSON(
    getSchema(draftExtensions({ onOpenPicker: () => {}, words: () => editorWords(createIntl({ locale: 'en' })) })),
    body,
  );
  const model = buildModel(body, () => '');

  it('accepts every block of the draft schema, a table included', () => {
    expect(() => doc.check()).not.toThrow();
  });

  it('gives the same numbers to the same paragraphs', () => {
    const editor = countedParagraphs(doc).map((c) => [c.number, c.node.textContent]);
    const exported = model.blocks
      .filter((b) => b.number !== null)
      .map((b) => [b.number, b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')]);
    expect(editor).toEqual([
      [1, 'First.'],
      [2, 'Second and '],
      [3, ''],
    ]);
    expect(editor).toEqual(exported);
  });

  it('numbers every citation as its own note, in document order', () => {
    const editor = citations(doc).map((c) => [c.number, c.node.attrs.excerptId]);
    expect(editor).toEqual([
      [1, 'e1'],
      [2, 'e2'],
      [3, 'e4'],
      [4, 'e3'],
      [5, 'e1'],
    ]);
    expect(editor).toEqual(model.citations.map((c) => [c.note, c.excerptId]));
  });
});

describe('the version comparison marks the words that changed', () => {
  it('shows an appended sentence as one addition', () => {
    expect(wordDiff('Amend the law.', 'Amend the law. Publish the registry.')).toEqual([
      { kind: 'same', text: 'Amend the law.' },
      { kind: 'added', text: ' Publish the registry.' },
    ]);
  });

  it('reads a replaced phrase as one removal and one addition, not a patchwork around "the"', () => {
    expect(wordDiff('Repeal the old law on unions now', 'Amend the new code on unions now')).toEqual([
      { kind: 'removed', text: 'Repeal the old law' },
      { kind: 'added', text: 'Amend the new code' },
      { kind: 'same', text: ' on unions now' },
    ]);
  });

  it('keeps a deletion in the middle', () => {
    expect(wordDiff('one two three', 'one three')).toEqual([
      { kind: 'same', text: 'one ' },
      { kind: 'removed', text: 'two ' },
      { kind: 'same', text: 'three' },
    ]);
  });
});
