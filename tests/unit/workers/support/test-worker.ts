// A worker entry for the worker plumbing's own tests: tasks that answer, fail, spin, or eat memory
// on the V8 heap or outside it (Buffers, which resourceLimits do not count).

import { serveTasks } from '../../../../src/main/workers/serve.ts';
import { UprightError } from '../../../../src/shared/errors.ts';

const kept: unknown[] = [];

serveTasks({
  echo: (input: { text: string; bytes: Uint8Array }) => ({
    text: input.text.toUpperCase(),
    length: input.bytes.length,
  }),
  refuse: () => {
    throw new UprightError('FILE_OVER_LIMIT', { size: 3, limit: 2 });
  },
  crashQuietly: () => {
    throw new TypeError('a parser bug quoting the file: SECRET-WORDS');
  },
  spin: () => {
    for (;;) {
      // A parser stuck in one synchronous call: only terminating the worker stops it.
    }
  },
  fillHeap: () => {
    for (;;) kept.push(new Array(100_000).fill({ n: kept.length }));
  },
  fillBuffers: () => {
    for (;;) kept.push(Buffer.alloc(16 * 1024 * 1024, 1));
  },
});
