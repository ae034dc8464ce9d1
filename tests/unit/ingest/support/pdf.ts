// Writes small PDFs in memory — Helvetica text placed by text matrix — so a test can show the exact
// layout it feeds pdf.js (sideways pages, watermarks) instead of hiding it in a binary fixture.

export interface PdfText {
  text: string;
  /** Text matrix [a b c d e f]: scale/rotation, then position. */
  matrix: [number, number, number, number, number, number];
}

const escapePdfString = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

export function pdf(pages: PdfText[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach((texts, i) => {
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    const stream = texts
      .map((t) => `BT /F1 1 Tf ${t.matrix.join(' ')} Tm (${escapePdfString(t.text)}) Tj ET`)
      .join('\n');
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Upright text of `size` points with its baseline starting at (x, y). */
export const upright = (text: string, x: number, y: number, size = 11): PdfText => ({
  text,
  matrix: [size, 0, 0, size, x, y],
});
