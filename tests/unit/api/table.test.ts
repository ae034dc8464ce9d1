import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { api, EVENT_NAMES, events, METHODS } from '../../../src/shared/api.ts';

describe('the API table is the one contract', () => {
  it('has exactly one handler per method, and no handler without a method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
  });

  it('names methods area.verb (or area.thing.verb) and describes each one', () => {
    for (const name of METHODS) {
      expect(name).toMatch(/^[a-z]+(\.[a-z][A-Za-z]*){1,2}$/);
      expect(api[name].summary.length, name).toBeGreaterThan(10);
    }
  });

  it('refuses unknown params on every method (nothing slips past a schema)', () => {
    for (const name of METHODS) {
      const parsed = api[name].params.safeParse({ unexpected: '../../etc/passwd' });
      expect(parsed.success, name).toBe(false);
    }
  });

  it('gives every event a schema', () => {
    for (const name of EVENT_NAMES) expect(events[name]).toBeDefined();
  });
});
