// The vault's lifecycle: create, unlock, recover, change passphrase, lock, back up, verify.
//
// A vault is a folder, not a file:
//   <location>/vault.db        SQLite3MultipleCiphers database (AEGIS-256 pages; ChaCha20-Poly1305
//                              in vaults made before, until re-encrypted), opened with a random
//                              256-bit data key — never with anything derived in SQLite
//   <location>/keyslots.json   that data key, wrapped by the passphrase and by the recovery key
//   <location>/vault.db-wal    exists only while the vault is open (emptied and removed on lock)
//   <location>/vault.db.next   exists only while the keys are being rotated (see rotateKeys)
// Why a folder: SQLite already needs a sibling file (the WAL), so the unit a person copies is a
// folder anyway; keeping the key slots beside the database (not inside it) means changing the
// passphrase rewrites a 1 KB file atomically and never touches the database (no PRAGMA rekey, which
// SQLite3MC cannot do safely in WAL mode); and "back up = copy this folder" is easy to explain.
// Rotating the data key re-encrypts into vault.db.next and swaps it in (rotateKeys).
// The folder is created 0700. Nothing decrypted is ever written outside vault.db: temp_store is
// memory, backups are VACUUM INTO (encrypted with the same key), no logs carry content.
//
// Errors are UprightError with the codes of src/shared/errors.ts; every method that can fail
// before it changes anything leaves the vault's files exactly as they were.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import type { MigrationProgress, TaskProgress } from '../../shared/api/vault.ts';
import { UprightError } from '../../shared/errors.ts';
import { auditHeadKey } from '../store/audit.ts';
import {
  closeDatabase,
  type Db,
  integrityCheck,
  KEY_BYTES,
  openEncryptedDatabase,
  PAGE_CIPHER,
  type PageCipher,
  pageCipherOf,
  rekeyCopy,
  structuralCheckAtOpen,
  translateSqliteError,
  vacuumInto,
} from '../store/database.ts';
import { Store } from '../store/index.ts';
import {
  LATEST_VERSION,
  type MigrationStep,
  migrate,
  pendingMigrations,
  SEALED_SCHEMA_VERSION,
  schemaVersion,
} from '../store/migrations/index.ts';
import { rewriteSearchLeaves } from '../store/search.ts';
import { AUTO_LOCK_DEFAULT_MINUTES } from '../store/settings.ts';
import { workerEntry } from '../workers/entries.ts';
import {
  fsyncFile,
  restrictPermissions,
  type TaskHooks,
  type VerifyReport,
  verifyStore,
  writeCheckedCopy,
} from './checks.ts';
import { type ImportWriter, inProcessWriter, WorkerImportWriter } from './import-writer.ts';
import type { IntegrityRecord } from './integrity-schedule.ts';
import {
  calibrateKdf,
  checkKeySlotMac,
  createPassphraseSlot,
  createRecoverySlot,
  fsyncFolder,
  fsyncFolderAsync,
  hasMac,
  type KdfParams,
  type KeySlotFile,
  openPassphraseSlot,
  openRecoverySlot,
  passphraseSlotOf,
  readKeySlotFile,
  recoverySlotOf,
  removeStrayTempFiles,
  writeFileAtomicAsync,
  writeKeySlotFile,
} from './keyslots.ts';
import { checkpointInWorker, migrateInWorker, type RunningMigration } from './migration-runner.ts';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from './recovery-key.ts';
import { VaultTaskRunner } from './task-runner.ts';

export type { VerifyReport } from './checks.ts';

export const VAULT_DB_FILE = 'vault.db';
export const KEYSLOTS_FILE = 'keyslots.json';
/** The re-encrypted database while keys are rotated; renamed over vault.db once the new key file is in place. */
export const ROTATING_DB_FILE = 'vault.db.next';
/** Prefix of a backup being written: only a complete, checked backup gets the folder name asked for. */
export const PARTIAL_BACKUP_PREFIX = '.upright-backup-partial-';
export const MIN_PASSPHRASE_CHARS = 12;

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface VaultStatusLike {
  state: VaultState;
  location: string;
  autoLockMinutes: number;
}

/** How long a lock waits for a cancelled task's worker to exit before closing anyway (see lockAfterTasks). */
export const LOCK_WAITS_FOR_TASK_MS = 3000;

/** A WAL above this is checkpointed by the vault worker before a lock (see lockAfterTasks). */
const LARGE_WAL_BYTES = 1024 * 1024;

/** Where the last unlock's time went: deriving the key, and opening the database besides. */
export interface UnlockTimings {
  kdfMs: number;
  openMs: number;
}

