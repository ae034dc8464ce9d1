// The recovery key: 256 random bits, shown once, written down on paper and typed back in years later.
// Format: Crockford base32 of key || checksum, where checksum = the first 2 bytes of SHA-256(key),
// in groups of five: 55 characters, 11 groups. Crockford's alphabet has no I, L, O or U, so reading
// back a handwritten copy is forgiving: case does not matter, spaces and dashes are ignored, I and L
// are read as 1 and O as 0. The 16-bit checksum tells a typo (RECOVERY_KEY_TYPO) apart from a
// well-typed key of another vault (WRONG_PASSPHRASE), 65,535 times out of 65,536.
import { createHash, randomBytes } from 'node:crypto';
import { UprightError } from '../../shared/errors.ts';

export const RECOVERY_KEY_BYTES = 32;
const CHECKSUM_BYTES = 2;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TOTAL_BITS = (RECOVERY_KEY_BYTES + CHECKSUM_BYTES) * 8; // 272
export const RECOVERY_KEY_CHARS = Math.ceil(TOTAL_BITS / 5); // 55
const GROUP = 5;

export function newRecoveryKey(): Buffer {
  return randomBytes(RECOVERY_KEY_BYTES);
}

function checksum(key: Buffer): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, CHECKSUM_BYTES);
}

/** "7K3QD-…" — the form shown to the person, once. */
export function formatRecoveryKey(key: Buffer): string {
  if (key.length !== RECOVERY_KEY_BYTES) throw new TypeError('A recovery key is 32 bytes');
  const bytes = Buffer.concat([key, checksum(key)]);
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  bytes.fill(0);
  return (out.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-');
}

/**
 * Reads a recovery key as typed: tolerant of case, spaces, dashes and the I/L/O look-alikes.
 * Throws RECOVERY_KEY_TYPO when the length, a character or the checksum is wrong.
 */
export function parseRecoveryKey(typed: string): Buffer {
  const cleaned = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== RECOVERY_KEY_CHARS) {
    throw new UprightError('RECOVERY_KEY_LENGTH', { expected: RECOVERY_KEY_CHARS, actual: cleaned.length });
  }
  const bytes = Buffer.alloc(RECOVERY_KEY_BYTES + CHECKSUM_BYTES);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of cleaned) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new UprightError('RECOVERY_KEY_TYPO');
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes[index++] = (buffer >> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  // The last character carries 3 padding bits that a correct key has at zero.
  if ((buffer & ((1 << bits) - 1)) !== 0) throw new UprightError('RECOVERY_KEY_TYPO');
  const key = Buffer.from(bytes.subarray(0, RECOVERY_KEY_BYTES));
  const ok = checksum(key).equals(bytes.subarray(RECOVERY_KEY_BYTES));
  bytes.fill(0);
  if (!ok) {
    key.fill(0);
    throw new UprightError('RECOVERY_KEY_TYPO');
  }
  return key;
}
