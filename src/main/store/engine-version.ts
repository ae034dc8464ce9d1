// Reports the SQLite3MultipleCiphers build without opening a vault (shown in "About" and `upright info`).
import Database from 'better-sqlite3-multiple-ciphers';

let cached: string | null | undefined;

export function cipherEngineVersion(): string | null {
  if (cached !== undefined) return cached;
  try {
    const db = new Database(':memory:');
    const row = db.prepare('SELECT sqlite3mc_version() AS v').get() as { v: string } | undefined;
    db.close();
    cached = row?.v ?? null;
  } catch {
    cached = null;
  }
  return cached;
}
