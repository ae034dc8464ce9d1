// The work of the two heavy vault tasks, verify and backup, written once and run in the vault worker
// (src/main/workers/vault-worker.ts) on its own connection — or, for the benchmark's "old way" and
// for vaults opened with tasksOnMainThread, on the main connection. Between steps (and between stored
// originals) it reports progress and honours a cancel; inside one SQLite call (integrity_check,
// VACUUM INTO) it cannot, which is why a cancel that is not honoured promptly terminates the worker.
import { chmodSync, closeSync, fsyncSync, openSync } from 'node:fs';
import type { TaskProgress } from '../../shared/api/vault.ts';
import { UprightError } from '../../shared/errors.ts';
import { closeDatabase, type Db, integrityCheck, openEncryptedDatabase, vacuumInto } from '../store/database.ts';
import type { Store } from '../store/index.ts';
import { schemaVersion } from '../store/migrations/index.ts';

export interface VerifyReport {
  ok: boolean;
  integrity: string[];
  /** headOk: the log ends where its head, sealed with the vault key, says (no cut tail, no rebuild). */
  audit: { ok: boolean; entries: number; brokenAtSeq: number | null; headOk: boolean };
  originals: { checked: number; mismatched: { sourceId: string; title: string }[]; unreadable?: true };
}

export type TaskStep = TaskProgress['step'];

export interface TaskHooks {
  progress(step: TaskStep, done: number, total: number): void;
  /** Throws TASK_CANCELLED when the task was asked to stop. */
  checkCancelled(): void;
}

/** Progress at most this often from loops (the renderer repaints a bar, no more). */
const PROGRESS_EVERY_MS = 100;

/** The database pages, the audit chain (and its sealed head), every stored original's SHA-256. */
export function verifyStore(store: Store, hooks: TaskHooks): VerifyReport {
  hooks.progress('pages', 0, 0);
  const integrity = store.integrityCheck();
  hooks.checkCancelled();
  hooks.progress('audit', 0, 0);
  let audit: VerifyReport['audit'];
  try {
    const brokenAtSeq = store.audit.verifyChain();
    const headOk = store.audit.verifyHead();
    audit = { ok: brokenAtSeq === null && headOk, entries: store.audit.count(), brokenAtSeq, headOk };
  } catch {
    audit = { ok: false, entries: 0, brokenAtSeq: null, headOk: false };
  }
  hooks.checkCancelled();
  let originals: VerifyReport['originals'];
  try {
    const total = store.sources.countOriginals();
    hooks.progress('originals', 0, total);
    let last = performance.now();
    originals = store.sources.checkOriginals((checked) => {
      hooks.checkCancelled();
      const now = performance.now();
      if (now - last >= PROGRESS_EVERY_MS) {
        last = now;
        hooks.progress('originals', checked, total);
      }
    });
    hooks.progress('originals', originals.checked, total);
  } catch (error) {
    if (error instanceof UprightError && error.code === 'TASK_CANCELLED') throw error;
    // A fact, not a sentence: the renderer and the CLI say it in their language.
    originals = { checked: 0, mismatched: [], unreadable: true };
  }
  const ok =
    integrity.length === 1 &&
    integrity[0] === 'ok' &&
    audit.ok &&
    originals.mismatched.length === 0 &&
    !originals.unreadable;
  return { ok, integrity, audit, originals };
}

/**
 * Writes the encrypted copy of `db` to `copyFile` (VACUUM INTO: same cipher and key, no free pages),
 * then opens it with `key` and checks it. The caller removes the file if this throws.
 */
export function writeCheckedCopy(db: Db, key: Buffer, copyFile: string, hooks: TaskHooks): void {
  hooks.progress('copy', 0, 0);
  vacuumInto(db, copyFile);
  hooks.checkCancelled();
  hooks.progress('check', 0, 0);
  const copy = openEncryptedDatabase(copyFile, key);
  try {
    const lines = integrityCheck(copy);
    if (lines.length !== 1 || lines[0] !== 'ok' || schemaVersion(copy) !== schemaVersion(db)) {
      throw new Error('backup copy failed its check');
    }
  } finally {
    closeDatabase(copy);
  }
  hooks.checkCancelled();
  restrictPermissions(copyFile);
  fsyncFile(copyFile);
}

export function restrictPermissions(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Best effort (e.g. FAT-formatted USB sticks have no permissions); the file is encrypted anyway.
  }
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
