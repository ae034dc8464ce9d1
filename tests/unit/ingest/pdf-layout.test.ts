// Layouts the fixture PDFs do not have, written by hand and read through pdf.js itself.
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { blockTexts } from './support/fixtures.ts';
import { type PdfText, pdf, upright } from './support/pdf.ts';

const BODY = [
  'The regional court heard the case of the dismissed union leader on',
  '12 March 2023 and adjourned it twice at the request of the employer.',
  'The union was not allowed to present its witnesses.',
];

describe('a monitor imports a scanned-then-typed page set sideways, with a watermark across it', () => {
  // The page's text runs bottom to top (a quarter turn counter-clockwise); the next line is to the right.
  const sideways: PdfText[] = BODY.map((text, i) => ({ text, matrix: [0, 11, -11, 0, 100 + i * 14, 80] }));
  const watermark: PdfText = { text: 'CONFIDENTIAL DRAFT', matrix: [40, 40, -40, 40, 150, 300] };

  it('reads the page in its own direction and leaves the watermark out, saying so', async () => {
    const doc = await importDocument(pdf([[...sideways, watermark]]), 'sideways.pdf');
    expect(doc.text).toBe(`${BODY[0]} ${BODY[1]} ${BODY[2]}`);
    expect(doc.warnings).toEqual([{ code: 'ROTATED_TEXT_LEFT_OUT', params: {} }]);
  });
});

describe('a monitor imports a PDF whose producer fakes bold by printing twice', () => {
  it('reads the doubled heading once', async () => {
    const heading = upright('Findings of the mission', 72, 760, 14);
    const doubled = { ...heading, matrix: [14, 0, 0, 14, 72.3, 760] as PdfText['matrix'] };
    const doc = await importDocument(
      pdf([[heading, doubled, ...BODY.map((t, i) => upright(t, 72, 730 - i * 13))]]),
      'bold.pdf',
    );
    expect(blockTexts(doc)[0]).toBe('Findings of the mission');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
  });
});
