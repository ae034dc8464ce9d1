// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then randomness. Ids sort by creation time, so
// indexes stay append-mostly, and two vaults can merge rows by id without coordination.
// Written here rather than taken from node:crypto because Electron's Node may predate randomUUIDv7.
import { randomBytes } from 'node:crypto';

let lastMs = -1;
let counter = 0;

/**
 * A new UUIDv7, monotonic within this process: ids made in the same millisecond use the 12-bit
 * `rand_a` field as a counter (RFC 9562 §6.2 method 1), so they still sort in creation order.
 */
export function uuidv7(now: number = Date.now()): string {
  let ms = Math.max(now, lastMs);
  if (ms === lastMs) {
    counter++;
    if (counter > 0xfff) {
      // Counter exhausted: borrow the next millisecond rather than break ordering.
      ms++;
      counter = randomBytes(1)[0] as number;
    }
  } else {
    // Start low in the counter space so a burst in one millisecond rarely overflows.
    counter = randomBytes(1)[0] as number;
  }
  lastMs = ms;

  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f); // version 7 + high counter bits
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f); // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidv7(value: unknown): value is string {
  return typeof value === 'string' && UUID_V7.test(value);
}

/** The timestamps every row carries: ISO 8601 UTC with milliseconds, which sorts as text. */
export function nowIso(): string {
  return new Date().toISOString();
}
