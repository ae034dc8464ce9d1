// Runs the suggestion extractors off the main thread: one worker, one job at a time, each with a
// time limit after which the worker is terminated (a booby-trapped text cannot hold it forever)
// and a fresh one serves the next job. The worker is unref'd: it never keeps the CLI alive.
import { Worker } from 'node:worker_threads';
import { type Suggestion as Found, suggest } from '../extract/index.ts';

export type { Found };

/** What the extractors need: the text, and what the source says about its language and date. */
export interface ExtractionInput {
  text: string;
  language?: string;
  /** ISO date the text was written, giving a year to dates written without one. */
  referenceDate?: string;
}

export interface ExtractionJob extends ExtractionInput {
  id: number;
}

export type ExtractionReply = { id: number; suggestions: Found[] } | { id: number; failed: true };

/** Why a computation produced nothing: the worker was stopped for taking too long, or it failed. */
export type ExtractionFailure = 'timeout' | 'error';

export class ExtractionError extends Error {
  readonly reason: ExtractionFailure;
  constructor(reason: ExtractionFailure) {
    super(`Suggestion extraction ${reason === 'timeout' ? 'timed out' : 'failed'}`);
    this.reason = reason;
  }
}

/** Computes suggestions for a text; the queue takes any such function (tests count the calls). */
export type ComputeSuggestions = (input: ExtractionInput) => Promise<Found[]>;

/** The same extraction on the calling thread: for tests and tools that want no worker. */
export const computeInProcess: ComputeSuggestions = async (input) =>
  suggest(input.text, {
    ...(input.language ? { language: input.language } : {}),
    ...(input.referenceDate ? { referenceDate: new Date(input.referenceDate) } : {}),
  });

/**
 * The worker's script: the built file beside the bundled main process, or this folder's TypeScript
 * source when running from the sources (Node strips the types).
 */
export function workerScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./suggestion-worker.ts', import.meta.url)
    : new URL('./suggestion-worker.js', import.meta.url);
}

/** Five minutes: far beyond the seconds a 300-page source takes, short enough to end a runaway. */
export const DEFAULT_EXTRACTION_TIMEOUT_MS = 5 * 60_000;

export class ExtractionThread {
  readonly #timeoutMs: number;
  readonly #script: URL;
  #worker: Worker | null = null;
  #nextId = 1;
  /** Jobs run one at a time: the queue above never sends a second before the first settles. */
  #pending: {
    id: number;
    resolve: (found: Found[]) => void;
    reject: (e: Error) => void;
    timer: NodeJS.Timeout;
  } | null = null;

  constructor(options: { timeoutMs?: number; script?: URL } = {}) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_EXTRACTION_TIMEOUT_MS;
    this.#script = options.script ?? workerScript();
  }

  readonly compute: ComputeSuggestions = (input) =>
    new Promise<Found[]>((resolve, reject) => {
      if (this.#pending) {
        reject(new Error('ExtractionThread runs one job at a time'));
        return;
      }
      const worker = this.#ensureWorker();
      const id = this.#nextId++;
      const timer = setTimeout(() => this.#fail(new ExtractionError('timeout')), this.#timeoutMs);
      this.#pending = { id, resolve, reject, timer };
      worker.ref(); // kept alive while it works for someone…
      worker.postMessage({ id, ...input } satisfies ExtractionJob);
    });

  /** Stops the worker (a job in progress fails); the next job starts a fresh one. */
  close(): void {
    this.#fail(new ExtractionError('error'));
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#script);
    worker.on('message', (reply: ExtractionReply) => {
      const pending = this.#pending;
      if (!pending || reply.id !== pending.id) return;
      clearTimeout(pending.timer);
      this.#pending = null;
      worker.unref(); // …and idle, it never holds the process open.
      if ('failed' in reply) pending.reject(new ExtractionError('error'));
      else pending.resolve(reply.suggestions);
    });
    worker.on('error', () => this.#fail(new ExtractionError('error')));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
      this.#fail(new ExtractionError('error'));
    });
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #fail(error: ExtractionError): void {
    const pending = this.#pending;
    const worker = this.#worker;
    this.#pending = null;
    if (pending) {
      clearTimeout(pending.timer);
      // The worker may be stuck in the job: end it, a new one serves the next job.
      this.#worker = null;
      void worker?.terminate();
      pending.reject(error);
    } else if (error.reason === 'error' && worker) {
      this.#worker = null;
      void worker.terminate();
    }
  }
}
