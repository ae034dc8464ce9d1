// Which importer reads a file: its bytes decide first, its name second. A file whose name promises a
// PDF but whose bytes are something else is refused with a sentence saying so — it may be a failed
// download saved as an error page, or something worse renamed to look harmless.
import { UprightError } from '../../shared/errors.ts';
import { type ImportWarning, warning } from '../../shared/warnings.ts';
import type { SourceFormat } from './types.ts';

export interface DetectedFormat {
  format: SourceFormat;
  /** Set when the file's name and its content disagree but the content is readable anyway. */
  note?: ImportWarning;
}

/** What a file Upright cannot read really is; FILE_IS_OTHER_KIND says it and what to do instead. */
type OtherKind = 'odt' | 'xlsx' | 'pptx' | 'doc' | 'rtf' | 'program' | 'image' | 'archive';

type Content =
  | { kind: 'document'; format: SourceFormat }
  | { kind: 'text' }
  | { kind: 'other'; what: OtherKind }
  | { kind: 'encrypted-docx' }
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
    if (contains(bytes, 'application/vnd.oasis.opendocument.text')) return { kind: 'other', what: 'odt' };
    if (contains(bytes, 'xl/workbook')) return { kind: 'other', what: 'xlsx' };
    if (contains(bytes, 'ppt/presentation')) return { kind: 'other', what: 'pptx' };
    // A ZIP of something else — or a Word file cut off before its parts were named.
    return { kind: 'zip' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Office wraps a password-protected .docx in this old container, with an encrypted package inside.
    if (containsUtf16(bytes, 'EncryptedPackage')) return { kind: 'encrypted-docx' };
    return { kind: 'other', what: 'doc' };
  }
  if (ascii(bytes, 0, 5) === '{\\rtf') return { kind: 'other', what: 'rtf' };
  if (
    ascii(bytes, 0, 2) === 'MZ' ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe])
  ) {
    return { kind: 'other', what: 'program' };
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
    return { kind: 'other', what: 'image' };
  }
  if (startsWith(bytes, [0x1f, 0x8b]) || ascii(bytes, 0, 4) === 'Rar!' || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) {
    return { kind: 'other', what: 'archive' };
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
  // What the name promises, when it is a document format whose bytes are unmistakable.
  const promised = named === 'pdf' || named === 'docx' ? named : 'none';

  if (content.kind === 'document') {
    if (named && named !== content.format) {
      // A PDF called .docx is still a PDF: read what it is, and say why the name looked wrong.
      return { format: content.format, note: warning('NAME_MISMATCH', { extension, format: content.format }) };
    }
    return { format: content.format };
  }
  if (content.kind === 'zip') {
    // Under a .docx name, the Word importer tells a cut-off file (FILE_DAMAGED) from a complete one.
    if (named === 'docx') return { format: 'docx' };
    throw new UprightError('FILE_IS_ZIP', { promised, extension });
  }
  if (content.kind === 'encrypted-docx') throw new UprightError('DOCX_PASSWORD_PROTECTED');
  if (content.kind === 'other')
    throw new UprightError('FILE_IS_OTHER_KIND', { promised, extension, kind: content.what });
  if (content.kind === 'unknown-binary') {
    // Bytes nobody recognises under a document's name are most likely that document, damaged.
    if (named) throw new UprightError('FILE_NAME_PROMISES_MORE', { promised, extension });
    throw new UprightError('UNSUPPORTED_FORMAT');
  }
  // Text. Under a PDF or Word name that is usually an error page saved by a failed download.
  if (promised !== 'none') {
    const found = looksLikeHtml(bytes) ? 'html' : 'text';
    throw new UprightError('FILE_IS_SAVED_ERROR_PAGE', { promised, extension, content: found });
  }
  if (named === 'html' || (named === undefined && looksLikeHtml(bytes))) return { format: 'html' };
  if (named === 'markdown') return { format: 'markdown' };
  return { format: 'text' };
}
