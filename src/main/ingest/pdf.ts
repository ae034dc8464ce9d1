// PDFs: pdf.js extracts each page's text with positions; the normaliser turns positioned lines into
// paragraphs and the page map. pdf.js runs on this thread with eval off, system fonts off and nothing
// to fetch: text extraction needs no font files, and a document's links are never followed.
import { UprightError } from '../../shared/errors.ts';
import { type ImportWarning, warning } from '../../shared/warnings.ts';
import { cleanInline } from './build.ts';
import { assemble } from './document.ts';
import { usableAuthor, usableTitle } from './metadata.ts';
import type { PdfLine, PdfPageLines } from './normalise.ts';
import { normalisePdfLines } from './normalise.ts';
import type { ImportedDocument } from './types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type TextContent = Awaited<
  ReturnType<
    Awaited<ReturnType<import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy['getPage']>>['getTextContent']
  >
>;

let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js, loaded once. Exported for the benchmark, which measures bare pdf.js against the importer. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // In Node pdf.js runs its worker code on the main thread, importing it by a path relative to its
    // own file, which a bundler moves. Handing the module over as `pdfjsWorker` works either way.
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/** Options for every document Upright opens with pdf.js. */
export function pdfOptions(bytes: Uint8Array) {
  return {
    // pdf.js transfers the buffer it is given to its worker, detaching it: the caller still needs
    // the original (it is stored in the vault), so pdf.js gets a copy — a plain Uint8Array, as
    // pdf.js refuses Node Buffers (and Buffer#slice would not copy).
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    // Errors only: pdf.js warnings go to the console, and logs must stay free of document details.
    verbosity: 0,
  };
}

interface Run {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
}

function dominant<T>(runs: Run[], key: (run: Run) => T): T | undefined {
  const weights = new Map<T, number>();
  for (const run of runs) weights.set(key(run), (weights.get(key(run)) ?? 0) + run.text.length);
  let best: T | undefined;
  let bestWeight = -1;
  for (const [value, weight] of weights) {
    if (weight > bestWeight) {
      best = value;
      bestWeight = weight;
    }
  }
  return best;
}

function toLine(runs: Run[], page: number): PdfLine | undefined {
  let text = '';
  let prev: Run | undefined;
  for (const run of runs) {
    // Items that do not touch are separate words even when the PDF draws no space between them.
    const gap = prev ? run.x0 - prev.x1 : 0;
    if (prev && gap > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    text += run.text;
    prev = run;
  }
  const clean = cleanInline(text);
  const first = runs[0];
  if (clean === '' || !first) return undefined;
  const size = dominant(runs, (run) => Math.round(run.size * 10) / 10) ?? first.size;
  return {
    page,
    text: clean,
    x0: Math.min(...runs.map((run) => run.x0)),
    x1: Math.max(...runs.map((run) => run.x1)),
    y: dominant(runs, (run) => Math.round(run.y * 10) / 10) ?? first.y,
    size,
    font: dominant(runs, (run) => run.font) ?? first.font,
  };
}

/** The direction an item's baseline runs, in quarter turns counter-clockwise; undefined if skewed or mirrored. */
function quarterTurns(transform: number[]): number | undefined {
  const [a = 0, b = 0, c = 0, d = 0] = transform;
  const scale = Math.hypot(a, b);
  if (scale === 0) return undefined;
  const angle = Math.atan2(b, a) / (Math.PI / 2);
  const turns = Math.round(angle);
  // Upright glyphs have their vertical axis a quarter turn from the baseline: (c, d) = (-b, a).
  if (Math.abs(angle - turns) > 0.01 || Math.abs(c + b) > scale * 0.01 || Math.abs(d - a) > scale * 0.01)
    return undefined;
  return ((turns % 4) + 4) % 4;
}

/**
 * Groups a page's text items into lines: same baseline (a superscript stays on its line). Text
 * running in another direction than most of the page (stamps, margin notes, watermarks) is left
 * out; a page set sideways as a whole is read in its own direction.
 */
export function itemsToLines(items: TextContent['items'], page: number): { lines: PdfLine[]; rotated: number } {
  const weights = [0, 0, 0, 0];
  for (const item of items) {
    if (!('str' in item)) continue;
    const turns = quarterTurns(item.transform as number[]);
    if (turns !== undefined) weights[turns] = (weights[turns] ?? 0) + item.str.length;
  }
  const direction = weights.indexOf(Math.max(...weights));
  const angle = (direction * Math.PI) / 2;
  const cos = Math.round(Math.cos(angle));
  const sin = Math.round(Math.sin(angle));

  const lines: PdfLine[] = [];
  let runs: Run[] = [];
  let rotated = 0;
  const end = () => {
    const line = toLine(runs, page);
    if (line) lines.push(line);
    runs = [];
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    const transform = item.transform as number[];
    if (quarterTurns(transform) !== direction) {
      if (item.str.trim() !== '') rotated++;
      if (item.hasEOL) end();
      continue;
    }
    if (item.str !== '') {
      const [a = 0, b = 0, , , e = 0, f = 0] = transform;
      // Coordinates in the text's own frame: x along the baseline, y up from it.
      const x = e * cos + f * sin;
      const y = -e * sin + f * cos;
      const size = Math.hypot(a, b);
      const last = runs.at(-1);
      if (last && (Math.abs(y - last.y) > Math.max(size, last.size) * 0.45 || x < last.x0 - size)) end();
      const previous = runs.at(-1);
      // Some producers fake bold by drawing the same text twice at almost the same place.
      const duplicate =
        previous && previous.text === item.str && Math.abs(previous.x0 - x) < 1 && Math.abs(previous.y - y) < 1;
      if (!duplicate) runs.push({ text: item.str, x0: x, x1: x + item.width, y, size, font: item.fontName });
    }
    if (item.hasEOL) end();
  }
  end();
  return { lines, rotated };
}

/** Reads the text again with pdf.js's error recovery off: true when a page's content is damaged. */
async function hasContentErrors(getDocument: PdfJs['getDocument'], bytes: Uint8Array): Promise<boolean> {
  const task = getDocument({ ...pdfOptions(bytes), stopAtErrors: true });
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
    return false;
  } catch {
    return true;
  } finally {
    await task.destroy();
  }
}

