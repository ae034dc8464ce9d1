// Where an import's writes happen. A batch opens one writer: a vault worker (src/main/workers/
// vault-worker.ts) with its own connection, which checks for duplicates and stores each parsed file
// in one transaction of its own, while the main process only passes messages. The parsed document
// arrives packed (v8-serialised in the parse worker, its buffer moved, never copied or unpacked on
// the main process). Closing the writer, or locking the vault, ends the worker; a file being stored
// at that moment is rolled back whole, so a vault never holds part of a file.
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ImportOutcome } from '../../shared/api.ts';
import { errorFromPayload, isErrorCode, UprightError } from '../../shared/errors.ts';
import { duplicateOutcome, type ParsedFile, storeParsedFile } from '../import/store-file.ts';
import type { ImportedDocument } from '../ingest/types.ts';
import type { Store } from '../store/index.ts';
import type { ImportCall, ImportReply, VaultWorkerRequest } from '../workers/vault-worker.ts';

/** A parsed document v8-serialised into a buffer of its own (see ParseSandbox.parsePacked). */
export interface PackedDocument {
  packed: ArrayBuffer;
}

export type ParsedDocument = ImportedDocument | PackedDocument;

export function isPacked(doc: ParsedDocument): doc is PackedDocument {
  return (doc as PackedDocument).packed instanceof ArrayBuffer;
}

export function unpack(doc: ParsedDocument): ImportedDocument {
  return isPacked(doc) ? (deserialize(Buffer.from(doc.packed)) as ImportedDocument) : doc;
}

/** A parsed file on its way to the writer: its document may still be packed. */
export type ParsedFileInput = Omit<ParsedFile, 'doc'> & { doc: ParsedDocument };

export interface ImportWriter {
  /** "Already imported" when a live source of the dossier holds these bytes, else null. */
  duplicate(dossierId: string, name: string, sha256: string): Promise<ImportOutcome | null>;
  /** Stores one file in one transaction. A packed document's buffer is moved to the writer (detached here). */
  store(file: ParsedFileInput): Promise<ImportOutcome>;
  /** Ends the writer (after the file being stored, if any, is committed). */
  close(): Promise<void>;
}

/** The writes on the calling thread, on the vault's own connection (VaultOptions.tasksOnMainThread). */
export function inProcessWriter(store: () => Store): ImportWriter {
  return {
    duplicate: async (dossierId, name, sha256) => duplicateOutcome(store(), dossierId, name, sha256),
    store: async (file) => storeParsedFile(store(), { ...file, doc: unpack(file.doc) }),
    close: async () => {},
  };
}

/** What a call to an ended writer answers (the vault locked, or the batch ended). */
const ended = () => new UprightError('VAULT_LOCKED');

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The writes in a vault worker of their own, for one batch. */
export class WorkerImportWriter implements ImportWriter {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #exited: Promise<void>;
  #nextId = 1;
  /** No more calls are taken (closed, terminated or exited). The error is made only when a call needs it. */
  #ended = false;
  /** Files posted and not yet answered: while any is, the worker may hold the write lock. */
  #storing = 0;
  #idle: { promise: Promise<void>; resolve: () => void } | null = null;

  /** `key` is copied into a buffer moved to the worker; the caller keeps (and zeroes) its own. */
  constructor(entry: URL, file: string, key: Buffer) {
    const moved = new ArrayBuffer(key.length);
    Buffer.from(moved).set(key);
    this.#worker = new Worker(entry, { stdout: true, stderr: true });
    this.#worker.stdout.resume();
    this.#worker.stderr.resume();
    this.#worker.on('message', (reply: ImportReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else
        pending.reject(
          isErrorCode(reply.code)
            ? errorFromPayload({ code: reply.code, params: reply.params })
            : new Error('import write failed'),
        );
    });
    this.#worker.on('error', () => {});
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', () => {
        this.#ended = true;
        for (const pending of this.#pending.values()) pending.reject(ended());
        this.#pending.clear();
        resolve();
      });
    });
    const request: VaultWorkerRequest = { task: 'import', file, key: moved, cancel: new SharedArrayBuffer(4) };
    this.#worker.postMessage(request, [moved]);
  }

  duplicate(dossierId: string, name: string, sha256: string): Promise<ImportOutcome | null> {
    return this.#call({ op: 'duplicate', dossierId, name, sha256 }, []);
  }

  store(file: ParsedFileInput): Promise<ImportOutcome> {
    // A copy of the bytes is moved (the caller may still hold its own, or share a pooled Buffer).
    const bytes = new Uint8Array(file.bytes);
    const transfer: ArrayBuffer[] = [bytes.buffer];
    if (isPacked(file.doc)) transfer.push(file.doc.packed);
    this.#storing++;
    return this.#call<ImportOutcome>({ op: 'store', file: { ...file, bytes } }, transfer).finally(() => {
      this.#storing--;
      if (this.#storing === 0 && this.#idle) {
        this.#idle.resolve();
        this.#idle = null;
      }
    });
  }

  /**
   * Caches a source's computed suggestions through this worker (see cacheSuggestions): the main
   * process then neither waits for the write lock nor pays the commit. Rejects once the writer ended.
   */
  cacheSuggestions(sourceId: string, fingerprint: string, found: unknown[]): Promise<boolean> {
    return this.#call({ op: 'cacheSuggestions', sourceId, fingerprint, found }, []);
  }

  /** Whether the writer still takes calls. */
  open(): boolean {
    return !this.#ended;
  }

  /** Whether a file is being stored now (the worker may hold the vault's write lock). */
  busy(): boolean {
    return this.#storing > 0;
  }

  /** Resolves when no file is being stored. */
  idle(): Promise<void> {
    if (this.#storing === 0) return Promise.resolve();
    if (!this.#idle) {
      let resolve: () => void = () => {};
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      this.#idle = { promise, resolve };
    }
    return this.#idle.promise;
  }

  /** Lets the worker finish the file it is storing, then ends it. */
  async close(): Promise<void> {
    if (!this.#ended) {
      this.#ended = true;
      this.#worker.postMessage({ op: 'end', id: 0 } satisfies ImportCall);
    }
    await this.#exited;
  }

  /** Ends the worker at once (the vault is locking): a file being stored is rolled back. */
  terminate(): Promise<void> {
    this.#ended = true;
    void this.#worker.terminate();
    return this.#exited;
  }

  #call<T>(call: DistributiveOmit<ImportCall, 'id'>, transfer: ArrayBuffer[]): Promise<T> {
    if (this.#ended) return Promise.reject(ended());
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...call, id } as ImportCall, transfer);
    });
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