export interface VaultOptions {
  /** The vault folder. */
  location: string;
  /** Argon2id parameters for new passphrase slots. Tests pass cheap ones; otherwise calibrated (≥ floor). */
  kdf?: KdfParams;
  /** Called with the new status after create, unlock, recover, lock and a settings change. */
  onChange?: (status: VaultStatusLike) => void;
  /** Name written in the audit log for changes (default "owner"). */
  actor?: string;
  /** Progress of verify and backup (forwarded to the renderer as task.progress). */
  onTaskProgress?: (progress: TaskProgress) => void;
  /** Steps of the schema update an unlock runs on an older vault (forwarded as vault.migrating). */
  onMigrationProgress?: (progress: MigrationProgress) => void;
  /**
   * Run verify and backup on the main connection, blocking the calling thread, as before the vault
   * worker: only for the main-loop benchmark's "old way" and for tools with no event loop to keep.
   */
  tasksOnMainThread?: boolean;
}

/** Refuses passphrases under 12 characters (code points, ignoring surrounding spaces). */
export function checkPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC').trim()].length < MIN_PASSPHRASE_CHARS) throw new UprightError('WEAK_PASSPHRASE');
}

export class Vault {
  readonly location: string;
  readonly #dbFile: string;
  readonly #slotsFile: string;
  readonly #kdf: KdfParams | undefined;
  readonly #onChange: ((status: VaultStatusLike) => void) | undefined;
  readonly #actor: string;
  readonly #tasks: VaultTaskRunner;
  readonly #tasksOnMainThread: boolean;
  readonly #onMigrationProgress: ((progress: MigrationProgress) => void) | undefined;

  #db: Db | null = null;
  #store: Store | null = null;
  #dataKey: Buffer | null = null;
  /** The audit head's HMAC key, derived from the data key; zeroed with it on lock. */
  #auditKey: Buffer | null = null;
  /** Last known setting: shown while locked, since settings live inside the encrypted vault. */
  #autoLockMinutes = AUTO_LOCK_DEFAULT_MINUTES;
  /** Bumped by lock(): an unlock still deriving its key when the vault is locked must not open it. */
  #generation = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #lastUnlock: UnlockTimings | null = null;
  /** The schema migration an unlock is running in the vault worker, if any. */
  #migration: RunningMigration | null = null;
  /** Import batches' writers (vault workers), ended when the vault locks. */
  readonly #writers = new Set<WorkerImportWriter>();
  /** The last full check's outcome, read from the vault at unlock; kept (like the setting) while locked. */
  #integrity: IntegrityRecord | null = null;

