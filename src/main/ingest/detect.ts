// Which importer reads a file: its bytes decide first, its name second. A file whose name promises a
// PDF but whose bytes are something else is refused with a sentence saying so — it may be a failed
// download saved as an error page, or something worse renamed to look harmless.
import { UprightError } from '../../shared/errors.ts';
import type { SourceFormat } from './types.ts';

export interface DetectedFormat {
  format: SourceFormat;
  /** Set when the file's name and its content disagree but the content is readable anyway. */
  note?: string;
}

type Content =
  | { kind: 'document'; format: SourceFormat }
  | { kind: 'text' }
  | { kind: 'other'; what: string; code: 'UNSUPPORTED_FORMAT' | 'DOCX_PASSWORD_PROTECTED'; advice?: string }
  | { kind: 'zip' }
  | { kind: 'unknown-binary' };

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  new TextDecoder('latin1').decode(bytes.subarray(start, end));

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

function containsUtf16(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(needle, 'utf16le'));
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return true;
  const sample = bytes.subarray(0, 8192);
  let zeros = 0;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) zeros++;
    else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  // UTF-16 without a byte-order mark: zero bytes at every other position, nothing else odd.
  if (zeros > sample.length * 0.3 && controls < sample.length * 0.01) return true;
  return zeros === 0 && controls <= sample.length * 0.01;
}

/** What the bytes are, whatever the file is called. */
function sniff(bytes: Uint8Array): Content {
  // The PDF header may follow some junk; readers accept it within the first kilobyte.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { kind: 'document', format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (contains(bytes, 'word/document.xml') || contains(bytes, 'word/_rels/'))
      return { kind: 'document', format: 'docx' };
    if (contains(bytes, 'application/vnd.oasis.opendocument.text'))
      return {
        kind: 'other',
        what: 'an OpenDocument text (.odt)',
        code: 'UNSUPPORTED_FORMAT',
        advice: 'Save it as .docx, then import it.',
      };
    if (contains(bytes, 'xl/workbook'))
      return { kind: 'other', what: 'an Excel spreadsheet', code: 'UNSUPPORTED_FORMAT' };
    if (contains(bytes, 'ppt/presentation'))
      return {
        kind: 'other',
        what: 'a PowerPoint presentation',
        code: 'UNSUPPORTED_FORMAT',
        advice: 'Save it as PDF, then import it.',
      };
    // A ZIP of something else — or a Word file cut off before its parts were named.
    return { kind: 'zip' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Office wraps a password-protected .docx in this old container, with an encrypted package inside.
    if (containsUtf16(bytes, 'EncryptedPackage'))
      return { kind: 'other', what: 'a password-protected Word document', code: 'DOCX_PASSWORD_PROTECTED' };
    return {
      kind: 'other',
      what: 'an old Word 97–2003 document (.doc)',
      code: 'UNSUPPORTED_FORMAT',
      advice: 'Open it in Word or LibreOffice, save it as .docx, then import it.',
    };
  }
  if (ascii(bytes, 0, 5) === '{\\rtf')
    return {
      kind: 'other',
      what: 'a Rich Text (.rtf) file',
      code: 'UNSUPPORTED_FORMAT',
      advice: 'Save it as .docx, then import it.',
    };
  if (
    ascii(bytes, 0, 2) === 'MZ' ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe])
  ) {
    return { kind: 'other', what: 'a program, not a document', code: 'UNSUPPORTED_FORMAT' };
  }
  // PNG, JPEG, GIF, TIFF (both byte orders), WebP.
  const images = [
    [0x89, 0x50, 0x4e, 0x47],
    [0xff, 0xd8, 0xff],
    [0x47, 0x49, 0x46, 0x38],
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ];
  if (
    images.some((signature) => startsWith(bytes, signature)) ||
    (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
  ) {
    return {
      kind: 'other',
      what: 'an image',
      code: 'UNSUPPORTED_FORMAT',
      advice: 'Upright has no built-in OCR: run it through an OCR tool and import the text.',
    };
  }
  if (startsWith(bytes, [0x1f, 0x8b]) || ascii(bytes, 0, 4) === 'Rar!' || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) {
    return {
      kind: 'other',
      what: 'a compressed archive',
      code: 'UNSUPPORTED_FORMAT',
      advice: 'Unpack it and import the documents inside.',
    };
  }
  if (looksLikeText(bytes)) return { kind: 'text' };
  return { kind: 'unknown-binary' };
}

