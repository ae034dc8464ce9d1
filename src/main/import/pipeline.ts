// The import of a batch: each file is read, parsed by its importer and stored with its original in
// one transaction, so a failed file leaves nothing behind and never stops the rest of the batch.
// Progress is reported after every file; a cancelled batch keeps what was already imported.
// Parsing happens in a parse worker (sandbox.ts): a file that exhausts its limits fails alone, and
// a cancel stops the file being parsed at once.
import { createHash } from 'node:crypto';
import type { ImportOutcome, ImportProgress } from '../../shared/api.ts';
import { UprightError } from '../../shared/errors.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../ingest/types.ts';
import type { Store } from '../store/index.ts';
import { webAccess } from './access.ts';
import { guessKind } from './kind.ts';
import { type Parser, ParseSandbox } from './sandbox.ts';

export interface PendingFile {
  name: string;
  size: number;
  /** The file's modification time (ms since 1970) when known: a saved page's access date if it records none. */
  modifiedAt?: number;
  read(): Promise<Uint8Array>;
}

export interface BatchOptions {
  taskId: string;
  dossierId: string;
  files: PendingFile[];
  store: () => Store;
  signal: AbortSignal;
  onProgress: (progress: ImportProgress) => void;
  limits?: ImportLimits;
  /** How a file is parsed; the sandboxed parse worker unless a test passes another. */
  parse?: Parser;
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
  markdown: 'text/markdown',
};

function outcome(name: string, fields: Partial<ImportOutcome> & Pick<ImportOutcome, 'status'>): ImportOutcome {
  return {
    name,
    sourceId: null,
    title: null,
    pages: null,
    sha256: null,
    duplicateOf: null,
    error: null,
    sameTextAs: [],
    ...fields,
  };
}

function failure(name: string, error: unknown): ImportOutcome {
  const e = error instanceof UprightError ? error : new UprightError('FILE_DAMAGED');
  return outcome(name, { status: 'failed', error: { code: e.code, message: e.message } });
}

/** Imports one file; never throws for a bad file, only reports it. */
async function importOne(file: PendingFile, options: BatchOptions, parse: Parser): Promise<ImportOutcome> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  if (file.size > limits.maxBytes) {
    const mib = Math.round(limits.maxBytes / 1024 / 1024);
    return failure(
      file.name,
      new UprightError('FILE_TOO_LARGE', `The file is larger than ${mib} MiB, the most Upright imports.`),
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch {
    return failure(file.name, new UprightError('FILE_DAMAGED', 'The file could not be read from the disk.'));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = options.store().sources.findByHash(options.dossierId, sha256);
  if (existing) {
    return outcome(file.name, {
      status: 'duplicate',
      sha256,
      sourceId: existing.id,
      title: existing.title,
      duplicateOf: { sourceId: existing.id, title: existing.title },
      error: { code: 'ALREADY_IMPORTED', message: `Already imported as “${existing.title}”.` },
    });
  }
  try {
    const doc = await parse(bytes, file.name, limits, options.signal);
    if (options.signal.aborted) return outcome(file.name, { status: 'cancelled' });
    const title = doc.metadata.title?.trim() || file.name.replace(/\.[^.]+$/, '');
    const { url, accessed } = webAccess(doc, file.modifiedAt);
    const source = options.store().sources.add({
      dossierId: options.dossierId,
      title,
      kind: guessKind(doc),
      original: { bytes, mediaType: MEDIA_TYPES[doc.format] ?? null, filename: file.name },
      text: doc.text,
      pageMap: doc.pages,
      blocks: doc.blocks,
      format: doc.format,
      warnings: doc.warnings,
      authorOrganisation: doc.metadata.author ?? null,
      dateText: doc.metadata.date ?? null,
      documentSymbol: doc.metadata.symbol ?? null,
      language: doc.metadata.language ?? null,
      url,
      accessed,
      ...(doc.encoding ? { metadata: { encoding: doc.encoding } } : {}),
    });
    return outcome(file.name, {
      status: 'imported',
      sourceId: source.id,
      title: source.title,
      pages: doc.pages.length,
      sha256,
      sameTextAs: sameTextAs(options.store(), source.id),
    });
  } catch (error) {
    if (options.signal.aborted) return outcome(file.name, { status: 'cancelled' });
    return failure(file.name, error);
  }
}

/** Sources already in the dossier with this one's text: another format of the same document. */
function sameTextAs(store: Store, sourceId: string): ImportOutcome['sameTextAs'] {
  return store.sources
    .sameText(sourceId)
    .map(({ source, similarity }) => ({ sourceId: source.id, title: source.title, format: source.format, similarity }));
}

export async function importBatch(options: BatchOptions): Promise<ImportOutcome[]> {
  const results: ImportOutcome[] = [];
  const total = options.files.length;
  options.store().dossiers.require(options.dossierId);
  const sandbox = options.parse ? null : new ParseSandbox(options.limits?.heapMb);
  const parse = options.parse ?? (sandbox as ParseSandbox).parse;
  try {
    for (const file of options.files) {
      if (options.signal.aborted) {
        results.push(outcome(file.name, { status: 'cancelled' }));
        continue;
      }
      options.onProgress({ taskId: options.taskId, total, done: results.length, current: file.name, outcome: null });
      const result = await importOne(file, options, parse);
      results.push(result);
      options.onProgress({ taskId: options.taskId, total, done: results.length, current: null, outcome: result });
    }
  } finally {
    await sandbox?.close();
  }
  return results;
}

/** Running batches by task id, so a cancel from any transport reaches the right one. */
export class ImportTasks {
  readonly #running = new Map<string, AbortController>();

  start(taskId: string): AbortSignal {
    if (this.#running.has(taskId))
      throw new UprightError('INVALID_PARAMS', 'An import with this task id is already running.');
    const controller = new AbortController();
    this.#running.set(taskId, controller);
    return controller.signal;
  }

  finish(taskId: string): void {
    this.#running.delete(taskId);
  }

  cancel(taskId: string): boolean {
    const controller = this.#running.get(taskId);
    controller?.abort();
    return controller !== undefined;
  }

  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
  }
}
