import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../../shared/api.ts';
import type { DraftBody, DraftCover } from '../../../../shared/draft.ts';
import { invoke } from '../../api/client.ts';
import { areasChangedBy } from '../../api/invalidation.ts';
import { saveBeforeLock } from '../../api/lock.ts';
import { invalidateAreas } from '../../api/queries.ts';

export interface DraftPatch {
  title?: string;
  cover?: DraftCover;
  body?: DraftBody;
}

/** A failed save keeps what went wrong, worded where it is shown. */
export type SaveState = { state: 'saved' | 'pending' | 'saving' } | { state: 'error'; error: unknown };

/** How long typing may pause before the draft is saved. */
const DELAY_MS = 700;

/**
 * Saves a draft as the user types: changes are merged and sent after a pause, one save at a time,
 * the newest value of each field winning. A failed save keeps its changes for the next attempt.
 * flush() saves now and resolves once everything typed so far is stored (export and versions wait on it).
 * Each save marks the draft's cached reads stale (its notes, checks, word count, the list), without
 * waiting for them to load again: the lock path waits on flush() and must not wait on reads.
 */
export function useAutosave(id: string, onSaved?: (draft: Draft) => void) {
  const [status, setStatus] = useState<SaveState>({ state: 'saved' });
  const pending = useRef<DraftPatch>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;

  const run = useCallback(async (): Promise<void> => {
    while (Object.keys(pending.current).length > 0) {
      const patch = pending.current;
      pending.current = {};
      setStatus({ state: 'saving' });
      try {
        const saved = await invoke('draft.update', { id, ...patch });
        void invalidateAreas(areasChangedBy('draft.update'));
        savedRef.current?.(saved);
      } catch (e) {
        // Keep what failed, under anything typed since.
        pending.current = { ...patch, ...pending.current };
        setStatus({ state: 'error', error: e });
        throw e;
      }
    }
    setStatus({ state: 'saved' });
  }, [id]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // One save at a time: wait for the one in flight, then send what is left.
    while (running.current) await running.current.catch(() => undefined);
    if (Object.keys(pending.current).length === 0) return;
    const current = run().finally(() => {
      running.current = null;
    });
    running.current = current;
    await current;
  }, [run]);

  const schedule = useCallback(
    (patch: DraftPatch) => {
      pending.current = { ...pending.current, ...patch };
      // The same state object while typing goes on: the editor does not re-render per keystroke for it.
      setStatus((s) => (s.state === 'pending' ? s : { state: 'pending' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush().catch(() => undefined), DELAY_MS);
    },
    [flush],
  );

  // Locking from the window waits (briefly) for the last words typed.
  useEffect(() => saveBeforeLock(() => flush().catch(() => undefined)), [flush]);

  // Leaving the editor saves what was typed in the last moments.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (Object.keys(pending.current).length > 0) {
        void invoke('draft.update', { id, ...pending.current })
          .then(() => invalidateAreas(areasChangedBy('draft.update')))
          .catch(() => undefined);
      }
    },
    [id],
  );

  return { status, schedule, flush };
}
