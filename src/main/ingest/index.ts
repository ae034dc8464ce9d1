// Importers: a file's bytes in, a normalised ImportedDocument out — or an UprightError whose code and
// sentence tell the person what is wrong with the file. Pure Node: no Electron, no disk, no network.
import { UprightError } from '../../shared/errors.ts';
import { detectFormat } from './detect.ts';
import type { ImportedDocument, ImportLimits, SourceFormat } from './types.ts';
import { DEFAULT_IMPORT_LIMITS, mebibytes } from './types.ts';

export type { DetectedFormat } from './detect.ts';
export { detectFormat } from './detect.ts';
export type {
  Block,
  BlockKind,
  ImportedDocument,
  ImportedMetadata,
  ImportLimits,
  PageSpan,
  SourceFormat,
} from './types.ts';
export { DEFAULT_IMPORT_LIMITS } from './types.ts';

// Each importer is loaded on first use: pdf.js, jsdom and mammoth are large, and most imports
// need only one of them.
async function parse(format: SourceFormat, bytes: Uint8Array, signal: AbortSignal): Promise<ImportedDocument> {
  switch (format) {
    case 'pdf':
      return (await import('./pdf.ts')).importPdf(bytes, signal);
    case 'docx':
      return (await import('./docx.ts')).importDocx(bytes, signal);
    case 'html':
      return (await import('./html.ts')).importHtml(bytes, signal);
    case 'text':
    case 'markdown':
      return (await import('./text.ts')).importText(bytes, signal, format === 'markdown');
  }
}

/**
 * Runs `work` with a deadline. On expiry the signal aborts (pdf.js is destroyed, loops stop between
 * pages) and the import fails with IMPORT_TIMEOUT. A parser stuck in one synchronous call cannot be
 * interrupted on this thread: callers that need a hard stop run importDocument in a worker thread.
 */
async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new UprightError('IMPORT_TIMEOUT'));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Imports one file. The bytes are not modified. Throws UprightError: FILE_EMPTY, FILE_TOO_LARGE,
 * UNSUPPORTED_FORMAT, FILE_DAMAGED, PDF_PASSWORD_PROTECTED, PDF_NO_TEXT_LAYER,
 * DOCX_PASSWORD_PROTECTED or IMPORT_TIMEOUT.
 */
export async function importDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportedDocument> {
  if (bytes.byteLength === 0) throw new UprightError('FILE_EMPTY');
  if (bytes.byteLength > limits.maxBytes) {
    throw new UprightError('FILE_OVER_LIMIT', { size: mebibytes(bytes.byteLength), limit: mebibytes(limits.maxBytes) });
  }
  const detected = detectFormat(bytes, fileName);
  let doc: ImportedDocument;
  try {
    doc = await withTimeout(limits.timeoutMs, (signal) => parse(detected.format, bytes, signal));
  } catch (error) {
    if (error instanceof UprightError) throw error;
    // A parser's own exception means the file is not what its format promises. The original error
    // stays as the cause for debugging; the message never carries its text (it may quote the file).
    const damaged = new UprightError('FILE_DAMAGED');
    damaged.cause = error;
    throw damaged;
  }
  if (doc.text.trim() === '') throw new UprightError('FILE_NO_TEXT');
  if (detected.note) doc.warnings.unshift(detected.note);
  return doc;
}
