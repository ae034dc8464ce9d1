// Suggestions are computed in the background, one source at a time: queued when a source is
// imported or read again, or when the reader asks for a source whose cache is stale. The result is
// written to the vault's cache only if the source still has the text it was computed from, and
// whoever waits is told (an event for the reader, a promise for the CLI).
import type { Store } from '../store/index.ts';
import { cacheSuggestions, extractionInput, fingerprintOf, type SourceForSuggestions } from './fingerprint.ts';
import { type ComputeSuggestions, ExtractionError, type ExtractionFailure, type Found } from './suggestion-thread.ts';

export type SuggestionState =
  | { status: 'computing'; done: Promise<void> }
  | { status: 'failed'; reason: ExtractionFailure };

interface Job {
  store: Store;
  sourceId: string;
  fingerprint: string;
  done: Promise<void>;
  settle: () => void;
}

/**
 * Whether the vault's other writer (an import batch storing a file in the vault worker) holds the
 * write lock now, and when it lets go: a cache write on the main process would wait for it there,
 * blocking the main process for as long as the file takes to store.
 */
export interface WriteGate {
  busy(): boolean;
  idle(): Promise<void>;
}

export interface SuggestionQueueOptions {
  compute: ComputeSuggestions;
  /** Called when a source's suggestions are in its cache (the reader shows them). */
  onReady?: (sourceId: string) => void;
  /** Writes wait (without blocking) until it is not busy. */
  writeGate?: WriteGate;
  /**
   * Writes a computed cache elsewhere (an open import batch's vault worker); null when there is no
   * such writer now, and the queue writes on the store's own connection.
   */
  writeElsewhere?: (store: Store, sourceId: string, fingerprint: string, found: Found[]) => Promise<boolean> | null;
}

export class SuggestionQueue {
  readonly #compute: ComputeSuggestions;
  readonly #onReady: (sourceId: string) => void;
  readonly #gate: WriteGate | undefined;
  readonly #writeElsewhere: NonNullable<SuggestionQueueOptions['writeElsewhere']>;
  readonly #jobs: Job[] = [];
  /** Failures by source and fingerprint: a text that timed out is not tried again by itself. */
  readonly #failed = new Map<string, ExtractionFailure>();
  #running: Job | null = null;

  constructor(options: SuggestionQueueOptions) {
    this.#compute = options.compute;
    this.#onReady = options.onReady ?? (() => {});
    this.#gate = options.writeGate;
    this.#writeElsewhere = options.writeElsewhere ?? (() => null);
  }

  /**
   * Queues a source whose cache does not match its text (once: a source already waiting or being
   * computed for the same text is not queued twice). `retry` forgets an earlier failure.
   */
  request(store: Store, source: SourceForSuggestions, options: { retry?: boolean } = {}): SuggestionState {
    const fingerprint = fingerprintOf(source);
    const failureKey = `${source.id}:${fingerprint}`;
    if (options.retry) this.#failed.delete(failureKey);
    const failed = this.#failed.get(failureKey);
    if (failed) return { status: 'failed', reason: failed };
    const same = (j: Job | null) => j && j.store === store && j.sourceId === source.id && j.fingerprint === fingerprint;
    const waiting = same(this.#running) ? this.#running : this.#jobs.find(same);
    if (waiting) return { status: 'computing', done: waiting.done };
    let settle = () => {};
    const done = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.#jobs.push({ store, sourceId: source.id, fingerprint, done, settle });
    void this.#next();
    return { status: 'computing', done };
  }

  /** Queues a source just stored (after an import or a re-read); quietly skips one that is gone. */
  enqueue(store: Store, sourceId: string): void {
    try {
      // Only what the suggestions depend on: the main process reads no structure or page map here.
      const source = store.sources.textForSuggestions(sourceId);
      if (source && !store.suggestions.read(sourceId, fingerprintOf(source))) this.request(store, source);
    } catch {
      // Deleted or locked meanwhile: the reader computes it when the source is opened.
    }
  }

  /** Drops every job waiting (the vault was locked or switched); the one running finishes unwritten. */
  clear(): void {
    for (const job of this.#jobs.splice(0)) job.settle();
  }

  /** Through an import's vault worker while a batch runs, else here once no import is storing a file. */
  async #write(job: Job, found: Found[]): Promise<boolean> {
    const elsewhere = this.#writeElsewhere(job.store, job.sourceId, job.fingerprint, found);
    if (elsewhere) {
      try {
        return await elsewhere;
      } catch {
        // the batch ended meanwhile: written here instead
      }
    }
    while (this.#gate?.busy()) await this.#gate.idle();
    return cacheSuggestions(job.store, job.sourceId, job.fingerprint, found);
  }

  async #next(): Promise<void> {
    if (this.#running) return;
    const job = this.#jobs.shift();
    if (!job) return;
    this.#running = job;
    try {
      const source = job.store.sources.textForSuggestions(job.sourceId);
      if (!source || fingerprintOf(source) !== job.fingerprint) return; // gone, or read again since: a newer job follows
      const found = await this.#compute(extractionInput(source));
      // Written only if the text is still the one computed from (it may have been read again meanwhile).
      if (await this.#write(job, found)) this.#onReady(job.sourceId);
    } catch (error) {
      if (error instanceof ExtractionError) {
        this.#failed.set(`${job.sourceId}:${job.fingerprint}`, error.reason);
        this.#onReady(job.sourceId);
      }
      // Anything else: the source was deleted or the vault locked; nothing to write, nobody to tell.
    } finally {
      this.#running = null;
      job.settle();
      void this.#next();
    }
  }
}
