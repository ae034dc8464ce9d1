// Runs tasks of a worker entry in a worker thread that can be killed: a heap cap (V8's
// resourceLimits), a wall-clock limit per task and a watch on the whole process's memory
// (resourceLimits do not count ArrayBuffers and Buffers, where a decompression bomb lives). Input goes
// in and the result comes back as plain data (structured clone); an UprightError thrown in the task
// comes back with the same code and params. The calling thread only waits, so it stays responsive.
// A worker serves one task at a time and is kept for the next one until a limit, a cancel or a crash
// kills it; the next task then gets a fresh worker.
import { Worker } from 'node:worker_threads';
import { errorFromPayload, isErrorCode } from '../../shared/errors.ts';
import type { MessageParams } from '../../shared/i18n/define.ts';

export interface TaskLimits {
  /** Wall-clock limit for the task, worker start-up included. */
  timeoutMs: number;
  /** Stop the worker when the process's resident memory grows by more than this during the task. */
  rssGrowthBytes: number;
}

export type StopReason = 'timeout' | 'memory' | 'cancelled' | 'crashed';

/** The worker was stopped before it answered: by a limit, a cancel, or its own crash. */
export class WorkerStopped extends Error {
  readonly reason: StopReason;
  constructor(reason: StopReason, cause?: unknown) {
    super(`worker stopped: ${reason}`);
    this.name = 'WorkerStopped';
    this.reason = reason;
    if (cause !== undefined) this.cause = cause;
  }
}

/** What the parent posts (see serve.ts). */
export interface WorkerRequest {
  id: number;
  task: string;
  input: unknown;
}

/** What a worker entry posts back (see serve.ts). */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string | null; params: MessageParams; name: string } };

export interface RunOptions {
  limits: TaskLimits;
  signal?: AbortSignal;
  /** Buffers moved into the worker instead of copied (the caller must not use them afterwards). */
  transfer?: ArrayBuffer[];
}

/** How often the process's memory is looked at while a task runs. */
const MEMORY_POLL_MS = 25;

export class KillableWorker {
  readonly #entry: URL;
  readonly #heapMb: number;
  #worker: Worker | null = null;
  #busy = false;
  #nextId = 1;

  /** `heapMb` caps the worker's V8 heap (old generation) for its whole life. */
  constructor(entry: URL, heapMb: number) {
    this.#entry = entry;
    this.#heapMb = heapMb;
  }

  /** Runs `task` with `input`; resolves with its result. One task at a time. */
  run<T>(task: string, input: unknown, options: RunOptions): Promise<T> {
    const { limits, signal } = options;
    if (this.#busy) return Promise.reject(new Error('KillableWorker runs one task at a time'));
    if (signal?.aborted) return Promise.reject(new WorkerStopped('cancelled'));
    this.#busy = true;
    const worker = this.#spawn();
    worker.ref();
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const startRss = process.memoryUsage.rss();
      let settled = false;
      const finish = (kill: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.#busy = false;
        if (kill) this.#kill(worker);
        else worker.unref(); // an idle worker never keeps the process alive
        outcome();
      };
      const stop = (reason: StopReason, cause?: unknown) =>
        finish(true, () => reject(new WorkerStopped(reason, cause)));
      const timer = setTimeout(() => stop('timeout'), limits.timeoutMs);
      const watch = setInterval(() => {
        if (process.memoryUsage.rss() - startRss > limits.rssGrowthBytes) stop('memory');
      }, MEMORY_POLL_MS);
      const onAbort = () => stop('cancelled');
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        finish(false, () => (reply.ok ? resolve(reply.value as T) : reject(replyError(reply.error))));
      };
      const onError = (error: Error & { code?: string }) =>
        stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed', error);
      const onExit = (code: number) => stop('crashed', new Error(`worker exited with code ${code}`));
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      const request: WorkerRequest = { id, task, input };
      worker.postMessage(request, options.transfer ?? []);
    });
  }

  /** Ends the worker (idle or not); a later run starts a fresh one. */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (worker) {
      this.#worker = null;
      await worker.terminate();
    }
  }

  #spawn(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.#heapMb, maxYoungGenerationSizeMb: 16 },
      // The worker's console output is not shown anywhere: parsers may print text from the file.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    // A worker that dies while idle is simply replaced at the next task.
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
    });
    worker.on('error', () => {});
    this.#worker = worker;
    return worker;
  }

  #kill(worker: Worker): void {
    if (this.#worker === worker) this.#worker = null;
    void worker.terminate();
  }
}

/** Runs one task in a fresh worker that is ended afterwards. */
export async function runInWorker<T>(
  entry: URL,
  heapMb: number,
  task: string,
  input: unknown,
  options: RunOptions,
): Promise<T> {
  const worker = new KillableWorker(entry, heapMb);
  try {
    return await worker.run<T>(task, input, options);
  } finally {
    await worker.close();
  }
}

function replyError(error: { code: string | null; params: MessageParams; name: string }): Error {
  if (isErrorCode(error.code)) return errorFromPayload({ code: error.code, params: error.params });
  const plain = new Error('task failed');
  plain.name = error.name;
  return plain;
}
