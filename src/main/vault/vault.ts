// The vault's lifecycle: create, unlock, recover, change passphrase, lock, back up, verify.
//
// A vault is a folder, not a file:
//   <location>/vault.db        SQLite3MultipleCiphers database (ChaCha20-Poly1305), opened with a
//                              random 256-bit data key — never with anything derived in SQLite
//   <location>/keyslots.json   that data key, wrapped by the passphrase and by the recovery key
//   <location>/vault.db-wal    exists only while the vault is open (emptied and removed on lock)
// Why a folder: SQLite already needs a sibling file (the WAL), so the unit a person copies is a
// folder anyway; keeping the key slots beside the database (not inside it) means changing the
// passphrase rewrites a 1 KB file atomically and never touches the database (no PRAGMA rekey, which
// SQLite3MC cannot do safely in WAL mode); and "back up = copy this folder" is easy to explain.
// The folder is created 0700. Nothing decrypted is ever written outside vault.db: temp_store is
// memory, backups are VACUUM INTO (encrypted with the same key), no logs carry content.
//
// Errors are UprightError with the codes of src/shared/errors.ts; every method that can fail
// before it changes anything leaves the vault's files exactly as they were.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { UprightError } from '../../shared/errors.ts';
import {
  closeDatabase,
  type Db,
  integrityCheck,
  KEY_BYTES,
  openEncryptedDatabase,
  quickCheckAtOpen,
  translateSqliteError,
  vacuumInto,
} from '../store/database.ts';
import { Store } from '../store/index.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../store/migrations/index.ts';
import { AUTO_LOCK_DEFAULT_MINUTES } from '../store/settings.ts';
import {
  calibrateKdf,
  createPassphraseSlot,
  createRecoverySlot,
  type KdfParams,
  openPassphraseSlot,
  openRecoverySlot,
  passphraseSlotOf,
  readKeySlotFile,
  recoverySlotOf,
  writeFileAtomic,
  writeKeySlotFile,
} from './keyslots.ts';
import { formatRecoveryKey, newRecoveryKey, parseRecoveryKey } from './recovery-key.ts';

export const VAULT_DB_FILE = 'vault.db';
export const KEYSLOTS_FILE = 'keyslots.json';
export const MIN_PASSPHRASE_CHARS = 12;

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface VaultStatusLike {
  state: VaultState;
  location: string;
  autoLockMinutes: number;
}

export interface VerifyReport {
  ok: boolean;
  integrity: string[];
  audit: { ok: boolean; entries: number; brokenAtSeq: number | null };
  originals: { checked: number; mismatched: { sourceId: string; title: string }[] };
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