function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
}

const EXTENSION_FORMAT: Record<string, SourceFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};

const FORMAT_NAME: Record<SourceFormat, string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  html: 'a web page',
  text: 'a text file',
  markdown: 'a Markdown file',
};

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 2048))
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  return /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body)\b/.test(head);
}

/**
 * Decides the importer for a file. Throws FILE_EMPTY for no bytes; UNSUPPORTED_FORMAT (or
 * DOCX_PASSWORD_PROTECTED) for content Upright cannot read, saying what it is; FILE_DAMAGED when the
 * name promises a PDF or Word file but the bytes are unrecognisable.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DetectedFormat {
  if (bytes.byteLength === 0) throw new UprightError('FILE_EMPTY');
  const extension = extensionOf(fileName);
  const named = EXTENSION_FORMAT[extension];
  const content = sniff(bytes);
  const promises =
    named === 'pdf' || named === 'docx'
      ? `This file is named .${extension} but is not really ${FORMAT_NAME[named]}`
      : undefined;

  if (content.kind === 'document') {
    if (named && named !== content.format) {
      // A PDF called .docx is still a PDF: read what it is, and say why the name looked wrong.
      return {
        format: content.format,
        note: `The file is named .${extension} but is ${FORMAT_NAME[content.format]}; it was read as such.`,
      };
    }
    return { format: content.format };
  }
  if (content.kind === 'zip') {
    // Under a .docx name, the Word importer tells a cut-off file (FILE_DAMAGED) from a complete one.
    if (named === 'docx') return { format: 'docx' };
    const lead = promises ? `${promises}: it is a ZIP archive.` : 'This file is a ZIP archive.';
    throw new UprightError('UNSUPPORTED_FORMAT', `${lead} Unpack it and import the documents inside.`);
  }
  if (content.kind === 'other') {
    if (content.code === 'DOCX_PASSWORD_PROTECTED') throw new UprightError('DOCX_PASSWORD_PROTECTED');
    const lead = promises ? `${promises}: it is ${content.what}.` : `This file is ${content.what}.`;
    const tail = content.advice ?? 'Upright imports PDF, Word (.docx), web pages (.html) and text files.';
    throw new UprightError('UNSUPPORTED_FORMAT', `${lead} ${tail}`);
  }
  if (content.kind === 'unknown-binary') {
    // Bytes nobody recognises under a document's name are most likely that document, damaged.
    if (promises) {
      throw new UprightError('FILE_DAMAGED', `${promises}: its content is unrecognisable. It may be damaged.`);
    }
    if (named) {
      throw new UprightError(
        'FILE_DAMAGED',
        `This file is named .${extension} but does not contain text. It may be damaged.`,
      );
    }
    throw new UprightError('UNSUPPORTED_FORMAT');
  }
  // Text. Under a PDF or Word name that is usually an error page saved by a failed download.
  if (promises) {
    const what = looksLikeHtml(bytes) ? 'a web page' : 'plain text';
    throw new UprightError(
      'UNSUPPORTED_FORMAT',
      `${promises}: it contains ${what}, perhaps an error page saved by a failed download. Download the document again.`,
    );
  }
  if (named === 'html' || (named === undefined && looksLikeHtml(bytes))) return { format: 'html' };
  if (named === 'markdown') return { format: 'markdown' };
  return { format: 'text' };
}
