import { describe, expect, it } from 'vitest';
import { isUuidv7, uuidv7 } from '../../../src/main/store/ids.ts';

describe('row ids', () => {
  it('are UUIDv7: version 7, RFC variant, carrying the creation time', () => {
    const now = Date.UTC(2025, 5, 30, 12, 0, 0);
    const id = uuidv7(now);
    expect(isUuidv7(id)).toBe(true);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(now);
  });

  it('sort in creation order, even many within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7(1_750_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isUuidv7)).toBe(true);
  });

  it('do not go backwards when the clock does', () => {
    const later = uuidv7(1_900_000_000_000);
    const earlier = uuidv7(1_800_000_000_000);
    expect(earlier > later).toBe(true);
  });
});
