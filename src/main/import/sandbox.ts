// Every file is parsed in a parse worker (src/main/workers/parse-worker.ts), never on the thread that
// runs the app: a crafted document can only exhaust its own worker, which is killed at the limits,
// while auto-lock, the lock shortcut and every other request go on. The document comes back as data.
// A batch keeps its worker from file to file (pdf.js, mammoth and jsdom load once); a file that hits
// a limit or is cancelled takes its worker down with it, and the next file gets a fresh one.
import { UprightError } from '../../shared/errors.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportedDocument, type ImportLimits } from '../ingest/types.ts';
import type { ParsedDocument } from '../vault/import-writer.ts';
import { workerEntry } from '../workers/entries.ts';
import type { ParseInput } from '../workers/parse-worker.ts';
import { KillableWorker, WorkerStopped } from '../workers/run.ts';

/** Reads one file's bytes into a document; the batch and re-reading take one of these. */
export type Parser = (
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
  signal: AbortSignal,
) => Promise<ImportedDocument>;

/** A parser whose document may come back packed, for the import's writer to unpack. */
export type PackedParser = (
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
  signal: AbortSignal,
) => Promise<ParsedDocument>;

export class ParseSandbox {
  readonly #worker: KillableWorker;

  constructor(heapMb = DEFAULT_IMPORT_LIMITS.heapMb as number) {
    this.#worker = new KillableWorker(workerEntry('parse-worker'), heapMb);
  }

  /**
   * Parses one file. Throws the importer's own UprightError, IMPORT_TIMEOUT when the time limit
   * passed, IMPORT_TOO_COMPLEX when the file needed more memory than allowed, CANCELLED when `signal`
   * aborted, IMPORT_FAILED when the worker died otherwise. The caller's bytes are copied, never detached.
   */
  readonly parse: Parser = (bytes, fileName, limits, signal) =>
    this.#run<ImportedDocument>('importDocument', bytes, fileName, limits, signal);

  /** As parse, but the document comes back packed (see PackedDocument): for the import's writer. */
  readonly parsePacked: PackedParser = async (bytes, fileName, limits, signal) => ({
    packed: await this.#run<ArrayBuffer>('importPacked', bytes, fileName, limits, signal),
  });

  async #run<T>(task: string, bytes: Uint8Array, fileName: string, limits: ImportLimits, signal: AbortSignal) {
    const copy = new Uint8Array(bytes);
    const input: ParseInput = { bytes: copy, fileName, limits };
    try {
      return await this.#worker.run<T>(task, input, {
        signal,
        transfer: [copy.buffer],
        limits: {
          timeoutMs: limits.timeoutMs,
          rssGrowthBytes: limits.rssGrowthBytes ?? (DEFAULT_IMPORT_LIMITS.rssGrowthBytes as number),
        },
      });
    } catch (error) {
      throw asImportError(error);
    }
  }

  close(): Promise<void> {
    return this.#worker.close();
  }
}

function asImportError(error: unknown): UprightError {
  if (error instanceof UprightError) return error;
  if (error instanceof WorkerStopped) {
    if (error.reason === 'timeout') return new UprightError('IMPORT_TIMEOUT');
    if (error.reason === 'memory') return new UprightError('IMPORT_TOO_COMPLEX');
    if (error.reason === 'cancelled') return new UprightError('CANCELLED');
    return new UprightError('IMPORT_FAILED');
  }
  const damaged = new UprightError('FILE_DAMAGED');
  damaged.cause = error;
  return damaged;
}

/** Parses one file in a worker of its own (re-reading a source). */
export const parseInWorker: Parser = async (bytes, fileName, limits, signal) => {
  const sandbox = new ParseSandbox(limits.heapMb);
  try {
    return await sandbox.parse(bytes, fileName, limits, signal);
  } finally {
    await sandbox.close();
  }
};
