// Auto-lock policy, free of Electron so it can be tested with fake clocks: the Electron shell feeds
// it powerMonitor's idle time and events (src/main/app/), the CLI and the test bridge need none.
// A laptop left open is the second way a case file is lost (SECURITY.md): lock after the chosen
// minutes of inactivity, and at once when the machine sleeps or the screen locks.

export type SystemEvent = 'suspend' | 'lock-screen' | 'locked-idle-state';

export interface AutoLockOptions {
  /** Minutes of inactivity before locking (the vault's autoLockMinutes setting). */
  minutes: () => number;
  /** Seconds since the last keyboard or mouse input (Electron: powerMonitor.getSystemIdleTime()). */
  idleSeconds: () => number;
  /**
   * Locks the vault, saying why. May be asynchronous (the lock path first asks windows to save);
   * a failure is left for the next check to retry, since the vault is then still unlocked.
   */
  lock: (reason: 'idle' | SystemEvent) => unknown;
  /** Whether there is anything to lock; defaults to always (lock() is idempotent anyway). */
  isUnlocked?: () => boolean;
}

export class AutoLock {
  readonly #options: AutoLockOptions;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(options: AutoLockOptions) {
    this.#options = options;
  }

  /** Locks if the machine has been idle for the configured time. Returns whether it locked. */
  check(): boolean {
    if (!this.#unlocked()) return false;
    const minutes = this.#options.minutes();
    if (!(minutes > 0)) return false;
    if (this.#options.idleSeconds() < minutes * 60) return false;
    this.#lock('idle');
    return true;
  }

  /**
   * Suspend, screen lock (macOS/Windows 'lock-screen'), or Linux's 'locked' idle state (polled,
   * since powerMonitor's lock-screen never fires there): lock immediately. Returns whether it locked.
   */
  systemEvent(event: SystemEvent): boolean {
    if (!this.#unlocked()) return false;
    this.#lock(event);
    return true;
  }

  /** Calls check() every `everyMs` until stop(). The timer does not keep the process alive. */
  start(everyMs = 15_000): void {
    this.stop();
    this.#timer = setInterval(() => this.check(), everyMs);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #lock(reason: 'idle' | SystemEvent): void {
    Promise.resolve(this.#options.lock(reason)).catch(() => undefined);
  }

  #unlocked(): boolean {
    return this.#options.isUnlocked ? this.#options.isUnlocked() : true;
  }
}
