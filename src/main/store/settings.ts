// Vault settings (the `setting` table: key → JSON value). They live inside the encrypted vault:
// even "lock after 10 minutes" says something about how its owner works.
import { UprightError } from '../../shared/errors.ts';
import { nowIso } from './ids.ts';
import { Repository } from './repository.ts';

export const AUTO_LOCK_DEFAULT_MINUTES = 10;
export const AUTO_LOCK_MIN_MINUTES = 1;
export const AUTO_LOCK_MAX_MINUTES = 240;

export interface VaultSettings {
  autoLockMinutes: number;
}

export function isValidAutoLockMinutes(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= AUTO_LOCK_MIN_MINUTES && (n as number) <= AUTO_LOCK_MAX_MINUTES;
}

export class SettingsRepository extends Repository {
  get(): VaultSettings {
    const stored = this.#read('autoLockMinutes');
    return { autoLockMinutes: isValidAutoLockMinutes(stored) ? stored : AUTO_LOCK_DEFAULT_MINUTES };
  }

  getAutoLockMinutes(): number {
    return this.get().autoLockMinutes;
  }

  /** 1–240 whole minutes; anything else is INVALID_PARAMS and nothing is written. */
  setAutoLockMinutes(minutes: number): void {
    if (!isValidAutoLockMinutes(minutes)) {
      throw new UprightError('AUTO_LOCK_OUT_OF_RANGE', { min: AUTO_LOCK_MIN_MINUTES, max: AUTO_LOCK_MAX_MINUTES });
    }
    const before = this.getAutoLockMinutes();
    if (before === minutes) return;
    this.db.transaction(() => {
      this.#write('autoLockMinutes', minutes);
      this.audit.append({
        action: 'setting.change',
        entityType: 'setting',
        entityId: 'autoLockMinutes',
        summary: `Auto-lock changed from ${before} to ${minutes} minutes`,
      });
    })();
  }

  /** The last full integrity check's outcome (see src/main/vault/integrity-schedule.ts), if any. */
  getIntegrityCheck(): { checkedAt: string; ok: boolean } | null {
    const stored = this.#read('integrityCheck') as { checkedAt?: unknown; ok?: unknown } | undefined;
    if (typeof stored?.checkedAt !== 'string' || typeof stored.ok !== 'boolean') return null;
    return { checkedAt: stored.checkedAt, ok: stored.ok };
  }

  /** Kept without an audit entry: it records a reading of the vault, not a change the person made. */
  recordIntegrityCheck(record: { checkedAt: string; ok: boolean }): void {
    this.#write('integrityCheck', { checkedAt: record.checkedAt, ok: record.ok });
  }

  #read(key: string): unknown {
    const value = this.sql.get('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined;
    return value === undefined ? undefined : JSON.parse(value);
  }

  #write(key: string, value: unknown): void {
    const now = nowIso();
    this.sql
      .get(
        `INSERT INTO setting (key, value, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(value), now, now);
  }
}
