import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from '../../../src/main/vault/recovery-key.ts';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
}

describe('a recovery key written on paper and typed back', () => {
  it('is 11 groups of 5 Crockford base32 characters and reads back to the same 32 bytes', () => {
    for (let i = 0; i < 50; i++) {
      const key = newRecoveryKey();
      const written = formatRecoveryKey(key);
      expect(written).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(parseRecoveryKey(written).equals(key)).toBe(true);
    }
  });

  it('forgives case, spaces, missing dashes and the look-alikes I, L and O', () => {
    const key = Buffer.alloc(32, 0);
    key[0] = 0x08; // makes the text start with "1" and contain many "0"
    const written = formatRecoveryKey(key);
    expect(written.startsWith('1')).toBe(true);
    const sloppy = ` ${written.toLowerCase().replaceAll('-', '  ').replace('1', 'l').replaceAll('0', 'o')} `;
    expect(parseRecoveryKey(sloppy).equals(key)).toBe(true);
    expect(parseRecoveryKey(written.replaceAll('-', '').replace('1', 'I')).equals(key)).toBe(true);
  });

  it('catches a typo with its checksum', () => {
    const written = formatRecoveryKey(randomBytes(32));
    let caught = 0;
    // Every single-character substitution in the first groups is reported as a typo.
    for (let i = 0; i < 20; i++) {
      if (written[i] === '-') continue;
      const chars = written.split('');
      chars[i] = chars[i] === '7' ? '8' : '7';
      expect(code(() => parseRecoveryKey(chars.join('')))).toBe('RECOVERY_KEY_TYPO');
      caught++;
    }
    expect(caught).toBeGreaterThan(10);
  });

  it('reports a missing group or a letter outside the alphabet as a typo', () => {
    const written = formatRecoveryKey(randomBytes(32));
    expect(code(() => parseRecoveryKey(written.slice(0, -6)))).toBe('RECOVERY_KEY_LENGTH');
    expect(code(() => parseRecoveryKey(`${written}-AAAAA`))).toBe('RECOVERY_KEY_LENGTH');
    expect(code(() => parseRecoveryKey(`U${written.slice(1)}`))).toBe('RECOVERY_KEY_TYPO');
    expect(code(() => parseRecoveryKey(''))).toBe('RECOVERY_KEY_LENGTH');
  });
});
