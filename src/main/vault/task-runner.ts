// One heavy vault task at a time (verify or backup), in the vault worker, with progress and cancel.
// The main process only posts the request and waits: it never blocks on SQLite for these tasks.
// - A second task while one runs: VAULT_TASK_RUNNING — except that a task the person asked for
//   cancels the idle integrity check (background) and waits for it, rather than being refused.
// - cancel(): sets the shared flag the worker reads between steps; if the worker has not stopped
//   within CANCEL_GRACE_MS (it may be inside one long SQLite call: integrity_check, VACUUM INTO),
//   it is terminated. The task's promise rejects with TASK_CANCELLED only once the worker has
//   exited, so a backup's caller can remove the partial copy knowing nothing writes it any more.
import { Worker } from 'node:worker_threads';
import type { TaskProgress, VaultTaskKind } from '../../shared/api/vault.ts';
import { errorFromPayload, isErrorCode, UprightError } from '../../shared/errors.ts';
import type { VaultWorkerMessage, VaultWorkerRequest } from '../workers/vault-worker.ts';
import type { TaskStep } from './checks.ts';

/** How long a cancelled task may take to notice before its worker is terminated. */
export const CANCEL_GRACE_MS = 300;

export interface TaskRequest {
  kind: VaultTaskKind;
  background: boolean;
  file: string;
  /** Copied into a buffer that is transferred to the worker. */
  key: Buffer;
  copyFile?: string;
  /** Extra progress the main side can see (a backup's copy growing on disk); called every POLL_MS. */
  poll?: () => { step: TaskStep; done: number; total: number } | null;
}

const POLL_MS = 250;

interface Running {
  kind: VaultTaskKind;
  background: boolean;
  cancel: () => void;
  /** Settles (never rejects) once the worker has exited. */
  exited: Promise<void>;
}

export class VaultTaskRunner {
  readonly #entry: () => URL;
  readonly #onProgress: (progress: TaskProgress) => void;
  #running: Running | null = null;

  constructor(entry: () => URL, onProgress: (progress: TaskProgress) => void) {
    this.#entry = entry;
    this.#onProgress = onProgress;
  }

  /** The running task's kind, or null. */
  running(): VaultTaskKind | null {
    return this.#running?.kind ?? null;
  }

  /** Asks the running task to stop; resolves once its worker has exited. False when none ran. */
  async cancel(): Promise<boolean> {
    const running = this.#running;
    if (!running) return false;
    running.cancel();
    await running.exited;
    return true;
  }

  /** Resolves when no task runs (after its worker has exited). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running.exited;
  }

  async run<T>(request: TaskRequest): Promise<T> {
    const current = this.#running;
    if (current) {
      if (!current.background || request.background) {
        throw new UprightError('VAULT_TASK_RUNNING', { running: current.kind });
      }
      await this.cancel(); // the person's own task goes before the idle check
      if (this.#running) throw new UprightError('VAULT_TASK_RUNNING', { running: this.#running.kind });
    }
    return this.#start<T>(request);
  }

  #start<T>(request: TaskRequest): Promise<T> {
    const { kind, background } = request;
    const cancelFlag = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancelFlag);
    // A copy of the key, moved into the worker: after postMessage this side's view is detached.
    const key = new ArrayBuffer(request.key.length);
    Buffer.from(key).set(request.key);
    const worker = new Worker(this.#entry(), { stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    let markExited: () => void = () => {};
    const exited = new Promise<void>((resolve) => {
      markExited = resolve;
    });
    let cancelled = false;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const running: Running = {
      kind,
      background,
      exited,
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        Atomics.store(flag, 0, 1);
        graceTimer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
      },
    };
    this.#running = running;
    const emit = (step: TaskStep, done: number, total: number, finished = false) => {
      try {
        this.#onProgress({ task: kind, background, step, done, total, finished });
      } catch {
        // a listener's failure does not stop the task
      }
    };
    let lastStep: TaskStep = kind === 'verify' ? 'pages' : 'copy';
    let failedStep: TaskStep | 'start' = 'start';
    let outcome: { ok: true; value: unknown } | { ok: false; error: Error } | null = null;

    const poll = request.poll
      ? setInterval(() => {
          const seen = request.poll?.();
          if (seen && seen.step === lastStep) emit(seen.step, seen.done, seen.total);
        }, POLL_MS)
      : undefined;

    worker.on('message', (message: VaultWorkerMessage) => {
      if (message.type === 'progress') {
        lastStep = message.step;
        emit(message.step, message.done, message.total);
      } else if (message.type === 'done') {
        outcome = { ok: true, value: message.value };
      } else if (message.type === 'failed') {
        failedStep = message.step;
        outcome = {
          ok: false,
          error: isErrorCode(message.code)
            ? errorFromPayload({ code: message.code, params: message.params })
            : new Error('vault task failed'),
        };
      }
    });
    worker.on('error', (error) => {
      outcome ??= { ok: false, error };
    });

    return new Promise<T>((resolve, reject) => {
      worker.once('exit', () => {
        clearTimeout(graceTimer);
        clearInterval(poll);
        if (this.#running === running) this.#running = null;
        markExited();
        emit(lastStep, 0, 0, true);
        const result = outcome as typeof outcome;
        if (result?.ok && !cancelled) return resolve(result.value as T);
        if (cancelled) return reject(new UprightError('TASK_CANCELLED', { task: kind }));
        if (result && !result.ok && result.error instanceof UprightError) return reject(result.error);
        // The worker died or failed without one of our codes.
        reject(
          kind === 'verify'
            ? new UprightError('VERIFY_FAILED', { step: failedStep })
            : new UprightError('BACKUP_FAILED'),
        );
      });
      // Each task gets a fresh worker that ends with it (its connection and key go with it).
      const message: VaultWorkerRequest = {
        task: kind,
        file: request.file,
        key,
        cancel: cancelFlag,
        ...(request.copyFile ? { copyFile: request.copyFile } : {}),
      };
      worker.postMessage(message, [key]); // the worker ends by itself after this one task
    });
  }
}
