// The import of a batch: each file is read, parsed by its importer and stored with its original in
// one transaction, so a failed file leaves nothing behind and never stops the rest of the batch.
// Progress is reported after every file; a cancelled batch keeps what was already imported (a cancel
// is seen between files: a file being stored is stored whole, or — when the vault locks — not at all).
// Parsing happens in a parse worker (sandbox.ts): a file that exhausts its limits fails alone, and
// a cancel stops the file being parsed at once. Storing happens in the vault worker (the vault's
// importWriter, see src/main/vault/import-writer.ts): the main process hashes nothing, parses nothing
// and waits on no SQLite call; it only passes the parsed document's buffer along.
import type { ImportOutcome, ImportProgress } from '../../shared/api.ts';
import { UprightError } from '../../shared/errors.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, mebibytes } from '../ingest/types.ts';
import type { ImportWriter } from '../vault/import-writer.ts';
import type { Vault } from '../vault/vault.ts';
import { type PackedParser, ParseSandbox } from './sandbox.ts';
import { outcome } from './store-file.ts';

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
  /** The unlocked vault the files go into (its importWriter stores them). */
  vault: Pick<Vault, 'store' | 'importWriter'>;
  signal: AbortSignal;
  onProgress: (progress: ImportProgress) => void;
  limits?: ImportLimits;
  /** How a file is parsed; the sandboxed parse worker unless a test passes another. */
  parse?: PackedParser;
}

function failure(name: string, error: unknown): ImportOutcome {
  const e = error instanceof UprightError ? error : new UprightError('FILE_DAMAGED');
  return outcome(name, { status: 'failed', error: e.toPayload() });
}

/** SHA-256 in hex, computed on the thread pool (WebCrypto), not on this thread. */
async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
}

/** Imports one file; never throws for a bad file, only reports it. */
async function importOne(
  file: PendingFile,
  options: BatchOptions,
  parse: PackedParser,
  writer: ImportWriter,
): Promise<ImportOutcome> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  if (file.size > limits.maxBytes) {
    return failure(
      file.name,
      new UprightError('FILE_OVER_LIMIT', { size: mebibytes(file.size), limit: mebibytes(limits.maxBytes) }),
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch {
    return failure(file.name, new UprightError('FILE_UNREADABLE'));
  }
  try {
    const sha256 = await sha256Of(bytes);
    const duplicate = await writer.duplicate(options.dossierId, file.name, sha256);
    if (duplicate) return duplicate;
    const doc = await parse(bytes, file.name, limits, options.signal);
    if (options.signal.aborted) return outcome(file.name, { status: 'cancelled' });
    return await writer.store({
      dossierId: options.dossierId,
      name: file.name,
      bytes,
      sha256,
      doc,
      ...(file.modifiedAt !== undefined ? { modifiedAt: file.modifiedAt } : {}),
    });
  } catch (error) {
    if (options.signal.aborted) return outcome(file.name, { status: 'cancelled' });
    return failure(file.name, error);
  }
}

export async function importBatch(options: BatchOptions): Promise<ImportOutcome[]> {
  const results: ImportOutcome[] = [];
  const total = options.files.length;
  options.vault.store().dossiers.require(options.dossierId);
  const sandbox = options.parse ? null : new ParseSandbox(options.limits?.heapMb);
  const parse = options.parse ?? (sandbox as ParseSandbox).parsePacked;
  const writer = options.vault.importWriter();
  try {
    for (const file of options.files) {
      if (options.signal.aborted) {
        results.push(outcome(file.name, { status: 'cancelled' }));
        continue;
      }
      options.onProgress({ taskId: options.taskId, total, done: results.length, current: file.name, outcome: null });
      const result = await importOne(file, options, parse, writer);
      results.push(result);
      options.onProgress({ taskId: options.taskId, total, done: results.length, current: null, outcome: result });
    }
  } finally {
    await Promise.all([sandbox?.close(), writer.close()]);
  }
  return results;
}

/** Running batches by task id, so a cancel from any transport reaches the right one. */
export class ImportTasks {
  readonly #running = new Map<string, AbortController>();

  start(taskId: string): AbortSignal {
    if (this.#running.has(taskId)) throw new UprightError('IMPORT_ALREADY_RUNNING');
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
