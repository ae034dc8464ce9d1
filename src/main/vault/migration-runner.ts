// An unlock that finds an older schema brings it up to date in the vault worker, not on the main
// process: a migration that rewrites every source (a one-off copy of each text, a new search index)
// takes seconds on a large vault, during which the window, the lock shortcut and auto-lock must keep
// working. Each step is announced as it starts ("step n of m" on the unlock screen). The steps run in
// one transaction on the worker's connection, as they did on the main one: a failure, or a lock that
// ends the worker, leaves the vault exactly as it was. The lock path uses the same one-task worker
// to checkpoint a large WAL before the main connection closes (checkpointInWorker).
import { Worker } from 'node:worker_threads';
import { errorFromPayload, isErrorCode, UprightError } from '../../shared/errors.ts';
import type { MigrationStep } from '../store/migrations/index.ts';
import type { VaultWorkerMessage, VaultWorkerRequest } from '../workers/vault-worker.ts';

export interface RunningMigration {
  /** The versions applied, once the worker has exited. */
  done: Promise<number[]>;
  /** Ends the worker at once (the vault is locking): the migration is rolled back. */
  terminate(): void;
}

/** `key` is copied into a buffer moved to the worker; the caller keeps (and zeroes) its own. */
export function migrateInWorker(
  entry: URL,
  file: string,
  key: Buffer,
  onStep: (step: MigrationStep) => void,
): RunningMigration {
  return runOnce<number[]>(entry, 'migrate', file, key, (message) => {
    if (message.type !== 'migration') return;
    try {
      onStep(message.step);
    } catch {
      // a listener's failure does not stop the migration
    }
  });
}

/**
 * Copies the WAL's pages into the database in the vault worker (PASSIVE: it waits for nobody), so
 * that the main connection's checkpoint when the vault locks has little left to do — after an
 * afternoon of edits it would otherwise write the whole WAL back on the main process.
 */
export function checkpointInWorker(
  entry: URL,
  file: string,
  key: Buffer,
): { done: Promise<unknown>; terminate(): void } {
  return runOnce<unknown>(entry, 'checkpoint', file, key, () => {});
}

/** One task of the vault worker, in a worker that ends with it. */
function runOnce<T>(
  entry: URL,
  task: 'migrate' | 'checkpoint',
  file: string,
  key: Buffer,
  onMessage: (message: VaultWorkerMessage) => void,
): { done: Promise<T>; terminate(): void } {
  const moved = new ArrayBuffer(key.length);
  Buffer.from(moved).set(key);
  const worker = new Worker(entry, { stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  let outcome: { ok: true; value: T } | { ok: false; error: Error } | null = null;
  let terminated = false;
  worker.on('message', (message: VaultWorkerMessage) => {
    if (message.type === 'done') outcome = { ok: true, value: message.value as T };
    else if (message.type === 'failed')
      outcome = {
        ok: false,
        error: isErrorCode(message.code)
          ? errorFromPayload({ code: message.code, params: message.params })
          : new Error(`${task} failed`),
      };
    else onMessage(message);
  });
  worker.on('error', (error) => {
    outcome ??= { ok: false, error };
  });
  const done = new Promise<T>((resolve, reject) => {
    worker.once('exit', () => {
      const result = outcome as typeof outcome;
      if (terminated) reject(new UprightError('CANCELLED'));
      else if (result?.ok) resolve(result.value);
      else reject(result?.error ?? new Error(`${task} failed`));
    });
  });
  const request: VaultWorkerRequest = { task, file, key: moved, cancel: new SharedArrayBuffer(4) };
  worker.postMessage(request, [moved]);
  return {
    done,
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
  };
}
