// The suggestion queue writes its cache on the main process: while an import stores a file in the
// vault worker (holding the write lock), the write waits for it without blocking, then goes ahead.
import { describe, expect, it } from 'vitest';
import { SuggestionQueue, type WriteGate } from '../../../src/main/annotate/suggestion-queue.ts';
import type { Store } from '../../../src/main/store/index.ts';

function fakeStore(writes: string[]): Store {
  return {
    sources: {
      textForSuggestions: (id: string) => ({ id, text: `Text of ${id}`, language: 'en', date: null }),
    },
    suggestions: {
      read: () => null,
      write: (sourceId: string) => {
        writes.push(sourceId);
        return true;
      },
    },
  } as unknown as Store;
}

describe('the suggestion queue', () => {
  it('waits for the import to finish storing a file before writing its cache', async () => {
    const writes: string[] = [];
    let busy = true;
    let release: () => void = () => {};
    const idle = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gate: WriteGate = { busy: () => busy, idle: () => idle };
    const ready: string[] = [];
    const queue = new SuggestionQueue({ compute: async () => [], onReady: (id) => ready.push(id), writeGate: gate });
    const state = queue.request(fakeStore(writes), { id: 's1', text: 'Text of s1', language: 'en', date: null });
    expect(state.status).toBe('computing');
    // Computed, but the import still stores a file: nothing is written yet.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([]);
    busy = false;
    release();
    if (state.status === 'computing') await state.done;
    expect(writes).toEqual(['s1']);
    expect(ready).toEqual(['s1']);
  });

  it('writes at once when no import is storing', async () => {
    const writes: string[] = [];
    const queue = new SuggestionQueue({
      compute: async () => [],
      writeGate: { busy: () => false, idle: async () => {} },
    });
    queue.enqueue(fakeStore(writes), 's2');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(writes).toEqual(['s2']);
  });
});
