// The one way the vault is locked, whatever asked for it: the Lock button, Ctrl/Cmd+L, the menu,
// auto-lock after idle minutes, sleep, screen lock, quitting. Free of Electron, so every trigger is
// tested under plain Node; each shell only says how many windows it has and how to discard them.
//
// Locking is a safety action, and it must not cost a lawyer the sentence they were typing:
//   1. every window is asked to save what it has not saved yet (the `vault.locking` event) and
//      answers with `vault.flushed` — or the wait runs out, because a hung or hostile page must
//      never keep the vault open;
//   2. the vault closes its database and zeroes its key;
//   3. every window's page is thrown away (reloaded), so nothing decrypted stays in its memory.
import { randomUUID } from 'node:crypto';
import type { EventBus } from '../events.ts';
import { AutoLock, type SystemEvent } from './auto-lock.ts';

/** What asked for the lock: the window (button, shortcut), the menu, the idle timer, the system, quitting. */
export type LockReason = 'window' | 'menu' | 'idle' | SystemEvent | 'quit';

/** The windows showing the vault, as the shell sees them. */
export interface Windows {
  /** How many pages will answer a request to save (Electron: open windows; the bridge: its event streams). */
  count(): number;
  /** Throws away every page and its memory (Electron reloads the window; the bridge asks the page to). */
  discard(): void;
}

/** The part of a vault the locker needs. */
export interface Lockable {
  status(): { state: 'absent' | 'locked' | 'unlocked'; autoLockMinutes: number };
  lock(): void;
  /** Cancels a running verify or backup and waits (briefly) for it, then locks. */
  lockAfterTasks?(): Promise<void>;
}

/** How long the windows have, all together, to save what is pending before the vault locks anyway. */
export const SAVE_WAIT_MS = 2000;

export interface LockerOptions {
  events: EventBus;
  /** The vault open now (the person's own or the sample). */
  vault: () => Lockable;
  waitMs?: number;
}

export interface LockOutcome {
  reason: LockReason;
  /** False when there was nothing open: nothing was asked, nothing discarded. */
  wasUnlocked: boolean;
  /** Pages asked to save, and how many answered before the wait ran out. */
  asked: number;
  answered: number;
  /** Whether the pages were thrown away afterwards (not when quitting: the window is closing anyway). */
  discarded: boolean;
}

interface Request {
  id: string;
  asked: number;
  answered: number;
  allAnswered: () => void;
}

export class Locker {
  readonly #options: LockerOptions;
  #windows: Windows | null = null;
  #inFlight: Promise<LockOutcome> | null = null;
  #request: Request | null = null;

  constructor(options: LockerOptions) {
    this.#options = options;
  }

  /** The shell tells the locker about its windows; returns the function that detaches them. */
  attach(windows: Windows): () => void {
    this.#windows = windows;
    return () => {
      if (this.#windows === windows) this.#windows = null;
    };
  }

  /**
   * Saves what the windows hold, locks, discards the pages. A second call while one runs joins it:
   * the menu's accelerator and the page's own Ctrl+L may both fire for one key press.
   */
  lock(reason: LockReason): Promise<LockOutcome> {
    if (this.#inFlight) return this.#inFlight;
    const run = this.#run(reason).finally(() => {
      this.#inFlight = null;
    });
    this.#inFlight = run;
    return run;
  }

  /** A page has saved everything it held for this request. Unknown or stale requests count for nothing. */
  flushed(requestId: string): boolean {
    const request = this.#request;
    if (!request || request.id !== requestId) return false;
    request.answered++;
    if (request.answered >= request.asked) request.allAnswered();
    return true;
  }

  async #run(reason: LockReason): Promise<LockOutcome> {
    const vault = this.#options.vault();
    if (vault.status().state !== 'unlocked') {
      vault.lock(); // idempotent; also cancels an unlock still deriving its key
      return { reason, wasUnlocked: false, asked: 0, answered: 0, discarded: false };
    }
    const windows = this.#windows;
    const asked = windows?.count() ?? 0;
    let answered = 0;
    const discard = reason !== 'quit' && windows !== null;
    try {
      answered = await this.#askToSave(asked);
      // A running verify or backup is cancelled and let go first, so the close empties the WAL.
      if (vault.lockAfterTasks) await vault.lockAfterTasks();
      else vault.lock();
    } finally {
      // Even if closing failed, the pages are thrown away: a fresh page asks for the vault's state.
      if (discard && windows) windows.discard();
    }
    return { reason, wasUnlocked: true, asked, answered, discarded: discard };
  }

  #askToSave(asked: number): Promise<number> {
    const id = randomUUID();
    return new Promise<number>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        if (timer) clearTimeout(timer);
        const answered = request.answered;
        if (this.#request === request) this.#request = null;
        resolve(answered);
      };
      const request: Request = { id, asked, answered: 0, allAnswered: finish };
      if (asked <= 0) return finish();
      this.#request = request;
      timer = setTimeout(finish, this.#options.waitMs ?? SAVE_WAIT_MS);
      this.#options.events.emit('vault.locking', { requestId: id });
    });
  }
}

/**
 * Auto-lock wired to the locker: idle minutes from the open vault's setting, and sleep or screen
 * lock at once — every one of them through the same lock path as the button. The shell supplies
 * the idle seconds (Electron: powerMonitor; the preview: time since its last API call).
 */
export function autoLockThrough(locker: Locker, vault: () => Lockable, idleSeconds: () => number): AutoLock {
  return new AutoLock({
    minutes: () => vault().status().autoLockMinutes,
    idleSeconds,
    isUnlocked: () => vault().status().state === 'unlocked',
    lock: (reason) => locker.lock(reason),
  });
}