function pdfError(error: unknown): UprightError {
  if (error instanceof UprightError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new UprightError('PDF_PASSWORD_PROTECTED');
  if (name === 'AbortException') return new UprightError('IMPORT_TIMEOUT');
  return new UprightError('PDF_DAMAGED');
}

/** Whether `text` holds at least `count` letters (stops counting there: texts can be long). */
function hasLetters(text: string, count: number): boolean {
  const letter = /\p{L}/gu;
  let found = 0;
  while (found < count && letter.exec(text)) found++;
  return found >= count;
}

function pageList(pages: number[]): string {
  return pages.length <= 8 ? pages.join(', ') : `${pages.slice(0, 8).join(', ')} and ${pages.length - 8} more`;
}

const PAGES_IN_FLIGHT = 4;

/**
 * More pages than any report or compilation a monitor imports. A crafted page tree that shares its
 * nodes claims billions of pages in a few hundred bytes; reading them one by one would never end.
 */
export const MAX_PDF_PAGES = 10_000;

export async function importPdf(bytes: Uint8Array, signal: AbortSignal): Promise<ImportedDocument> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument(pdfOptions(bytes));
  const stop = () => void task.destroy();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new UprightError('PDF_TOO_MANY_PAGES', { pages: doc.numPages, limit: MAX_PDF_PAGES });
    }
    const pages: PdfPageLines[] = [];
    const empty: number[] = [];
    let rotated = 0;
    // A few pages in flight at once: pdf.js inflates streams with DecompressionStream, off this
    // thread, so while one page waits for its data another's text is read. Few enough to keep
    // memory flat on long PDFs; pages are still processed in order.
    const read = async (n: number) => {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      page.cleanup();
      return { content, width: page.view[2] ?? 0 };
    };
    const inFlight = new Map<number, ReturnType<typeof read>>();
    const request = (n: number) => {
      if (n > doc.numPages) return;
      const pending = read(n);
      pending.catch(() => {}); // awaited below, in order; this only keeps an early failure from going unhandled
      inFlight.set(n, pending);
    };
    for (let n = 1; n <= Math.min(PAGES_IN_FLIGHT, doc.numPages); n++) request(n);
    for (let n = 1; n <= doc.numPages; n++) {
      signal.throwIfAborted();
      const { content, width } = await (inFlight.get(n) ?? read(n));
      inFlight.delete(n);
      request(n + PAGES_IN_FLIGHT);
      const extracted = itemsToLines(content.items, n);
      rotated += extracted.rotated;
      if (extracted.lines.length === 0) empty.push(n);
      pages.push({ page: n, lines: extracted.lines, width });
    }
    const { blocks, furniture } = normalisePdfLines(pages);
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const text = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : undefined);
    const warnings: ImportWarning[] = [];
    if (empty.length > 0) {
      warnings.push(warning('PAGES_WITHOUT_TEXT', { count: empty.length, pages: pageList(empty) }));
    }
    if (rotated > 0) warnings.push(warning('ROTATED_TEXT_LEFT_OUT'));
    // pdf.js recovers what it can from a file cut off before its end marker: say pages may be missing.
    if (!new TextDecoder('latin1').decode(bytes.subarray(-1024)).includes('%%EOF')) {
      warnings.push(warning('PDF_CUT_OFF'));
    }
    const imported = assemble({
      format: 'pdf',
      drafts: blocks,
      pageCount: doc.numPages,
      warnings,
      title: usableTitle(text('Title')),
      author: usableAuthor(text('Author')),
      furniture,
    });
    if (!hasLetters(imported.text, Math.max(16, 5 * doc.numPages))) {
      // No text: a scan — or content streams too damaged to read, which pdf.js skipped quietly.
      signal.throwIfAborted();
      if (await hasContentErrors(getDocument, bytes)) throw pdfError(new Error('damaged content'));
      throw new UprightError('PDF_NO_TEXT_LAYER');
    }
    return imported;
  } catch (error) {
    if (signal.aborted) throw new UprightError('IMPORT_TIMEOUT');
    throw pdfError(error);
  } finally {
    signal.removeEventListener('abort', stop);
    await task.destroy();
  }
}
