import { useCallback, useEffect, useRef } from 'react';
import { saveBeforeLock } from '../api/lock.ts';

/**
 * Registers this component's pending edit for as long as it is on screen: when the vault is about
 * to lock, `save` (as of the latest render) runs; null means nothing is pending.
 */
export function useSaveBeforeLock(save: (() => Promise<unknown>) | null): void {
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => saveBeforeLock(async () => latest.current?.()), []);
}

/**
 * A form whose fields differ from what it opened with (or last saved) holds a pending edit: a lock
 * saves it as the form's own button would, when `canSave` says the form would accept it.
 * Returns markSaved(), to call after a save so the same values are not sent again.
 */
export function useSaveFormBeforeLock(values: unknown, save: () => Promise<unknown>, canSave: boolean): () => void {
  const snapshot = JSON.stringify(values);
  const baseline = useRef(snapshot);
  useSaveBeforeLock(canSave && snapshot !== baseline.current ? save : null);
  return useCallback(() => {
    baseline.current = snapshot;
  }, [snapshot]);
}
