// A throwaway encrypted database for repository and migration tests (same open path as the vault).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type Db, openEncryptedDatabase } from '../../../src/main/store/database.ts';

const open: { db: Db; dir: string }[] = [];

export function tempDatabase(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'upright-store-'));
  const db = openEncryptedDatabase(join(dir, 'vault.db'), randomBytes(32), { create: true });
  open.push({ db, dir });
  return db;
}

export function closeAll(): void {
  for (const { db, dir } of open.splice(0)) {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}
