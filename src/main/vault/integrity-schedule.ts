// The full integrity check, in the background: unlock only checks the vault's structure (in time
// that does not grow with it), so reading every page is done when the person is away — after some
// minutes without input, at most once a day — and its result is kept in the vault. A damaged result
// is shown by its code (VAULT_DAMAGE_FOUND) in Settings. Free of Electron, tested with fake clocks:
// the shell feeds it the idle seconds, as it does the auto-lock.
// While the database is on the main process a check blocks it for as long as it reads (seconds on a
// big vault); the person is idle then by definition, and input resumes when it ends.

/** The outcome of the last full check, kept in the vault (settings) and shown in Settings → About. */
export interface IntegrityRecord {
  /** ISO 8601 time the check finished. */
  checkedAt: string;
  ok: boolean;
}

export const INTEGRITY_IDLE_MINUTES = 5;
export const INTEGRITY_EVERY_MS = 24 * 60 * 60 * 1000;

export interface DueInput {
  now: number;
  /** Seconds since the last keyboard or mouse input. */
  idleSeconds: number;
  last: IntegrityRecord | null;
  idleMinutes?: number;
  everyMs?: number;
}

/** Whether a full check should start now: idle long enough, and none in the last day. */
export function integrityCheckDue(input: DueInput): boolean {
  const idleMinutes = input.idleMinutes ?? INTEGRITY_IDLE_MINUTES;
  if (!(input.idleSeconds >= idleMinutes * 60)) return false;
  if (!input.last) return true;
  const lastAt = Date.parse(input.last.checkedAt);
  // A time that does not parse, or lies in the future (a clock set back), does not block checks forever.
  if (!Number.isFinite(lastAt) || lastAt > input.now) return true;
  return input.now - lastAt >= (input.everyMs ?? INTEGRITY_EVERY_MS);
}

/** What the schedule needs of the vault (Vault implements it). */
export interface CheckableVault {
  status(): { state: 'absent' | 'locked' | 'unlocked' };
  lastIntegrityCheck(): IntegrityRecord | null;
  /** Runs the full check and records its result. */
  checkIntegrity(): Promise<IntegrityRecord>;
}

export interface IntegrityScheduleOptions {
  vault: () => CheckableVault;
  idleSeconds: () => number;
  now?: () => number;
  idleMinutes?: number;
  everyMs?: number;
}

export class IntegritySchedule {
  readonly #options: IntegrityScheduleOptions;
  #running: Promise<IntegrityRecord> | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(options: IntegrityScheduleOptions) {
    this.#options = options;
  }

  /** Starts a check when one is due; returns its record, or null when none was started. */
  async tick(): Promise<IntegrityRecord | null> {
    if (this.#running) return null;
    const vault = this.#options.vault();
    if (vault.status().state !== 'unlocked') return null;
    const due = integrityCheckDue({
      now: (this.#options.now ?? Date.now)(),
      idleSeconds: this.#options.idleSeconds(),
      last: vault.lastIntegrityCheck(),
      ...(this.#options.idleMinutes !== undefined ? { idleMinutes: this.#options.idleMinutes } : {}),
      ...(this.#options.everyMs !== undefined ? { everyMs: this.#options.everyMs } : {}),
    });
    if (!due) return null;
    this.#running = vault.checkIntegrity();
    try {
      return await this.#running;
    } catch {
      return null; // locked mid-check, say: the next tick tries again
    } finally {
      this.#running = null;
    }
  }

  /** Calls tick() every `everyMs` until stop(). The timer does not keep the process alive. */
  start(everyMs = 60_000): void {
    this.stop();
    this.#timer = setInterval(() => void this.tick(), everyMs);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