  #db: Db | null = null;
  #store: Store | null = null;
  #dataKey: Buffer | null = null;
  /** Last known setting: shown while locked, since settings live inside the encrypted vault. */
  #autoLockMinutes = AUTO_LOCK_DEFAULT_MINUTES;
  /** Bumped by lock(): an unlock still deriving its key when the vault is locked must not open it. */
  #generation = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: VaultOptions) {
    this.location = resolve(options.location);
    this.#dbFile = resolve(this.location, VAULT_DB_FILE);
    this.#slotsFile = resolve(this.location, KEYSLOTS_FILE);
    this.#kdf = options.kdf;
    this.#onChange = options.onChange;
    this.#actor = options.actor ?? 'owner';
  }

  status(): VaultStatusLike {
    const state: VaultState = this.#db ? 'unlocked' : this.#exists() ? 'locked' : 'absent';
    return { state, location: this.location, autoLockMinutes: this.#autoLockMinutes };
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
        if (generation !== this.#generation) throw new UprightError('CANCELLED', 'The vault was locked meanwhile.');
        if (this.#exists()) throw new UprightError('VAULT_EXISTS');
        mkdirSync(this.location, { recursive: true, mode: 0o700 });
        let db: Db | null = null;
        try {
          db = openEncryptedDatabase(this.#dbFile, dataKey, { create: true });
          restrictPermissions(this.#dbFile);
          migrate(db);
          const store = new Store(db, { actor: this.#actor });
          store.audit.append({ action: 'vault.create', entityType: 'vault', summary: 'Vault created' });
          // The key slots go last: until they exist, nothing could open the database anyway.
          writeKeySlotFile(this.#slotsFile, slots);
          this.#adopt(db, dataKey, store);
          adopted = true;
        } catch (error) {
          // Leave no half-made vault behind: these files did not exist before this call.
          if (db) closeDatabase(db);
          for (const file of [this.#slotsFile, this.#dbFile, `${this.#dbFile}-wal`, `${this.#dbFile}-journal`]) {
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
      const dataKey = await openPassphraseSlot(passphraseSlotOf(slots), passphrase);
      if (this.#db) {
        dataKey.fill(0);
        return;
      }
      if (generation !== this.#generation) {
        dataKey.fill(0);
        throw new UprightError('CANCELLED', 'The vault was locked while it was being unlocked.');
      }
      this.#openWith(dataKey);
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
        const newSlot = await createPassphraseSlot(newPassphrase, dataKey, this.#kdf ?? (await calibrateKdf()));
        if (generation !== this.#generation) throw new UprightError('CANCELLED', 'The vault was locked meanwhile.');
        // Open (or confirm the open database) before touching the key file: a vault that is in use
        // or damaged keeps its old passphrase.
        if (this.#db) {
          if (!this.#dataKey || !timingSafeEqual(this.#dataKey, dataKey)) throw new UprightError('KEYSLOT_CORRUPT');
        } else {
          this.#openWith(dataKey);
          keep = true;
        }
        writeKeySlotFile(
          this.#slotsFile,
          slots.slots.map((slot) => (slot.kind === 'passphrase' ? newSlot : slot)),
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
        const newSlot = await createPassphraseSlot(next, dataKey, this.#kdf ?? (await calibrateKdf()));
        writeKeySlotFile(
          this.#slotsFile,
          slots.slots.map((slot) => (slot.kind === 'passphrase' ? newSlot : slot)),
        );
      } finally {
        dataKey.fill(0);
      }
    });
  }

  /** Checkpoints and empties the WAL, closes the database, zeroes the key. Idempotent. */
  lock(): void {
    this.#generation++;
    const db = this.#db;
    if (!db) return;
    this.#db = null;
    this.#store = null;
    closeDatabase(db);
    this.#dataKey?.fill(0);
    this.#dataKey = null;
    this.#emit();
  }

  /**
   * Writes an encrypted copy into `destinationFolder` (new, or an empty folder): a vault folder that
   * opens with the same passphrase and recovery key. The copy is made with VACUUM INTO, which
   * SQLite3MC encrypts with the open database's cipher and key (better-sqlite3's backup() would
   * refuse, and a plain ATTACH would write plaintext), then opened and checked before we say "done".
   */
  backup(destinationFolder: string): Promise<{ location: string; bytes: number }> {
    return this.#serial(async () => {
      const db = this.#requireDb();
      const target = resolve(destinationFolder);
      const inside = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
      if (inside(target, this.location) || inside(this.location, target)) {
        throw new UprightError('BACKUP_FAILED', 'Choose a folder outside the vault for the backup.');
      }
      let madeFolder = false;
      if (existsSync(target)) {
        if (!statSync(target).isDirectory() || readdirSync(target).length > 0) {
          throw new UprightError('BACKUP_FAILED', 'Choose a new or empty folder for the backup.');
        }
      } else {
        try {
          mkdirSync(target, { recursive: true, mode: 0o700 });
        } catch {
          throw new UprightError('BACKUP_FAILED');
        }
        madeFolder = true;
      }
      const copyDb = resolve(target, VAULT_DB_FILE);
      const copySlots = resolve(target, KEYSLOTS_FILE);
      try {
        vacuumInto(db, copyDb);
        writeFileAtomic(copySlots, readFileSync(this.#slotsFile));
        const copy = openEncryptedDatabase(copyDb, this.#dataKey as Buffer);
        try {
          const lines = integrityCheck(copy);
          if (lines.length !== 1 || lines[0] !== 'ok' || schemaVersion(copy) !== schemaVersion(db)) {
            throw new Error('backup copy failed its check');
          }
        } finally {
          closeDatabase(copy);
        }
        restrictPermissions(copyDb);
        const bytes = statSync(copyDb).size + statSync(copySlots).size;
        this.store().audit.append({ action: 'vault.backup', entityType: 'vault', summary: 'Encrypted backup written' });
        return { location: target, bytes };
      } catch (error) {
        for (const file of [copyDb, `${copyDb}-wal`, `${copyDb}-journal`, copySlots]) rmSync(file, { force: true });
        if (madeFolder) rmSync(target, { recursive: true, force: true });
        if (error instanceof UprightError && error.code === 'VAULT_LOCKED') throw error;
        throw new UprightError('BACKUP_FAILED');
      }
    });
  }

  /** Checks the database pages, the audit chain and every stored original against its SHA-256. */
  verify(): Promise<VerifyReport> {
    return this.#serial(async () => {
      const store = this.store();
      const integrity = store.integrityCheck();
      let audit: VerifyReport['audit'];
      try {
        const brokenAtSeq = store.audit.verifyChain();
        audit = { ok: brokenAtSeq === null, entries: store.audit.count(), brokenAtSeq };
      } catch {
        audit = { ok: false, entries: 0, brokenAtSeq: null };
      }
      let originals: VerifyReport['originals'];
      try {
        originals = store.sources.checkOriginals();
      } catch {
        originals = { checked: 0, mismatched: [] };
        integrity.push('The stored originals could not be read.');
      }
      const ok = integrity.length === 1 && integrity[0] === 'ok' && audit.ok && originals.mismatched.length === 0;
      return { ok, integrity, audit, originals };
    });
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

  #exists(): boolean {
    return existsSync(this.#slotsFile) || existsSync(this.#dbFile);
  }

  #requireDb(): Db {
    if (!this.#db) throw new UprightError('VAULT_LOCKED');
    return this.#db;
  }

  /** Opens vault.db with an authenticated data key; takes ownership of the key (zeroed on failure). */
  #openWith(dataKey: Buffer): void {
    if (!existsSync(this.#dbFile)) {
      dataKey.fill(0);
      throw new UprightError('VAULT_CORRUPT', 'The vault’s database file is missing. Restore it from a backup.');
    }
    let db: Db | null = null;
    try {
      db = openEncryptedDatabase(this.#dbFile, dataKey);
      const version = schemaVersion(db);
      // create() migrates before the key file exists, so a real vault is never at version 0.
      if (version === 0) throw new UprightError('VAULT_CORRUPT');
      if (version > LATEST_VERSION) throw new UprightError('VAULT_FROM_FUTURE');
      // Check before migrating: never write into a damaged database.
      quickCheckAtOpen(db);
      migrate(db);
      this.#adopt(db, dataKey, new Store(db, { actor: this.#actor }));
    } catch (error) {
      if (db) closeDatabase(db);
      dataKey.fill(0);
      throw translateSqliteError(error);
    }
  }

  #adopt(db: Db, dataKey: Buffer, store: Store): void {
    this.#db = db;
    this.#dataKey = dataKey;
    this.#store = store;
    this.#autoLockMinutes = store.settings.getAutoLockMinutes();
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

function restrictPermissions(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // Best effort (e.g. FAT-formatted USB sticks have no permissions); the file is encrypted anyway.
  }
}
