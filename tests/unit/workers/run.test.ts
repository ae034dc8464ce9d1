// The killable worker every parse (and later the database) runs in: results come back as data, and a
// task that spins, fills its heap or fills memory outside the heap is stopped at its limit while the
// calling thread stays free.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { KillableWorker, runInWorker, WorkerStopped } from '../../../src/main/workers/run.ts';
import { UprightError } from '../../../src/shared/errors.ts';

const ENTRY = new URL('./support/test-worker.ts', import.meta.url);
const LIMITS = { timeoutMs: 20_000, rssGrowthBytes: 512 * 1024 * 1024 };
const workers: KillableWorker[] = [];

function worker(heapMb = 128): KillableWorker {
  const created = new KillableWorker(ENTRY, heapMb);
  workers.push(created);
  return created;
}

async function stopped(promise: Promise<unknown>): Promise<WorkerStopped> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkerStopped);
  return error as WorkerStopped;
}

afterEach(async () => {
  for (const w of workers.splice(0)) await w.close();
});

describe('a task in a killable worker', () => {
  it('gets its input as data and answers with data', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const answer = await runInWorker(ENTRY, 64, 'echo', { text: 'report', bytes }, { limits: LIMITS });
    expect(answer).toEqual({ text: 'REPORT', length: 3 });
  });

  it('brings back an UprightError with its code and params, and nothing of any other error', async () => {
    const w = worker();
    await expect(w.run('refuse', null, { limits: LIMITS })).rejects.toMatchObject({
      code: 'FILE_OVER_LIMIT',
      params: { size: 3, limit: 2 },
    });
    const other = await w.run('crashQuietly', null, { limits: LIMITS }).catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(UprightError);
    expect(String((other as Error).message)).not.toContain('SECRET-WORDS');
  });

  it('is stopped at its time limit even when stuck in one synchronous loop, and the caller stays free', async () => {
    const w = worker();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const error = await stopped(w.run('spin', null, { limits: { ...LIMITS, timeoutMs: 1500 } }));
    const took = performance.now() - started;
    delay.disable();
    expect(error.reason).toBe('timeout');
    expect(took).toBeGreaterThanOrEqual(1500);
    expect(took).toBeLessThan(10_000);
    // The spinning worker never held up this thread's timers for long.
    expect(delay.max / 1e6).toBeLessThan(1000);
    // The next task gets a fresh worker.
    expect(await w.run('echo', { text: 'next', bytes: new Uint8Array(1) }, { limits: LIMITS })).toEqual({
      text: 'NEXT',
      length: 1,
    });
  });

  it('is stopped when its heap passes the cap', async () => {
    const error = await stopped(worker(64).run('fillHeap', null, { limits: LIMITS }));
    expect(error.reason).toBe('memory');
  });

  it('is stopped when the process grows past the limit outside the heap (Buffers), before it gets near it twice', async () => {
    const rssGrowthBytes = 256 * 1024 * 1024;
    const before = process.memoryUsage.rss();
    let peak = before;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    const error = await stopped(worker(64).run('fillBuffers', null, { limits: { ...LIMITS, rssGrowthBytes } }));
    clearInterval(sample);
    expect(error.reason).toBe('memory');
    expect(peak - before).toBeLessThan(rssGrowthBytes * 2);
  });

  it('is stopped at once when cancelled', async () => {
    const controller = new AbortController();
    const w = worker();
    const running = w.run('spin', null, { limits: LIMITS, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const error = await stopped(running);
    expect(error.reason).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
