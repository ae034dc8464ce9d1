import { describe, expect, it } from 'vitest';
import {
  type CheckableVault,
  INTEGRITY_EVERY_MS,
  INTEGRITY_IDLE_MINUTES,
  type IntegrityRecord,
  IntegritySchedule,
  integrityCheckDue,
} from '../../../src/main/vault/integrity-schedule.ts';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const IDLE = INTEGRITY_IDLE_MINUTES * 60;
const hoursAgo = (h: number, ok = true): IntegrityRecord => ({
  checkedAt: new Date(NOW - h * 3_600_000).toISOString(),
  ok,
});

describe('when the full integrity check runs in the background', () => {
  it('only after some minutes without input', () => {
    expect(integrityCheckDue({ now: NOW, idleSeconds: IDLE - 1, last: null })).toBe(false);
    expect(integrityCheckDue({ now: NOW, idleSeconds: IDLE, last: null })).toBe(true);
  });

  it('at most once a day, whatever the last result was', () => {
    expect(integrityCheckDue({ now: NOW, idleSeconds: IDLE, last: hoursAgo(23) })).toBe(false);
    expect(integrityCheckDue({ now: NOW, idleSeconds: IDLE, last: hoursAgo(23, false) })).toBe(false);
    expect(integrityCheckDue({ now: NOW, idleSeconds: IDLE, last: hoursAgo(24) })).toBe(true);
    expect(INTEGRITY_EVERY_MS).toBe(24 * 3_600_000);
  });

  it('is not blocked forever by a record from the future (a clock set back) or one that does not parse', () => {
    expect(integrityCheckDue({ now: NOW, idleSeconds: IDLE, last: hoursAgo(-48) })).toBe(true);
    expect(integrityCheckDue({ now: NOW, idleSeconds: IDLE, last: { checkedAt: 'yesterday', ok: true } })).toBe(true);
  });
});

function fakeVault(state: 'locked' | 'unlocked' = 'unlocked') {
  const vault = {
    state,
    last: null as IntegrityRecord | null,
    runs: 0,
    release: null as (() => void) | null,
    status: () => ({ state: vault.state }),
    lastIntegrityCheck: () => vault.last,
    checkIntegrity: () => {
      vault.runs++;
      return new Promise<IntegrityRecord>((resolve) => {
        vault.release = () => {
          vault.last = { checkedAt: new Date(clock.now).toISOString(), ok: false };
          resolve(vault.last);
        };
      });
    },
  };
  return vault satisfies CheckableVault;
}
const clock = { now: NOW };

describe('the background schedule', () => {
  it('runs one check when idle, records it, and not again the same day', async () => {
    const vault = fakeVault();
    let idle = 0;
    const schedule = new IntegritySchedule({ vault: () => vault, idleSeconds: () => idle, now: () => clock.now });
    expect(await schedule.tick()).toBeNull(); // in use
    idle = IDLE;
    const running = schedule.tick();
    expect(await schedule.tick()).toBeNull(); // one at a time
    vault.release?.();
    expect(await running).toEqual({ checkedAt: new Date(NOW).toISOString(), ok: false });
    expect(vault.runs).toBe(1);

    clock.now = NOW + 3_600_000;
    expect(await schedule.tick()).toBeNull();
    clock.now = NOW + INTEGRITY_EVERY_MS;
    const next = schedule.tick();
    vault.release?.();
    expect(await next).not.toBeNull();
    expect(vault.runs).toBe(2);
    clock.now = NOW;
  });

  it('never runs on a locked vault', async () => {
    const vault = fakeVault('locked');
    const schedule = new IntegritySchedule({ vault: () => vault, idleSeconds: () => IDLE * 10 });
    expect(await schedule.tick()).toBeNull();
    expect(vault.runs).toBe(0);
  });
});