  constructor(options: VaultOptions) {
    this.location = resolve(options.location);
    this.#dbFile = resolve(this.location, VAULT_DB_FILE);
    this.#slotsFile = resolve(this.location, KEYSLOTS_FILE);
    this.#kdf = options.kdf;
    this.#onChange = options.onChange;
    this.#actor = options.actor ?? 'owner';
    this.#tasksOnMainThread = options.tasksOnMainThread ?? false;
    this.#onMigrationProgress = options.onMigrationProgress;
    this.#tasks = new VaultTaskRunner(
      () => workerEntry('vault-worker'),
      (progress) => options.onTaskProgress?.(progress),
    );
  }

  /** The verify or backup running now (one at a time), or null. */
  runningTask(): { kind: 'verify' | 'backup' } | null {
    const kind = this.#tasks.running();
    return kind ? { kind } : null;
  }

  /**
   * A writer for one import batch: a vault worker storing each file in a transaction of its own
   * (on the calling thread with tasksOnMainThread). Close it when the batch ends; a lock ends it.
   */
  importWriter(): ImportWriter {
    this.#requireDb();
    if (this.#tasksOnMainThread) return inProcessWriter(() => this.store());
    const writer = new WorkerImportWriter(workerEntry('vault-worker'), this.#dbFile, this.#dataKey as Buffer);
    this.#writers.add(writer);
    return {
      duplicate: (dossierId, name, sha256) => writer.duplicate(dossierId, name, sha256),
      store: (file) => writer.store(file),
      close: () => writer.close().finally(() => this.#writers.delete(writer)),
    };
  }

  /**
   * Caches a source's computed suggestions through an open import batch's vault worker; null when
   * no batch is open (the caller writes on the main connection).
   */
  cacheSuggestionsInWorker(sourceId: string, fingerprint: string, found: unknown[]): Promise<boolean> | null {
    const writer = [...this.#writers].find((each) => each.open());
    return writer ? writer.cacheSuggestions(sourceId, fingerprint, found) : null;
  }

  /** Whether an import batch is storing a file now (its vault worker may hold the write lock). */
  importWriting(): boolean {
    return [...this.#writers].some((writer) => writer.busy());
  }

  /** Resolves when no import batch is storing a file (check importWriting() again: another may start). */
  async importWritesIdle(): Promise<void> {
    await Promise.all([...this.#writers].map((writer) => writer.idle()));
  }

  /** Cancels the running verify or backup and waits for its worker to exit; false when none ran. */
  cancelTask(): Promise<boolean> {
    return this.#tasks.cancel();
  }

  status(): VaultStatusLike {
    const state: VaultState = this.#db ? 'unlocked' : this.#exists() ? 'locked' : 'absent';
    return { state, location: this.location, autoLockMinutes: this.#autoLockMinutes };
  }

  /** The last successful passphrase unlock's timings (the scale benchmark reports them). */
  lastUnlockTimings(): UnlockTimings | null {
    return this.#lastUnlock;
  }

  /** The passphrase slot's key-derivation parameters (readable while locked), or null without a key file. */
  kdfParams(): KdfParams | null {
    try {
      const { memoryKiB, passes, parallelism } = passphraseSlotOf(readKeySlotFile(this.#slotsFile)).kdf;
      return { memoryKiB, passes, parallelism };
    } catch {
      return null;
    }
  }

  /** The open database's page cipher (About shows it), or null while locked. */
  pageCipher(): PageCipher | null {
    return this.#db ? pageCipherOf(this.#db) : null;
  }

  lastIntegrityCheck(): IntegrityRecord | null {
    return this.#integrity;
  }

  /** The full check (verify) run in the background when idle; its outcome is kept as any verify's is. */
  async checkIntegrity(now: () => Date = () => new Date()): Promise<IntegrityRecord> {
    await this.verify(now, { background: true });
    return this.#integrity as IntegrityRecord;
  }

  /** Creates the vault and leaves it unlocked. The recovery key is returned once and kept nowhere. */
  create(passphrase: string): Promise<{ recoveryKey: string }> {
    const generation = this.#generation; // taken at the call: a lock() from now on cancels this
    return this.#serial(async () => {
      checkPassphrase(passphrase);
      if (this.#db || this.#exists()) throw new UprightError('VAULT_EXISTS');
      const kdf = this.#kdf ?? (await calibrateKdf());
      const dataKey = randomBytes(KEY_BYTES);
      const recoveryKey = newRecoveryKey();
      let adopted = false;
      try {
        const slots = [await createPassphraseSlot(passphrase, dataKey, kdf), createRecoverySlot(recoveryKey, dataKey)];
        if (generation !== this.#generation) throw new UprightError('CANCELLED'); // locked meanwhile
        if (this.#exists()) throw new UprightError('VAULT_EXISTS');
        mkdirSync(this.location, { recursive: true, mode: 0o700 });
        let db: Db | null = null;
        try {
          db = openEncryptedDatabase(this.#dbFile, dataKey, { create: true, locking: 'owner' });
          restrictPermissions(this.#dbFile);
          migrate(db);
          const auditKey = auditHeadKey(dataKey);
          const store = new Store(db, { actor: this.#actor, auditHeadKey: auditKey });
          store.audit.append({ action: 'vault.create', entityType: 'vault', summary: 'Vault created' });
          // The key slots go last: until they exist, nothing could open the database anyway.
          writeKeySlotFile(this.#slotsFile, slots, dataKey);
          this.#adopt(db, dataKey, auditKey, store);
          adopted = true;
        } catch (error) {
          // Leave no half-made vault behind: these files did not exist before this call.
          if (db) closeDatabase(db);
          for (const file of [
            this.#slotsFile,
            this.#dbFile,
            `${this.#dbFile}-wal`,
            `${this.#dbFile}-shm`,
            `${this.#dbFile}-journal`,
          ]) {
            rmSync(file, { force: true });
          }
          throw translateSqliteError(error);
        }
        const formatted = formatRecoveryKey(recoveryKey);
        this.#emit();
        return { recoveryKey: formatted };
      } finally {
        recoveryKey.fill(0);
        if (!adopted) dataKey.fill(0);
      }
    });
  }

  /** Opens the vault with its passphrase. When already unlocked, only checks the passphrase. */
  unlock(passphrase: string): Promise<void> {
    const generation = this.#generation; // taken at the call: a lock() from now on cancels this
    return this.#serial(async () => {
      if (!this.#exists()) throw new UprightError('VAULT_NOT_FOUND');
      const slots = readKeySlotFile(this.#slotsFile);
      const started = performance.now();
      const dataKey = await openPassphraseSlot(passphraseSlotOf(slots), passphrase);
      const derived = performance.now();
      if (this.#db) {
        dataKey.fill(0);
        return;
      }
      if (generation !== this.#generation) {
        dataKey.fill(0);
        throw new UprightError('CANCELLED'); // locked while being unlocked
      }
      await this.#openWith(dataKey, slots);
      this.#lastUnlock = { kdfMs: derived - started, openMs: performance.now() - derived };
      this.#emit();
    });
  }

  /** Opens the vault with the recovery key, replaces the passphrase slot, leaves the vault unlocked. */
  recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    const generation = this.#generation; // taken at the call: a lock() from now on cancels this
    return this.#serial(async () => {
      checkPassphrase(newPassphrase);
      if (!this.#exists()) throw new UprightError('VAULT_NOT_FOUND');
      const key = parseRecoveryKey(recoveryKey);
      const slots = readKeySlotFile(this.#slotsFile);
      let dataKey: Buffer;
      try {
        dataKey = openRecoverySlot(recoverySlotOf(slots), key);
      } finally {
        key.fill(0);
      }
      let keep = false;
      try {
        checkKeySlotMac(slots, dataKey);
        const newSlot = await createPassphraseSlot(newPassphrase, dataKey, this.#kdf ?? (await calibrateKdf()));
        if (generation !== this.#generation) throw new UprightError('CANCELLED'); // locked meanwhile
        // Open (or confirm the open database) before touching the key file: a vault that is in use
        // or damaged keeps its old passphrase.
        if (this.#db) {
          if (!this.#dataKey || !timingSafeEqual(this.#dataKey, dataKey)) throw new UprightError('KEYSLOT_CORRUPT');
        } else {
          keep = true; // #openWith owns the key from here (and zeroes it if it fails)
          await this.#openWith(dataKey, slots);
        }
        writeKeySlotFile(
          this.#slotsFile,
          slots.slots.map((slot) => (slot.kind === 'passphrase' ? newSlot : slot)),
          dataKey,
        );
        this.store().audit.append({
          action: 'vault.recover',
          entityType: 'vault',
          summary: 'Passphrase replaced using the recovery key',
        });
        this.#emit();
      } finally {
        if (!keep) dataKey.fill(0);
      }
    });
  }

  /** Replaces the passphrase. Rewrites keyslots.json only; the database is not touched. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.#serial(async () => {
      checkPassphrase(next);
      if (!this.#exists()) throw new UprightError('VAULT_NOT_FOUND');
      const slots = readKeySlotFile(this.#slotsFile);
      const dataKey = await openPassphraseSlot(passphraseSlotOf(slots), current);
      try {
        checkKeySlotMac(slots, dataKey);
        const newSlot = await createPassphraseSlot(next, dataKey, this.#kdf ?? (await calibrateKdf()));
        writeKeySlotFile(
          this.#slotsFile,
          slots.slots.map((slot) => (slot.kind === 'passphrase' ? newSlot : slot)),
          dataKey,
        );
      } finally {
        dataKey.fill(0);
      }
    });
  }

  /**
   * Replaces the recovery key (the old one stops opening this key file) and returns the new one,
   * once. The data key stays: a copy of the old key file still opens the vault with the old
   * recovery key — rotateKeys() is what locks old key files out.
   */
  newRecoveryKey(passphrase: string): Promise<{ recoveryKey: string }> {
    return this.#serial(async () => {
      this.#requireDb();
      const slots = readKeySlotFile(this.#slotsFile);
      const dataKey = await openPassphraseSlot(passphraseSlotOf(slots), passphrase);
      const recoveryKey = newRecoveryKey();
      try {
        checkKeySlotMac(slots, dataKey);
        if (!this.#dataKey || !timingSafeEqual(this.#dataKey, dataKey)) throw new UprightError('KEYSLOT_CORRUPT');
        const recoverySlot = createRecoverySlot(recoveryKey, dataKey);
        writeKeySlotFile(this.#slotsFile, [passphraseSlotOf(slots), recoverySlot], dataKey);
        this.store().audit.append({
          action: 'vault.recovery_key',
          entityType: 'vault',
          summary: 'New recovery key issued',
        });
        return { recoveryKey: formatRecoveryKey(recoveryKey) };
      } finally {
        dataKey.fill(0);
        recoveryKey.fill(0);
      }
    });
  }

  /**
   * Re-encrypts the vault under a new random data key, with a new passphrase slot (the new
   * passphrase, or the current one again) and a new recovery key, returned once. Afterwards no
   * earlier key file — with its passphrase or recovery key — opens this vault's database.
   * Backups already made keep their old keys: they still open with the old passphrase.
   *
   * SQLite3MC cannot rekey a WAL database, so the copy is re-encrypted instead, and swapped in:
   *   1. VACUUM INTO vault.db.next (same key; compact, no free pages), rekey it (it is not in WAL
   *      mode yet), open it under the new key, re-seal the audit head, close; fsync.
   *   2. close vault.db (checkpointed), write the new keyslots.json atomically — the commit point;
   *   3. rename vault.db.next over vault.db, fsync the folder, reopen.
   * A crash before 2 leaves the old key file with the old vault.db (vault.db.next is removed at the
   * next unlock); a crash between 2 and 3 leaves the new key file with vault.db.next, which the next
   * unlock renames into place (#settleRotation). Either way the vault opens, with the old keys or
   * the new ones.
   */
  rotateKeys(current: string, next: string | null): Promise<{ recoveryKey: string }> {
    return this.#serial(async () => {
      if (next !== null) checkPassphrase(next);
      const db = this.#requireDb();
      this.#refuseWhileTask();
      const slots = readKeySlotFile(this.#slotsFile);
      const oldKey = await openPassphraseSlot(passphraseSlotOf(slots), current);
      const newKey = randomBytes(KEY_BYTES);
      const recoveryKey = newRecoveryKey();
      let adopted = false;
      const pending = resolve(this.location, ROTATING_DB_FILE);
      try {
        checkKeySlotMac(slots, oldKey);
        if (!this.#dataKey || !timingSafeEqual(this.#dataKey, oldKey)) throw new UprightError('KEYSLOT_CORRUPT');
        const newSlots = [
          await createPassphraseSlot(next ?? current, newKey, this.#kdf ?? (await calibrateKdf())),
          createRecoverySlot(recoveryKey, newKey),
        ];
        // From here to the reopen everything is synchronous: no other call can write in between.
        if (this.#db !== db) throw new UprightError('VAULT_LOCKED');
        this.#refuseWhileTask();
        removeDatabaseFiles(pending);
        // An older vault moves to AEGIS-256 here; its search index is laid out again for the new pages.
        const newCipher = pageCipherOf(db) !== PAGE_CIPHER;
        try {
          vacuumInto(db, pending);
          rekeyCopy(pending, oldKey, newKey);
          const copy = openEncryptedDatabase(pending, newKey);
          try {
            if (newCipher) rewriteSearchLeaves(copy);
            const lines = integrityCheck(copy);
            if (lines.length !== 1 || lines[0] !== 'ok' || schemaVersion(copy) !== schemaVersion(db)) {
              throw new Error('re-encrypted copy failed its check');
            }
            // Written in the copy: the entry, and the head sealed under the new key, exist only if the
            // rotation happens.
            const newAuditKey = auditHeadKey(newKey);
            try {
              new Store(copy, { actor: this.#actor, auditHeadKey: newAuditKey }).audit.append({
                action: 'vault.rotate',
                entityType: 'vault',
                summary:
                  next === null
                    ? 'Vault re-encrypted under a new key'
                    : 'Vault re-encrypted under a new key and passphrase',
              });
            } finally {
              newAuditKey.fill(0);
            }
          } finally {
            closeDatabase(copy);
          }
          restrictPermissions(pending);
          fsyncFile(pending);
        } catch (error) {
          removeDatabaseFiles(pending);
          throw translateSqliteError(error);
        }
        // Commit: close the old database, then the new key file, then the new database file.
        this.#close();
        writeKeySlotFile(this.#slotsFile, newSlots, newKey);
        this.#settleRotation(newKey);
        adopted = true; // #openWith owns the new key from here
        await this.#openWith(newKey, readKeySlotFile(this.#slotsFile));
        this.#emit();
        return { recoveryKey: formatRecoveryKey(recoveryKey) };
      } finally {
        oldKey.fill(0);
        recoveryKey.fill(0);
        if (!adopted) newKey.fill(0);
      }
    });
  }

  /**
   * Checkpoints and empties the WAL, closes the database, zeroes the key. Idempotent. A running
   * verify or backup is cancelled (its worker terminated if it does not stop at once); use
   * lockAfterTasks() to let it go first, so that the WAL is emptied by this close.
   */
  lock(): void {
    this.#generation++;
    void this.#tasks.cancel();
    this.#migration?.terminate(); // an unlock updating the schema stops; the vault stays as it was
    this.#endWriters();
    if (!this.#db) return;
    this.#close();
    this.#emit();
  }

  /**
   * Cancels a running verify or backup, waits for its worker to exit (at most
   * LOCK_WAITS_FOR_TASK_MS: a worker inside one long SQLite call exits only when that call returns,
   * and a lock must not wait for it), then locks. The lock path of the app (Locker) uses this.
   */
  async lockAfterTasks(waitMs = LOCK_WAITS_FOR_TASK_MS): Promise<void> {
    this.#generation++; // an unlock in flight must not open the vault while we wait
    const within = async (work: Promise<unknown>) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        work.catch(() => {}),
        new Promise((resolve) => {
          timer = setTimeout(resolve, waitMs);
        }),
      ]);
      clearTimeout(timer);
    };
    if (this.#tasks.running() || this.#writers.size > 0) {
      await within(Promise.all([this.#tasks.cancel(), this.#endWriters()]));
    }
    // A large WAL is copied into the database by the vault worker first: the close below then has
    // little left to write on the main process.
    if (this.#db && this.#dataKey && !this.#tasksOnMainThread && sizeOf(`${this.#dbFile}-wal`) > LARGE_WAL_BYTES) {
      const running = checkpointInWorker(workerEntry('vault-worker'), this.#dbFile, this.#dataKey);
      await within(running.done);
      running.terminate(); // (if it has not ended by itself within the wait)
    }
    this.lock();
  }

  /**
   * Writes an encrypted copy into `destinationFolder` (new, or an empty folder): a vault folder that
   * opens with the same passphrase and recovery key. The copy is made with VACUUM INTO, which
   * SQLite3MC encrypts with the open database's cipher and key (better-sqlite3's backup() would
   * refuse, and a plain ATTACH would write plaintext), then opened and checked before we say "done".
   * It is written into a hidden sibling folder (".upright-backup-partial-…") and renamed to the name
   * asked for only when complete: a backup killed half-way never leaves a folder that looks like a
   * vault. An empty folder chosen beforehand is replaced by the complete one.
   */
  async backup(destinationFolder: string): Promise<{ location: string; bytes: number }> {
    const db = this.#requireDb();
    this.#refuseWhileTask();
    const generation = this.#generation;
    const target = resolve(destinationFolder);
    const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
    if (inside(target, this.location) || inside(this.location, target)) {
      throw new UprightError('BACKUP_INSIDE_VAULT');
    }
    const emptyFolderChosen = existsSync(target);
    if (emptyFolderChosen && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
      throw new UprightError('BACKUP_FOLDER_NOT_EMPTY');
    }
    const partial = resolve(
      dirname(target),
      `${PARTIAL_BACKUP_PREFIX}${basename(target)}-${randomBytes(4).toString('hex')}`,
    );
    try {
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      mkdirSync(partial, { mode: 0o700 });
    } catch {
      throw new UprightError('BACKUP_FAILED');
    }
    const copyDb = resolve(partial, VAULT_DB_FILE);
    const copySlots = resolve(partial, KEYSLOTS_FILE);
    try {
      // File work on the thread pool where it can be: each fsync would hold the main process up.
      await writeFileAtomicAsync(copySlots, await readFile(this.#slotsFile));
      if (this.#tasksOnMainThread) {
        writeCheckedCopy(db, this.#dataKey as Buffer, copyDb, MAIN_THREAD_HOOKS);
      } else {
        // What the copy will weigh: the used pages (VACUUM INTO leaves the free ones out).
        const pageSize = Number(db.pragma('page_size', { simple: true }));
        const used =
          Number(db.pragma('page_count', { simple: true })) - Number(db.pragma('freelist_count', { simple: true }));
        const total = Math.max(0, used * pageSize);
        await this.#tasks.run({
          kind: 'backup',
          background: false,
          file: this.#dbFile,
          key: this.#dataKey as Buffer,
          copyFile: copyDb,
          poll: () => ({ step: 'copy', done: Math.min(total, sizeOf(copyDb)), total }),
        });
      }
      await fsyncFolderAsync(partial);
      // Locked while the copy was made: the vault is closed, and so is this backup.
      if (generation !== this.#generation || !this.#db) throw new UprightError('VAULT_LOCKED');
      const bytes = statSync(copyDb).size + statSync(copySlots).size;
      // rename() replaces an empty folder on POSIX; elsewhere remove the empty one first.
      if (emptyFolderChosen && process.platform === 'win32') rmSync(target, { recursive: true, force: true });
      renameSync(partial, target);
      fsyncFolder(dirname(target));
      this.store().audit.append({ action: 'vault.backup', entityType: 'vault', summary: 'Encrypted backup written' });
      return { location: target, bytes };
    } catch (error) {
      // The worker has exited by now (the runner settles only then): nothing writes the copy any more.
      rmSync(partial, { recursive: true, force: true });
      if (
        error instanceof UprightError &&
        (error.code === 'VAULT_LOCKED' || error.code === 'TASK_CANCELLED' || error.code === 'VAULT_TASK_RUNNING')
      ) {
        throw error;
      }
      throw new UprightError('BACKUP_FAILED');
    }
  }

  /**
   * Checks the database pages, the audit chain and every stored original against its SHA-256, in
   * the vault worker (the main process keeps serving). The outcome is kept in the vault as the last
   * full check (shown in About). `background`: the idle check, which yields to a task the person asks for.
   */
  async verify(now: () => Date = () => new Date(), options: { background?: boolean } = {}): Promise<VerifyReport> {
    this.#requireDb();
    const generation = this.#generation;
    const report = this.#tasksOnMainThread
      ? verifyStore(this.store(), MAIN_THREAD_HOOKS)
      : await this.#tasks.run<VerifyReport>({
          kind: 'verify',
          background: options.background ?? false,
          file: this.#dbFile,
          key: this.#dataKey as Buffer,
        });
    if (generation !== this.#generation || !this.#db) throw new UprightError('VAULT_LOCKED');
    this.#recordCheck({ checkedAt: now().toISOString(), ok: report.ok });
    return report;
  }

  /** The repositories of the open vault; VAULT_LOCKED while locked. */
  store(): Store {
    if (!this.#store) throw new UprightError('VAULT_LOCKED');
    return this.#store;
  }

  setAutoLockMinutes(minutes: number): void {
    this.store().settings.setAutoLockMinutes(minutes);
    this.#autoLockMinutes = minutes;
    this.#emit();
  }

  // ---------- internals ----------

  /** Ends every import writer at once (a file being stored is rolled back); resolves when they have exited. */
  #endWriters(): Promise<unknown> {
    const ending = [...this.#writers].map((writer) => writer.terminate());
    this.#writers.clear();
    return Promise.all(ending);
  }

  #exists(): boolean {
    return existsSync(this.#slotsFile) || existsSync(this.#dbFile);
  }

  #requireDb(): Db {
    if (!this.#db) throw new UprightError('VAULT_LOCKED');
    return this.#db;
  }

  /** One heavy task at a time; key rotation swaps the file a task reads, so it waits too. */
  #refuseWhileTask(): void {
    const running = this.#tasks.running();
    if (running) throw new UprightError('VAULT_TASK_RUNNING', { running });
  }

  /**
   * Opens vault.db with a data key unwrapped from `slots`; takes ownership of the key (zeroed on
   * failure). The key file must be authentic under that key (its MAC), or — written before version
   * 2 — belong to a vault from before SEALED_SCHEMA_VERSION, in which case it is upgraded here.
   */
  async #openWith(dataKey: Buffer, slots: KeySlotFile): Promise<void> {
    const generation = this.#generation;
    let db: Db | null = null;
    try {
      checkKeySlotMac(slots, dataKey);
      this.#settleRotation(dataKey);
      if (!existsSync(this.#dbFile)) {
        throw new UprightError('VAULT_DATABASE_MISSING');
      }
      db = openEncryptedDatabase(this.#dbFile, dataKey, { locking: 'owner' });
      // We hold the vault now: temp files of a key-file write killed mid-way are ours to remove.
      removeStrayTempFiles(this.#slotsFile);
      const version = schemaVersion(db);
      // create() migrates before the key file exists, so a real vault is never at version 0.
      if (version === 0) throw new UprightError('VAULT_CORRUPT');
      if (version > LATEST_VERSION) throw new UprightError('VAULT_FROM_FUTURE');
      // A sealed vault's key file always has its MAC: one without is a replaced (downgraded) file.
      if (!hasMac(slots) && version >= SEALED_SCHEMA_VERSION) throw new UprightError('KEYSLOT_CORRUPT');
      // Check before migrating: never write into a damaged database.
      structuralCheckAtOpen(db, this.#dbFile);
      // The key file gains its MAC before the schema moves past SEALED_SCHEMA_VERSION: a crash in
      // between leaves an authenticated key file beside an older schema, which opens.
      if (!hasMac(slots)) writeKeySlotFile(this.#slotsFile, slots.slots, dataKey);
      if (pendingMigrations(version).length > 0) await this.#migrate(db, dataKey, generation);
      const auditKey = auditHeadKey(dataKey);
      const store = new Store(db, { actor: this.#actor, auditHeadKey: auditKey });
      if (version < SEALED_SCHEMA_VERSION) store.audit.sealHead();
      this.#adopt(db, dataKey, auditKey, store);
    } catch (error) {
      if (db) closeDatabase(db);
      dataKey.fill(0);
      throw translateSqliteError(error);
    }
  }

  /**
   * Brings an older schema up to date: in the vault worker (its steps announced through
   * onMigrationProgress), or on `db` itself with tasksOnMainThread. The main connection `db` stays
   * idle meanwhile. A lock meanwhile ends the worker (the migration is rolled back) and this throws.
   */
  async #migrate(db: Db, dataKey: Buffer, generation: number): Promise<void> {
    const report = (step: MigrationStep, finished = false) => {
      try {
        this.#onMigrationProgress?.({ ...step, finished });
      } catch {
        // a listener's failure does not stop the unlock
      }
    };
    let last: MigrationStep | null = null;
    const onStep = (step: MigrationStep) => {
      last = step;
      report(step);
    };
    try {
      if (this.#tasksOnMainThread) {
        migrate(db, LATEST_VERSION, onStep);
        return;
      }
      const running = migrateInWorker(workerEntry('vault-worker'), this.#dbFile, dataKey, onStep);
      this.#migration = running;
      try {
        await running.done;
      } finally {
        this.#migration = null;
      }
      if (generation !== this.#generation) throw new UprightError('CANCELLED'); // locked meanwhile
    } finally {
      if (last) report(last, true);
    }
  }

  /**
   * Finishes or discards a key rotation interrupted by a crash (see rotateKeys). vault.db.next is
   * renamed into place only when the key file no longer opens vault.db but does open it.
   */
  #settleRotation(dataKey: Buffer): void {
    const pending = resolve(this.location, ROTATING_DB_FILE);
    if (!existsSync(pending)) return;
    if (opensWith(this.#dbFile, dataKey)) {
      removeDatabaseFiles(pending); // the rotation never reached its commit point
      return;
    }
    if (!opensWith(pending, dataKey)) return; // neither opens: the caller reports VAULT_CORRUPT
    // The old database's WAL (if any) is under the old key and already inside the copy.
    rmSync(`${this.#dbFile}-wal`, { force: true });
    rmSync(`${this.#dbFile}-journal`, { force: true });
    renameSync(pending, this.#dbFile);
    fsyncFolder(this.location);
  }

  /** Keeps a full check's outcome; a vault too damaged to take the record keeps it in memory. */
  #recordCheck(record: IntegrityRecord): void {
    this.#integrity = record;
    try {
      this.#store?.settings.recordIntegrityCheck(record);
    } catch {
      // kept in memory only: the damage is still shown
    }
    this.#emit();
  }

  #adopt(db: Db, dataKey: Buffer, auditKey: Buffer, store: Store): void {
    this.#db = db;
    this.#dataKey = dataKey;
    this.#auditKey = auditKey;
    this.#store = store;
    this.#autoLockMinutes = store.settings.getAutoLockMinutes();
    this.#integrity = store.settings.getIntegrityCheck();
  }

  /** Closes the database (checkpointed) and zeroes the keys; drops the repositories and their caches. */
  #close(): void {
    void this.#endWriters(); // their connections must not outlive the vault's (nor a key rotation)
    const db = this.#db;
    this.#db = null;
    this.#store = null;
    if (db) closeDatabase(db);
    this.#dataKey?.fill(0);
    this.#dataKey = null;
    this.#auditKey?.fill(0);
    this.#auditKey = null;
  }

  #emit(): void {
    try {
      this.#onChange?.(this.status());
    } catch {
      // A listener's failure must not undo a lock or an unlock.
    }
  }

  /** Runs vault operations one at a time: two unlocks racing must not open two connections. */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** Whether `file` opens with `key` (closed again at once). */
function opensWith(file: string, key: Buffer): boolean {
  if (!existsSync(file)) return false;
  try {
    closeDatabase(openEncryptedDatabase(file, key));
    return true;
  } catch {
    return false;
  }
}

function removeDatabaseFiles(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-journal`, `${file}-shm`]) rmSync(path, { force: true });
}

/** The main-thread path has no worker to report to or cancel. */
const MAIN_THREAD_HOOKS: TaskHooks = { progress: () => {}, checkCancelled: () => {} };

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
