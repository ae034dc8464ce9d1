// The suggestion queue writes its cache through an import batch's vault worker while one is open;
// otherwise on the main process — and while an import stores a file in the vault worker (holding the
// write lock), that write waits for it without blocking, then goes ahead.
import { describe, expect, it } from 'vitest';
import { SuggestionQueue, type WriteGate } from '../../../src/main/annotate/suggestion-queue.ts';
import type { Store } from '../../../src/main/store/index.ts';

function fakeStore(writes: string[]): Store {
  return {
    transaction: <T>(fn: () => T) => fn(),
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

  it('writes through the import batch’s worker while one is open, and here when it has just ended', async () => {
    const writes: string[] = [];
    const elsewhere: string[] = [];
    let open = true;
    const queue = new SuggestionQueue({
      compute: async () => [],
      writeGate: { busy: () => false, idle: async () => {} },
      writeElsewhere: (_store, sourceId) => {
        elsewhere.push(sourceId);
        return open ? Promise.resolve(true) : Promise.reject(new Error('the batch ended'));
      },
    });
    const store = fakeStore(writes);
    const first = queue.request(store, { id: 'a', text: 'Text of a', language: 'en', date: null });
    if (first.status === 'computing') await first.done;
    open = false;
    const second = queue.request(store, { id: 'b', text: 'Text of b', language: 'en', date: null });
    if (second.status === 'computing') await second.done;
    expect(elsewhere).toEqual(['a', 'b']);
    expect(writes).toEqual(['b']);
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
