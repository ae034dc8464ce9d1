// After lock, what is left in the process's memory? A child process drives the vault through the
// API (create, unlock, read a source, change the passphrase, re-encrypt), locks, and writes a V8
// heap snapshot; the passphrases and the case text must be in none of its strings.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appDataDir, CHEAP_KDF, cleanup } from './helpers.ts';

afterEach(cleanup);

/** The forms a string takes in a snapshot (V8 writes non-ASCII as \uXXXX, upper-case hex), or raw. */
function forms(secret: string): Buffer[] {
  const escaped = (upper: boolean) =>
    [...secret]
      .map((c) => {
        const code = c.charCodeAt(0);
        if (code <= 127) return c;
        const hex = code.toString(16).padStart(4, '0');
        return `\\u${upper ? hex.toUpperCase() : hex}`;
      })
      .join('');
  return [escaped(true), escaped(false), secret]
    .map((s) => Buffer.from(s, 'utf8'))
    .concat(Buffer.from(secret, 'utf16le'));
}

describe('a locked vault leaves no secret in the process heap', () => {
  it('holds no copy of either passphrase, nor the case text it showed', async () => {
    const dir = appDataDir();
    const tag = randomBytes(4).toString('hex');
    const secrets = {
      first: `корова батарейка скрепка ${tag}`, // Cyrillic: a two-byte string inside V8
      second: `correct horse battery staple ${tag}`,
      text: `Свидетель Ж. описал задержание ${tag} у проходной.`,
    };
    const snapshotAfterLock = async (keep: boolean) => {
      const location = join(dir, keep ? 'kept' : 'vault');
      const args = [join(import.meta.dirname, 'children', 'heap.ts'), location, JSON.stringify(CHEAP_KDF), dir];
      const child = spawn(process.execPath, ['--expose-gc', ...args, ...(keep ? ['keep'] : [])], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.stdin.end(JSON.stringify(secrets));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, err).toBe(0);
      const snapshot = readFileSync(out.trim());
      return Object.entries(secrets)
        .filter(([, secret]) => forms(secret).some((form) => snapshot.includes(form)))
        .map(([name]) => name);
    };
    expect(await snapshotAfterLock(false)).toEqual([]);
    // The control: when the process itself still holds them, the same scan finds all three.
    expect(await snapshotAfterLock(true)).toEqual(['first', 'second', 'text']);
  }, 120_000);
});
