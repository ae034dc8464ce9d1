// The vault worker: runs one heavy vault task (verify, or the copy of a backup) on a connection of
// its own, so that Electron's main process keeps answering while SQLite reads every page. Started by
// src/main/vault/task-runner.ts for each task and ended after it; or, for an import batch, by
// src/main/vault/import-writer.ts, storing the batch's files one transaction each until it ends. The data key arrives in a
// transferred buffer (never on disk, never in workerData's copy) and is zeroed as soon as it has
// opened what it must. Cancel is a flag in shared memory, read between steps; a task that does not
// stop promptly is terminated by the parent.
import { parentPort } from 'node:worker_threads';
import { UprightError } from '../../shared/errors.ts';
import { cacheSuggestions } from '../annotate/fingerprint.ts';
import { duplicateOutcome, storeParsedFile } from '../import/store-file.ts';
import { auditHeadKey } from '../store/audit.ts';
import { checkpointPassive, type Db, openEncryptedDatabase, translateSqliteError } from '../store/database.ts';
import { Store } from '../store/index.ts';
import { LATEST_VERSION, type MigrationStep, migrate } from '../store/migrations/index.ts';
import { type TaskHooks, type TaskStep, verifyStore, writeCheckedCopy } from '../vault/checks.ts';
import { type ParsedFileInput, unpack } from '../vault/import-writer.ts';

export interface VaultWorkerRequest {
  /**
   * import: a session storing a batch's files, one call at a time, until `end` (see import-writer.ts).
   * migrate: brings an older vault's schema up to date at unlock (see migration-runner.ts).
   * checkpoint: copies the WAL into the database before a lock (PASSIVE), off the main process.
   */
  task: 'verify' | 'backup' | 'import' | 'migrate' | 'checkpoint';
  /** vault.db */
  file: string;
  /** The data key's 32 bytes, transferred (the sender's copy is detached). */
  key: ArrayBuffer;
  /** Int32Array over it: [0] set to 1 asks the task to stop. */
  cancel: SharedArrayBuffer;
  /** backup: where the copy goes (inside the hidden partial folder). */
  copyFile?: string;
}

export type VaultWorkerMessage =
  | { type: 'progress'; step: TaskStep; done: number; total: number }
  | { type: 'migration'; step: MigrationStep }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; code: string | null; params: Record<string, string | number>; step: TaskStep | 'start' };

/** The calls of an import session, answered in order by an ImportReply with the same id. */
export type ImportCall =
  | { id: number; op: 'duplicate'; dossierId: string; name: string; sha256: string }
  | { id: number; op: 'store'; file: ParsedFileInput }
  | { id: number; op: 'cacheSuggestions'; sourceId: string; fingerprint: string; found: unknown[] }
  | { id: number; op: 'end' };

export type ImportReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string | null; params: Record<string, string | number> };

/** How long the connection waits for the main connection's brief write locks. */
const BUSY_TIMEOUT_MS = 10_000;

const port = parentPort;
if (!port) throw new Error('the vault worker runs only inside a worker thread');

port.once('message', (request: VaultWorkerRequest) => {
  if (request.task === 'import') importSession(request);
  else runTask(request);
});

/**
 * Serves an import batch: each call in turn, each file stored in one transaction. Ends at `end`
 * (after the call before it) or when the parent terminates it (a file being stored is rolled back).
 */
function importSession(request: VaultWorkerRequest): void {
  const key = Buffer.from(request.key);
  let store: Store;
  let db: Db;
  let auditKey: Buffer;
  try {
    db = openEncryptedDatabase(request.file, key, { locking: 'guest', busyTimeoutMs: BUSY_TIMEOUT_MS });
    auditKey = auditHeadKey(key);
    // The audit key lives as long as the session (the worker's memory goes with it).
    store = new Store(db, { auditHeadKey: auditKey });
  } catch {
    key.fill(0);
    process.exit(1); // the parent answers VAULT_LOCKED to every call
  }
  key.fill(0);
  const answer = (id: number, run: () => unknown) => {
    let reply: ImportReply;
    try {
      reply = { id, ok: true, value: run() };
    } catch (error) {
      const known = error instanceof UprightError;
      reply = {
        id,
        ok: false,
        code: known ? error.code : null,
        params: known ? (error.params as Record<string, string | number>) : {},
      };
    }
    port?.postMessage(reply);
  };
  port?.on('message', (call: ImportCall) => {
    if (call.op === 'end') {
      // Moves what the batch wrote from the WAL into the database here, without waiting for anyone
      // (PASSIVE), so that the main connection's checkpoint when the vault locks has little left to do.
      try {
        checkpointPassive(db);
      } catch {
        // best effort: the lock's checkpoint does the rest
      }
      if (db.open) db.close();
      auditKey.fill(0);
      port.close();
      return;
    }
    if (call.op === 'duplicate') answer(call.id, () => duplicateOutcome(store, call.dossierId, call.name, call.sha256));
    else if (call.op === 'cacheSuggestions')
      answer(call.id, () => cacheSuggestions(store, call.sourceId, call.fingerprint, call.found));
    else answer(call.id, () => storeParsedFile(store, { ...call.file, doc: unpack(call.file.doc) }));
  });
}

function runTask(request: VaultWorkerRequest): void {
  const port = parentPort as NonNullable<typeof parentPort>;
  const key = Buffer.from(request.key);
  const flag = new Int32Array(request.cancel);
  let step: TaskStep | 'start' = 'start';
  const hooks: TaskHooks = {
    progress(next, done, total) {
      step = next;
      port.postMessage({ type: 'progress', step: next, done, total } satisfies VaultWorkerMessage);
    },
    checkCancelled() {
      if (Atomics.load(flag, 0) !== 0) throw new UprightError('TASK_CANCELLED', { task: request.task });
    },
  };
  let db: Db | null = null;
  try {
    db = openEncryptedDatabase(request.file, key, { locking: 'guest', busyTimeoutMs: BUSY_TIMEOUT_MS });
    let value: unknown;
    if (request.task === 'checkpoint') {
      key.fill(0);
      checkpointPassive(db);
      value = {};
    } else if (request.task === 'migrate') {
      key.fill(0);
      // One transaction for every pending step, as on the main connection: a failure leaves the
      // vault as it was. Each step is announced before it starts.
      value = migrate(db, LATEST_VERSION, (migration) =>
        port.postMessage({ type: 'migration', step: migration } satisfies VaultWorkerMessage),
      );
    } else if (request.task === 'verify') {
      db.pragma('query_only = ON'); // the check only reads; its result is recorded by the main connection
      const auditKey = auditHeadKey(key);
      key.fill(0);
      try {
        value = verifyStore(new Store(db, { auditHeadKey: auditKey }), hooks);
      } finally {
        auditKey.fill(0);
      }
    } else {
      if (!request.copyFile) throw new Error('backup needs a copy file');
      writeCheckedCopy(db, key, request.copyFile, hooks);
      value = {};
    }
    port.postMessage({ type: 'done', value } satisfies VaultWorkerMessage);
  } catch (thrown) {
    // A migration's SQLite failure means what it meant on the main connection (VAULT_CORRUPT …).
    const error = request.task === 'migrate' ? translateSqliteError(thrown) : thrown;
    const known = error instanceof UprightError;
    port.postMessage({
      type: 'failed',
      code: known ? error.code : null,
      params: known ? (error.params as Record<string, string | number>) : {},
      step,
    } satisfies VaultWorkerMessage);
  } finally {
    key.fill(0);
    // A plain close: checkpointing is the main connection's business (it may be writing now).
    if (db?.open) db.close();
  }
}
