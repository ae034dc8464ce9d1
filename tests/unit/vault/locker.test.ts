// The one lock path: whatever asks for the lock, the windows first save what they hold (within a
// bounded wait), then the vault closes, then the pages are thrown away.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/main/events.ts';
import { autoLockThrough, Locker, type LockReason, SAVE_WAIT_MS } from '../../../src/main/vault/locker.ts';

afterEach(() => vi.useRealTimers());

/**
 * A vault and N windows. Each window, asked to save, saves its pending note after `saveMs` and
 * answers — unless it is hung. `log` records the order in which things happen.
 */
function harness(options: { windows?: number; hung?: number; saveMs?: number; waitMs?: number } = {}) {
  const events = new EventBus();
  const log: string[] = [];
  const state = { unlocked: true, autoLockMinutes: 10, saved: 0 };
  const vault = {
    status: () => ({ state: state.unlocked ? ('unlocked' as const) : ('locked' as const), autoLockMinutes: 10 }),
    lock: () => {
      if (state.unlocked) log.push('locked');
      state.unlocked = false;
    },
  };
  const locker = new Locker({ events, vault: () => vault, ...(options.waitMs ? { waitMs: options.waitMs } : {}) });
  const windows = options.windows ?? 1;
  const answering = windows - (options.hung ?? 0);
  events.listen((name, payload) => {
    if (name !== 'vault.locking') return;
    const { requestId } = payload as { requestId: string };
    log.push('asked');
    for (let w = 0; w < answering; w++) {
      setTimeout(() => {
        // The note reaches the vault only while it is still open.
        if (state.unlocked) {
          state.saved++;
          log.push(`saved ${w}`);
        }
        locker.flushed(requestId);
      }, options.saveMs ?? 5);
    }
  });
  locker.attach({
    count: () => windows,
    discard: () => log.push('discarded'),
  });
  return { events, locker, log, state };
}

const EVERY_TRIGGER: LockReason[] = ['window', 'menu', 'idle', 'suspend', 'lock-screen', 'locked-idle-state'];

describe('every way of locking saves what is being typed, then locks, then throws the page away', () => {
  it.each(EVERY_TRIGGER)('%s', async (reason) => {
    const { locker, log, state } = harness();
    const outcome = await locker.lock(reason);
    expect(log).toEqual(['asked', 'saved 0', 'locked', 'discarded']);
    expect(state.saved).toBe(1);
    expect(outcome).toEqual({ reason, wasUnlocked: true, asked: 1, answered: 1, discarded: true });
  });

  it('the menu’s Lock item goes through the same function (what main.ts calls on click)', async () => {
    const { locker, log } = harness();
    await locker.lock('menu');
    expect(log.indexOf('saved 0')).toBeLessThan(log.indexOf('locked'));
  });

  it('waits for every window, not just the first to answer', async () => {
    const { locker, log } = harness({ windows: 3 });
    const outcome = await locker.lock('window');
    expect(log.slice(0, 4).sort()).toEqual(['asked', 'saved 0', 'saved 1', 'saved 2']);
    expect(log.slice(4)).toEqual(['locked', 'discarded']);
    expect(outcome.answered).toBe(3);
  });

  it('quitting saves and locks but leaves the closing window alone', async () => {
    const { locker, log } = harness();
    const outcome = await locker.lock('quit');
    expect(log).toEqual(['asked', 'saved 0', 'locked']);
    expect(outcome.discarded).toBe(false);
  });
});

describe('a page cannot keep the vault open', () => {
  it('locks when the wait runs out, even if a window never answers', async () => {
    vi.useFakeTimers();
    const { locker, log, state } = harness({ windows: 2, hung: 1, waitMs: 2000 });
    let done = false;
    const locking = locker.lock('idle').then((o) => {
      done = true;
      return o;
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(done).toBe(false);
    expect(state.unlocked).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    const outcome = await locking;
    expect(state.unlocked).toBe(false);
    expect(outcome).toMatchObject({ asked: 2, answered: 1 });
    expect(log).toEqual(['asked', 'saved 0', 'locked', 'discarded']);
  });

  it('waits at most a couple of seconds by default', () => {
    expect(SAVE_WAIT_MS).toBeLessThanOrEqual(2000);
  });

  it('ignores answers to another request, or to none', async () => {
    const { locker } = harness();
    expect(locker.flushed('not-a-request')).toBe(false);
    await locker.lock('window');
    expect(locker.flushed('not-a-request')).toBe(false);
  });

  it('even if closing the database fails, the page is still thrown away', async () => {
    const events = new EventBus();
    const log: string[] = [];
    const locker = new Locker({
      events,
      vault: () => ({
        status: () => ({ state: 'unlocked', autoLockMinutes: 10 }),
        lock: () => {
          throw new Error('disk gone');
        },
      }),
      waitMs: 10,
    });
    locker.attach({ count: () => 1, discard: () => log.push('discarded') });
    await expect(locker.lock('window')).rejects.toThrow('disk gone');
    expect(log).toEqual(['discarded']);
  });
});

describe('locking twice at once is one lock', () => {
  it('the menu accelerator and the page’s own Ctrl+L share one request', async () => {
    const { locker, log } = harness();
    const [a, b] = await Promise.all([locker.lock('menu'), locker.lock('window')]);
    expect(a).toBe(b);
    expect(log.filter((l) => l === 'asked')).toHaveLength(1);
    expect(log.filter((l) => l === 'locked')).toHaveLength(1);
  });

  it('an already locked vault asks nobody and discards nothing', async () => {
    const { locker, log } = harness();
    await locker.lock('window');
    log.length = 0;
    const outcome = await locker.lock('suspend');
    expect(log).toEqual([]);
    expect(outcome.wasUnlocked).toBe(false);
  });

  it('with no window attached (the CLI), locks at once without asking', async () => {
    const events = new EventBus();
    const heard: string[] = [];
    events.listen((name) => heard.push(name));
    let locked = false;
    const locker = new Locker({
      events,
      vault: () => ({
        status: () => ({ state: locked ? 'locked' : 'unlocked', autoLockMinutes: 10 }),
        lock: () => {
          locked = true;
        },
      }),
    });
    const outcome = await locker.lock('window');
    expect(locked).toBe(true);
    expect(heard).toEqual([]);
    expect(outcome).toMatchObject({ asked: 0, answered: 0, discarded: false });
  });
});

describe('auto-lock, sleep and screen lock use the same path', () => {
  function wired() {
    const h = harness();
    let idle = 0;
    const vault = {
      status: () => ({
        state: h.state.unlocked ? ('unlocked' as const) : ('locked' as const),
        autoLockMinutes: 10,
      }),
      lock: () => undefined,
    };
    const autoLock = autoLockThrough(
      h.locker,
      () => vault,
      () => idle,
    );
    return { ...h, autoLock, setIdle: (s: number) => (idle = s) };
  }

  it.each(['suspend', 'lock-screen', 'locked-idle-state'] as const)(
    '%s saves the note before locking',
    async (event) => {
      const { autoLock, log } = wired();
      expect(autoLock.systemEvent(event)).toBe(true);
      await vi.waitFor(() => expect(log).toEqual(['asked', 'saved 0', 'locked', 'discarded']));
    },
  );

  it('idle minutes save the note before locking', async () => {
    const { autoLock, log, setIdle } = wired();
    setIdle(599);
    expect(autoLock.check()).toBe(false);
    setIdle(600);
    expect(autoLock.check()).toBe(true);
    await vi.waitFor(() => expect(log).toEqual(['asked', 'saved 0', 'locked', 'discarded']));
  });
});
