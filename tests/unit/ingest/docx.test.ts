// Word files written by Word, LibreOffice or a converter: headings come from styles (built-in or
// custom), footnotes are kept at the end with their number, images are left out.
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { docx, p, picture } from './support/docx.ts';
import { blockTexts, documentBytes } from './support/fixtures.ts';

describe('a monitor imports a Word report with footnotes and a photo', () => {
  const bytes = docx({
    title: 'Report on union registration',
    image: true,
    body: [
      p('Report on union registration', 'Heading1'),
      p('Background', 'SectionTitle'),
      '<w:p><w:r><w:t xml:space="preserve">The ministry refused registration three times.</w:t></w:r>' +
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' +
        '<w:r><w:t xml:space="preserve"> It gave no reasons in writing.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>',
      `<w:p>${picture}<w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:t>the ministry’s letter</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>`,
      p('Свидетель сообщил о давлении на членов профсоюза.'),
    ].join(''),
    footnotes:
      '<w:footnote w:id="1"><w:p><w:r><w:t>Letters of 10 January, 7 February and 2 March 2023.</w:t></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="2"><w:p><w:r><w:t>Interview with the union chair, 14 March 2023.</w:t></w:r></w:p></w:footnote>',
  });

  it('reads headings from built-in and custom bold styles', async () => {
    const doc = await importDocument(bytes, 'report.docx');
    expect(doc.blocks.slice(0, 2)).toMatchObject([
      { kind: 'heading', level: 1 },
      { kind: 'heading', level: 2 },
    ]);
    expect(doc.metadata.title).toBe('Report on union registration');
  });

  it('keeps footnote references in the text and the notes at the end, numbered', async () => {
    const doc = await importDocument(bytes, 'report.docx');
    const texts = blockTexts(doc);
    expect(texts[2]).toBe('The ministry refused registration three times.[1] It gave no reasons in writing.[2]');
    expect(doc.blocks.slice(-2).map((b) => b.kind)).toEqual(['footnote', 'footnote']);
    expect(texts.slice(-2)).toEqual([
      '[1] Letters of 10 January, 7 February and 2 March 2023.',
      '[2] Interview with the union chair, 14 March 2023.',
    ]);
    expect(doc.text).not.toContain('↑');
  });

  it('leaves the photo out with a warning, keeps links as text and Cyrillic intact', async () => {
    const doc = await importDocument(bytes, 'report.docx');
    expect(doc.warnings).toEqual([{ code: 'IMAGES_SKIPPED', params: { count: 1 } }]);
    expect(doc.text).not.toMatch(/PHOTO-ALT-MARKER|data:|127\.0\.0\.1|never-fetched/);
    expect(blockTexts(doc)).toContain('See the ministry’s letter.');
    expect(doc.text).toContain('Свидетель сообщил о давлении на членов профсоюза.');
    // Dates inside paragraphs and notes are events, not the report's own date.
    expect(doc.metadata.date).toBeUndefined();
  });
});

describe('a monitor imports the ILO reply saved by LibreOffice as .docx', () => {
  it('turns its outline-numbered bold paragraphs into headings, not list items', async () => {
    const doc = await importDocument(documentBytes('ilo-cas-kazakhstan-c87-2022.docx'), 'ilo.docx');
    expect(doc.blocks.slice(0, 3)).toMatchObject([
      { kind: 'heading', level: 1 },
      { kind: 'heading', level: 2 },
      { kind: 'paragraph' },
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'list-item')).toEqual([]);
    expect(doc.metadata).toMatchObject({ symbol: 'CAN/D/Kazakhstan-C.87', date: '2022' });
  });
});
