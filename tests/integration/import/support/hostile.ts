// Hostile files, built in memory by the tests that feed them to the importers: the kinds an adversary
// of a monitor would send (issue 10) — Word files that expand to gigabytes, web pages nested tens of
// thousands deep, PDFs whose page tree claims a billion pages, paragraphs of a hundred thousand lines.
import { constants, deflateRawSync } from 'node:zlib';
import { docx, p } from '../../../unit/ingest/support/docx.ts';

/** A ZIP entry already deflated, with the sizes its headers declare. */
interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  declaredSize: number;
}

function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** Entries of a real (small) Word file, read back from the stored ZIP the test builder writes. */
function wordParts(): RawEntry[] {
  const stored = Buffer.from(docx({ body: p('Placeholder.') }));
  const entries: RawEntry[] = [];
  let at = 0;
  while (stored.readUInt32LE(at) === 0x04034b50) {
    const size = stored.readUInt32LE(at + 18);
    const nameLength = stored.readUInt16LE(at + 26);
    const name = stored.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const data = stored.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    entries.push({ name, data: Buffer.from(data), method: 0, declaredSize: size });
    at += 30 + nameLength + size;
  }
  return entries;
}

/**
 * A Word file whose document.xml inflates to `expandedBytes` of paragraphs: a few hundred KiB on
 * disk. With `lie`, its headers claim the part is 4 KiB. The deflate stream is one segment compressed
 * once and repeated: after a full flush a segment refers to nothing before it, so copies chain.
 */
export function expandingDocx(expandedBytes: number, { lie }: { lie: boolean }): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`);
  const tail = Buffer.from('</w:body></w:document>');
  const unit = Buffer.from(p('Ordinary words in an ordinary paragraph, repeated. ').repeat(4096));
  const copies = Math.ceil(expandedBytes / unit.length);
  const flushed = (data: Buffer) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const segment = flushed(unit);
  const data = Buffer.concat([flushed(head), ...Array.from({ length: copies }, () => segment), deflateRawSync(tail)]);
  const size = head.length + unit.length * copies + tail.length;
  const parts = wordParts().filter((entry) => entry.name !== 'word/document.xml');
  return rawZip([
    ...parts,
    { name: 'word/document.xml', data, method: 8, declaredSize: lie ? 4096 : Math.min(size, 0xffffffff) },
  ]);
}

/** A web page whose article sits `depth` elements deep. */
export function deeplyNestedHtml(depth: number): Uint8Array {
  return new TextEncoder().encode(
    `<!doctype html><html><head><title>Nested</title></head><body>${'<div>'.repeat(depth)}<p>${'Text at the bottom of the nesting. '.repeat(20)}</p>${'</div>'.repeat(depth)}</body></html>`,
  );
}

/**
 * A PDF of one real page whose page tree shares one node at every level: `levels` levels of two kids
 * each claim 2^levels pages (a billion at 30) in a few hundred bytes.
 */
export function hugePageTreePdf(levels: number): Uint8Array {
  const objects: string[] = [];
  objects.push(`<< /Type /Catalog /Pages 2 0 R >>`);
  // Object 2 is the root; 3…(levels+1) the shared inner nodes; then the page, its font and content.
  const page = levels + 2;
  for (let level = 0; level < levels; level++) {
    const id = 2 + level;
    const kid = level === levels - 1 ? page : id + 1;
    const parent = level === 0 ? '' : ` /Parent ${id - 1} 0 R`;
    objects.push(`<< /Type /Pages${parent} /Kids [${kid} 0 R ${kid} 0 R] /Count ${2 ** (levels - level)} >>`);
  }
  const stream = 'BT /F1 11 Tf 72 720 Td (A page repeated by a crafted page tree.) Tj ET';
  objects.push(
    `<< /Type /Page /Parent ${page - 1} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`,
  );
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  return pdfFile(objects);
}

/**
 * A PDF of one page holding `lines` full-width lines of tiny type in one paragraph: the shape of a
 * 3.6 MB report whose lines the normaliser used to join in quadratic time.
 */
export function longParagraphPdf(lines: number): Uint8Array {
  const size = 0.006; // points: a hundred thousand lines fit on one page
  const words = 'the same full line of an endless paragraph without any break in it';
  const ops: string[] = [`BT /F1 ${size} Tf ${size * 1.3} TL 20 830 Td`];
  for (let i = 0; i < lines; i++) ops.push(`(${words}) '`);
  ops.push('ET');
  const stream = ops.join('\n');
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ]);
}

/** A text file of one paragraph hard-wrapped into `lines` lines (no blank line anywhere). */
export function longParagraphText(lines: number): Uint8Array {
  return new TextEncoder().encode('a hard-wrapped line of one very long paragraph\n'.repeat(lines));
}

/** A text file whose one line is `length` characters long. */
export function longLineText(length: number): Uint8Array {
  const word = 'longline ';
  return new TextEncoder().encode(word.repeat(Math.ceil(length / word.length)));
}

function pdfFile(objects: string[]): Uint8Array {
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

/** An ordinary but long PDF: `pages` pages of `lines` lines each, slow to read by sheer size. */
export function manyPagesPdf(pages: number, lines: number): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (let n = 0; n < pages; n++) {
    const ops = [`BT /F1 10 Tf 12 TL 60 800 Td`];
    for (let i = 0; i < lines; i++) ops.push(`(Page ${n + 1}, line ${i + 1} of an ordinary long report.) '`);
    ops.push('ET');
    const stream = ops.join('\n');
    const page = objects.length + 1;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${page + 1} 0 R >>`,
    );
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(`${page} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return pdfFile(objects);
}
