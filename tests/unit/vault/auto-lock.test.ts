import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutoLock } from '../../../src/main/vault/auto-lock.ts';

function harness(initial: { minutes?: number; idle?: number; unlocked?: boolean } = {}) {
  const state = {
    minutes: initial.minutes ?? 10,
    idle: initial.idle ?? 0,
    unlocked: initial.unlocked ?? true,
    locks: 0,
  };
  const autoLock = new AutoLock({
    minutes: () => state.minutes,
    idleSeconds: () => state.idle,
    isUnlocked: () => state.unlocked,
    lock: () => {
      state.locks++;
      state.unlocked = false;
    },
  });
  return { state, autoLock };
}

afterEach(() => vi.useRealTimers());

describe('the vault locks itself when the monitor walks away', () => {
  it('does nothing before the idle time is reached', () => {
    const { state, autoLock } = harness({ minutes: 10, idle: 599 });
    expect(autoLock.check()).toBe(false);
    expect(state.locks).toBe(0);
  });

  it('locks once the machine has been idle for the configured minutes', () => {
    const { state, autoLock } = harness({ minutes: 10, idle: 600 });
    expect(autoLock.check()).toBe(true);
    expect(state.locks).toBe(1);
    // Already locked: nothing more to do.
    expect(autoLock.check()).toBe(false);
    expect(state.locks).toBe(1);
  });

  it('follows a changed setting at the next check', () => {
    const { state, autoLock } = harness({ minutes: 10, idle: 120 });
    expect(autoLock.check()).toBe(false);
    state.minutes = 2;
    expect(autoLock.check()).toBe(true);
  });

  it.each(['suspend', 'lock-screen', 'locked-idle-state'] as const)('locks at once on %s', (event) => {
    const { state, autoLock } = harness({ minutes: 240, idle: 0 });
    expect(autoLock.systemEvent(event)).toBe(true);
    expect(state.locks).toBe(1);
    expect(autoLock.systemEvent(event)).toBe(false);
  });

  it('checks on a timer once started, and not after stop', () => {
    vi.useFakeTimers();
    const { state, autoLock } = harness({ minutes: 1, idle: 0 });
    autoLock.start(1000);
    vi.advanceTimersByTime(5000);
    expect(state.locks).toBe(0);
    state.idle = 60;
    vi.advanceTimersByTime(1000);
    expect(state.locks).toBe(1);
    state.unlocked = true;
    autoLock.stop();
    vi.advanceTimersByTime(10_000);
    expect(state.locks).toBe(1);
  });
});
