// Locking from the window (button, Ctrl+L) first saves what is still waiting to be saved — the last
// words typed in a draft — so locking never costs a lawyer their sentence. The wait is short and
// bounded: locking is a safety action and must happen even if a save hangs.
import { invoke } from './client.ts';

const BEFORE_LOCK_LIMIT_MS = 1500;
const savers = new Set<() => Promise<void>>();

/** Registers work to finish before the window locks the vault; returns the unregister function. */
export function saveBeforeLock(save: () => Promise<void>): () => void {
  savers.add(save);
  return () => {
    savers.delete(save);
  };
}

export async function lockVault(): Promise<void> {
  const pending = Promise.allSettled([...savers].map((save) => save()));
  await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, BEFORE_LOCK_LIMIT_MS))]);
  await invoke('vault.lock', {});
}
