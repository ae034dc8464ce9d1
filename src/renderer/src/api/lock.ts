// Every way of locking (button, Ctrl+L, the menu, auto-lock, sleep, screen lock, quitting) goes
// through main's one lock path: main pushes `vault.locking`, this page saves what is still waiting
// to be saved — the last words of a draft, an excerpt note being typed, an open form — and answers
// `vault.flushed`; then main locks and throws the page away. The wait is short and bounded on both
// sides: locking is a safety action and must happen even if a save hangs.
import { invoke, subscribe } from './client.ts';

/** Each save gets this long; main waits a little longer for the answer, then locks anyway. */
const SAVE_LIMIT_MS = 1500;
const savers = new Set<() => Promise<unknown>>();

/**
 * Registers a pending edit to save before the vault locks; returns the unregister function.
 * The save should do nothing when nothing is pending.
 */
export function saveBeforeLock(save: () => Promise<unknown>): () => void {
  savers.add(save);
  return () => {
    savers.delete(save);
  };
}

/** Saves every registered pending edit, each failure on its own, within the limit. */
export async function savePendingEdits(): Promise<void> {
  const pending = Promise.allSettled([...savers].map(async (save) => save()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise((resolve) => {
    timer = setTimeout(resolve, SAVE_LIMIT_MS);
  });
  await Promise.race([pending, limit]);
  clearTimeout(timer);
}

/** The Lock button and Ctrl+L: main asks this page (and any other) to save first. */
export async function lockVault(): Promise<void> {
  await invoke('vault.lock', {});
}

/**
 * Answers main's requests to save before a lock, and reloads the page when main asks (the browser
 * preview, where main cannot reload it itself). Returns the function that stops answering.
 */
export function answerLockRequests(): () => void {
  const stopLocking = subscribe('vault.locking', ({ requestId }) => {
    void savePendingEdits()
      .then(() => invoke('vault.flushed', { requestId }))
      .catch(() => undefined);
  });
  const stopReload = subscribe('window.reload', () => window.location.reload());
  return () => {
    stopLocking();
    stopReload();
  };
}
