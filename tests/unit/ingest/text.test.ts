// Notes typed as plain text or Markdown: paragraphs by blank lines, hard-wrapped lines rejoined,
// Markdown's markers gone from the text a monitor will quote.
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { blockTexts } from './support/fixtures.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('a monitor imports interview notes typed as plain text', () => {
  it('rejoins hard-wrapped lines, splits paragraphs on blank lines and list lines into items', async () => {
    const doc = await importDocument(
      encode(
        'Interview with a dismissed welder\r\n\r\nHe said the manager warned him twice be-\r\nfore the strike and\r\nthen dismissed him.\r\n\r\n- first warning: 3 May\r\n- second warning: 10 May\r\n',
      ),
      'notes.txt',
    );
    expect(blockTexts(doc)).toEqual([
      'Interview with a dismissed welder',
      'He said the manager warned him twice before the strike and then dismissed him.',
      'first warning: 3 May',
      'second warning: 10 May',
    ]);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list-item', 'list-item']);
    expect(doc.metadata.title).toBe('Interview with a dismissed welder');
    expect(doc.pages).toEqual([]);
  });
});

describe('a monitor imports a Markdown summary', () => {
  it('keeps headings, items and quotes, and strips emphasis, code and link markup', async () => {
    const doc = await importDocument(
      encode(
        [
          '# Summary of *the* hearing',
          '',
          'The court **refused** the union’s appeal; see [the ruling](https://example.invalid/r.pdf) and `case 2-1234/2023`.',
          'A snake_case_name stays as it is.',
          '',
          'Findings',
          '--------',
          '',
          '* the registration was refused',
          '1. recommendation to amend section 10(2)',
          '',
          '> “No reasons were given,” the chair said.',
          '',
          '![photo](photo.jpg)',
        ].join('\n'),
      ),
      'summary.md',
    );
    expect(doc.format).toBe('markdown');
    expect(blockTexts(doc)).toEqual([
      'Summary of the hearing',
      'The court refused the union’s appeal; see the ruling and case 2-1234/2023. A snake_case_name stays as it is.',
      'Findings',
      'the registration was refused',
      '1. recommendation to amend section 10(2)',
      '“No reasons were given,” the chair said.',
    ]);
    expect(doc.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['heading', 2],
      ['list-item', undefined],
      ['list-item', undefined],
      ['quote', undefined],
    ]);
    expect(doc.warnings).toEqual([{ code: 'IMAGES_SKIPPED', params: { count: 1 } }]);
  });
});
