// Opening, checking, backing up and closing the encrypted vault database. The only file that talks
// to SQLite3MultipleCiphers about keys and pragmas; the vault (src/main/vault/) hands it a data key.
//
// What SQLite3MC taught us (see docs/SECURITY.md and the tests in tests/integration/vault/):
// - The key goes in before anything reads the file. We call sqlite3_key() through better-sqlite3's
//   db.key(Buffer) with "raw:" + the 32 key bytes: a binary raw key skips SQLite3MC's own PBKDF2,
//   never passes through SQL text (no quoting, no hex string left in the JS heap) and its buffer can
//   be zeroed. It is equivalent to `PRAGMA key = "raw:<64 hex>"`.
// - sqlite3_key answers OK even for a wrong key: the first read of sqlite_master is the real check
//   (SQLITE_NOTADB when the key is wrong or page 1 is damaged).
// - better-sqlite3's db.backup() refuses an encrypted source ("incompatible source and target"), but
//   `VACUUM INTO` attaches its target with the main database's cipher and key: the copy is encrypted
//   with the same data key and has no free pages (no remnants of deleted rows).
// - locking_mode=EXCLUSIVE set before the first read of a WAL database: no -shm file is ever made,
//   and the first read takes an exclusive file lock, held until close (the OS drops it if the
//   process dies). A second process gets SQLITE_BUSY, which we report as VAULT_IN_USE.
//   But a second connection in the same process is refused too (SQLite tracks locks per file, not
//   per connection), and in WAL mode an EXCLUSIVE connection can never go back to NORMAL. So the
//   vault's own connection opens with locking 'shared' (NORMAL locking, WAL with its -shm index),
//   which lets the vault worker (src/main/workers/vault-worker.ts) open a second, reading connection
//   for verify and backup while the main connection keeps serving. The -shm file holds the WAL's
//   index (frame numbers, page numbers, salts, checksums), never page contents, and SQLite removes it
//   with the WAL when the last connection closes cleanly. Other processes are kept out by a guard:
//   an empty SQLite file "<vault.db>-lock" held in EXCLUSIVE mode for as long as the vault is open
//   (the OS drops that lock if the process dies), so VAULT_IN_USE means what it meant before.
//   Copies (backups, rotation) still open EXCLUSIVE: nothing else ever reads them.
// - memory_security is not compiled into the npm build (the pragma answers nothing), so we use it
//   only when present. SQLite3MC 2.4.0 is what the npm package ships; SECURITY.md asks for 2.6
//   because older builds could write temp files in plaintext — temp_store=MEMORY, set on every
//   connection before any statement that could spill, keeps temp data off disk regardless.
// - Never PRAGMA rekey on the vault itself: it breaks in WAL mode. Key slots mean a passphrase change
//   keeps the data key; rotating the data key re-encrypts a VACUUM INTO copy, which is in
//   rollback-journal mode until first opened as a vault, and can therefore be rekeyed (rekeyCopy).
import { rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { PageCipher } from '../../shared/api/vault.ts';
import { UprightError } from '../../shared/errors.ts';

export type Db = Database.Database;

export const KEY_BYTES = 32;
/** Oldest SQLite3MC we accept (see the header comment for why not 2.6). */
export const MIN_SQLITE3MC: readonly [number, number] = [2, 4];
/** How long to wait for another process's lock before answering VAULT_IN_USE. */
const BUSY_TIMEOUT_MS = 500;
/** SQLite page cache per connection, in KiB (copies, tests, the vault worker's reading connection). */
export const CACHE_KIB = 64 * 1024;
/**
 * The vault's own connection's page cache, in KiB: searches and lists at 10,000 sources read more
 * index pages than 64 MiB holds, and every page read again is decrypted again. Measured on the scale
 * benchmark's 50-query search mix: encrypted / plain 1.3–1.9× at 64 MiB, 0.9–1.1× at 256 MiB.
 * Allocated only as pages are read, so a small vault never uses it.
 */
export const MAIN_CACHE_KIB = 256 * 1024;
/** Pages in the WAL before an automatic checkpoint (4000 × 4 KiB = 16 MiB). */
const WAL_AUTOCHECKPOINT_PAGES = 4000;

export interface OpenOptions {
  /** Make a new database file; otherwise the file must exist and be non-empty. */
  create?: boolean;
  busyTimeoutMs?: number;
  /**
   * 'exclusive' (default): one connection, no -shm file; for copies and tests.
   * 'owner': the vault's main connection — NORMAL locking (so a worker can read beside it) and the
   *   "-lock" guard file held exclusively, so another process gets VAULT_IN_USE.
   * 'guest': a second connection of the same process (the vault worker): NORMAL locking, no guard.
   */
  locking?: 'exclusive' | 'owner' | 'guest';
}

/** The guard of an 'owner' connection, closed (and its file removed) with it. */
const guards = new WeakMap<Db, Db>();

/** Holds `<file>-lock` exclusively: a second process that tries gets VAULT_IN_USE. */
function takeGuard(file: string, busyTimeoutMs: number): Db {
  let guard: Db | null = null;
  try {
    guard = new Database(`${file}-lock`, { timeout: busyTimeoutMs });
    guard.pragma('locking_mode = EXCLUSIVE');
    guard.pragma('journal_mode = MEMORY'); // no -journal file beside it: it never holds data
    // A write transaction takes the exclusive lock, which EXCLUSIVE mode keeps until close.
    guard.exec('BEGIN EXCLUSIVE; COMMIT');
    return guard;
  } catch (error) {
    if (guard) safeClose(guard);
    throw translateSqliteError(error);
  }
}

function releaseGuard(db: Db, file: string): void {
  const guard = guards.get(db);
  if (!guard) return;
  guards.delete(db);
  safeClose(guard);
  // Removed so the folder holds only the vault's own files while it is locked. A process that was
  // waiting on the old file at this very moment finds it unlinked; its unlock then retries cleanly.
  rmSync(`${file}-lock`, { force: true });
}

/**
 * The page ciphers a vault database may be in (SQLite3MC cipher schemes, both authenticated).
 * New vaults, and every vault whose data key is rotated, use AEGIS-256: with AES instructions in the
 * CPU it costs next to nothing per page, where SQLite3MC's portable ChaCha20-Poly1305 cost ~15 µs
 * per 4 KiB page written or read from disk — an excerpt added touches ~20 pages, which made adding
 * one 1.2–1.4× slower than unencrypted (tests/bench/cases/scale.ts, "inserts"; AEGIS-256: 0.99–1.03×).
 * Vaults made before keep ChaCha20-Poly1305 and open as before, until their key is rotated.
 */
export const PAGE_CIPHERS: readonly PageCipher[] = PageCipher.options;
export type { PageCipher };
/** What new vaults and re-encrypted copies are written in. */
export const PAGE_CIPHER: PageCipher = 'aegis-256';

/** Selects the cipher for the key given next, on a connection that has not read anything yet. */
function selectCipher(db: Db, cipher: PageCipher): void {
  if (cipher === 'aegis-256') {
    db.pragma("cipher = 'aegis'");
    // Pinned rather than left to the engine's default: a vault must open the same way in every build.
    db.pragma("algorithm = 'aegis-256'");
  } else {
    db.pragma("cipher = 'chacha20'");
  }
}

/** The cipher an open vault database is in (shown in About). */
export function pageCipherOf(db: Db): PageCipher {
  const cipher = String(db.pragma('cipher', { simple: true }));
  if (cipher === 'chacha20') return 'chacha20-poly1305';
  if (cipher === 'aegis' && String(db.pragma('algorithm', { simple: true })) === 'aegis-256') return 'aegis-256';
  throw new UprightError('INTERNAL'); // a cipher Upright never writes
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_NOTADB');
}

/**
 * The connection `attempt` opens in the first of `ciphers` whose page-1 tag checks: the next cipher
 * is tried only on SQLITE_NOTADB; any other failure, or the last cipher's, is thrown as SQLite's.
 */
function inFirstCipherThatOpens(ciphers: readonly PageCipher[], attempt: (cipher: PageCipher) => Db): Db {
  for (const [index, cipher] of ciphers.entries()) {
    try {
      return attempt(cipher);
    } catch (error) {
      if (!isNotADatabase(error) || index === ciphers.length - 1) throw error;
    }
  }
  throw new UprightError('INTERNAL'); // no cipher to try
}

/** `key` as SQLite3MC takes a raw key ("raw:" and its bytes) for the length of `use`, zeroed after. */
function withRawKey<T>(key: Buffer, use: (raw: Buffer) => T): T {
  const raw = Buffer.alloc(4 + KEY_BYTES);
  try {
    raw.write('raw:', 0, 'latin1');
    key.copy(raw, 4);
    return use(raw);
  } finally {
    raw.fill(0);
  }
}

/**
 * Opens (or creates) an encrypted database with a raw 256-bit key and the vault's pragmas.
 * A new file is written in PAGE_CIPHER; an existing one is tried in each of PAGE_CIPHERS (the file
 * does not say which: its first page is ciphertext too), and the one whose authentication tag
 * checks is it — the key was authenticated by its key slot, so a tag that fails under every cipher
 * means a damaged file, not a wrong guess.
 * Throws UprightError: VAULT_NOT_FOUND, VAULT_IN_USE, VAULT_CORRUPT (page 1 unreadable with the
 * right key in every cipher).
 */
export function openEncryptedDatabase(file: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== KEY_BYTES) throw new UprightError('INTERNAL'); // the vault key has the wrong length
  if (!options.create) {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new UprightError('VAULT_NOT_FOUND');
    }
    // An empty file would open as a brand-new empty database, and migrations would "create" it.
    if (size === 0) throw new UprightError('VAULT_CORRUPT');
  }

  const locking = options.locking ?? 'exclusive';
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  // The guard goes first: a vault another process holds is refused before its file is touched.
  const guard = locking === 'owner' ? takeGuard(file, busyTimeoutMs) : null;
  try {
    const db = inFirstCipherThatOpens(options.create ? [PAGE_CIPHER] : PAGE_CIPHERS, (cipher) =>
      openWithCipher(file, key, cipher, { ...options, locking, busyTimeoutMs }),
    );
    if (guard) guards.set(db, guard);
    return db;
  } catch (error) {
    if (guard) {
      safeClose(guard);
      rmSync(`${file}-lock`, { force: true });
    }
    throw translateSqliteError(error);
  }
}

/** A connection to `file` with `cipher` selected and the raw key given, before anything reads the file. */
function keyedConnection(file: string, key: Buffer, cipher: PageCipher, create: boolean, timeout: number): Db {
  const db = new Database(file, { fileMustExist: !create, timeout });
  try {
    selectCipher(db, cipher);
    // The first thing that touches the file: nothing may read it before the key.
    withRawKey(key, (raw) => db.key(raw));
    return db;
  } catch (error) {
    safeClose(db);
    throw error;
  }
}

/** One attempt of openEncryptedDatabase in one cipher; SQLite's own error when it fails. */
function openWithCipher(
  file: string,
  key: Buffer,
  cipher: PageCipher,
  options: OpenOptions & Required<Pick<OpenOptions, 'locking' | 'busyTimeoutMs'>>,
): Db {
  const db = keyedConnection(file, key, cipher, options.create === true, options.busyTimeoutMs);
  immediateTransactions(db);
  try {
    // Pragmas that only set connection state come before the first read, so that the first read
    // already happens in exclusive mode (no -shm file) and never spills to a temp file.
    db.pragma(`locking_mode = ${options.locking === 'exclusive' ? 'EXCLUSIVE' : 'NORMAL'}`);
    db.pragma('temp_store = MEMORY');
    // The real key check, and the moment we learn whether another process holds the vault.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    checkEngine(db, cipher);
    applyConnectionPragmas(
      db,
      options.locking === 'exclusive',
      options.locking === 'owner' ? MAIN_CACHE_KIB : CACHE_KIB,
    );
    // Take the write lock now rather than at the first change, so "in use" is known at unlock.
    if (options.locking === 'exclusive') db.exec('BEGIN EXCLUSIVE; COMMIT');
    return db;
  } catch (error) {
    safeClose(db);
    throw error;
  }
}

/**
 * Makes every transaction of the connection BEGIN IMMEDIATE (nested ones stay savepoints). The vault
 * has two writing connections (the main one and the vault worker's, which stores imported files): a
 * deferred transaction that reads first and writes later would fail with SQLITE_BUSY_SNAPSHOT — at
 * once, whatever the busy timeout — when the other connection committed in between, and two such
 * transactions could each wait for the other. IMMEDIATE takes the write lock at BEGIN, where the
 * busy timeout simply waits for the other connection's commit.
 */
export function immediateTransactions(db: Db): void {
  const transaction = Object.getPrototypeOf(db).transaction as Db['transaction'];
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) => transaction.call(db, fn).immediate) as Db['transaction'];
}

/**
 * Pragmas shared by the vault and by the benchmark's plaintext baseline, so the two differ only in
 * encryption. Call right after the key (or, for the baseline, right after opening).
 */
export function applyConnectionPragmas(db: Db, exclusive = true, cacheKib = CACHE_KIB): void {
  if (exclusive) db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('temp_store = MEMORY');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new UprightError('INTERNAL'); // the vault could not switch to WAL mode
  db.pragma('secure_delete = ON'); // freed pages are zeroed before they are reused or left behind
  db.pragma('foreign_keys = ON');
  // Every page read from disk is decrypted and authenticated, so re-reading a page evicted from
  // SQLite's cache costs more than for plain SQLite, where the OS cache makes it a memcpy (far more
  // in ChaCha20-Poly1305, the cipher of older vaults). 64 MiB (allocated only as used) keeps a
  // large vault's text and index pages hot; the vault's own connection has more (MAIN_CACHE_KIB).
  db.pragma(`cache_size = ${-cacheKib}`);
  // Fewer, larger automatic checkpoints (16 MiB instead of 4 MiB of WAL): measured to narrow the
  // encrypted/plain gap on bulk inserts from ~1.25× to ~1.15× (tests/bench/cases/vault.ts). The WAL
  // is still emptied with TRUNCATE on lock, on close and after deletions.
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  // FULL: a commit is on disk before we report it, even if the laptop loses power right after.
  db.pragma('synchronous = FULL');
  if (memorySecuritySupported(db)) db.pragma('memory_security = fill');
}

function memorySecuritySupported(db: Db): boolean {
  try {
    return (db.pragma('memory_security') as unknown[]).length > 0;
  } catch {
    return false;
  }
}

/** The SQLite3MC version string, e.g. "SQLite3 Multiple Ciphers 2.4.0". */
export function engineVersion(db: Db): string {
  return String(db.prepare('SELECT sqlite3mc_version()').pluck().get());
}

export function isSupportedEngine(version: string): boolean {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > MIN_SQLITE3MC[0] || (major === MIN_SQLITE3MC[0] && minor >= MIN_SQLITE3MC[1]);
}

function checkEngine(db: Db, cipher: PageCipher): void {
  const version = engineVersion(db);
  if (!isSupportedEngine(version)) {
    throw new UprightError('INTERNAL'); // this build has an outdated encryption engine
  }
  // The cipher asked for is the one in use (an engine that ignored the pragma would use its default).
  if (pageCipherOf(db) !== cipher) throw new UprightError('INTERNAL');
}

/**
 * Structural check at unlock, in time that does not grow with the vault: the header and the whole
 * schema read and authenticated (the first read already proved the key), the file no shorter than
 * the pages its header counts (a truncated copy), every b-tree's root where the schema says it is,
 * and the first and last leaf of every table (the pages a torn write at the end most likely hit).
 * What it reads is a few pages per table, whatever the number of rows. A full page-by-page check
 * (quick_check decrypts every page: ~2.5 ms per MB, 8 s at 10,000 sources) is verify()'s job, and
 * the background check's when the app is idle (src/main/vault/integrity-schedule.ts).
 */
export function structuralCheckAtOpen(db: Db, file: string): void {
  try {
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const pageCount = Number(db.pragma('page_count', { simple: true }));
    if (!(pageSize >= 512) || !(pageCount >= 1)) throw new UprightError('VAULT_CORRUPT');
    // The pages the header counts are in the file, or (after a crash) in its WAL.
    if (statSync(file).size < pageCount * pageSize && walBytes(file) === 0) throw new UprightError('VAULT_CORRUPT');
    db.pragma('schema_version', { simple: true });
    const objects = db.prepare('SELECT type, name, rootpage, sql FROM sqlite_schema').all() as SchemaRow[];
    const roots = new Set<number>();
    for (const object of objects) {
      if (object.type !== 'table' && object.type !== 'index') continue;
      if (object.rootpage === 0 && object.type === 'table' && /^CREATE VIRTUAL/i.test(object.sql ?? '')) continue;
      // A b-tree's root is a real page of the file, and no two share one.
      if (!Number.isInteger(object.rootpage) || object.rootpage < 1 || object.rootpage > pageCount) {
        throw new UprightError('VAULT_CORRUPT');
      }
      if (roots.has(object.rootpage)) throw new UprightError('VAULT_CORRUPT');
      roots.add(object.rootpage);
      if (object.type === 'table') readTableEdges(db, object.name, /WITHOUT\s+ROWID/i.test(object.sql ?? ''));
    }
  } catch (error) {
    throw translateSqliteError(error);
  }
}

interface SchemaRow {
  type: string;
  name: string;
  rootpage: number;
  sql: string | null;
}

/** Reads the root, the first leaf and the last leaf of a table: a handful of pages at any size. */
function readTableEdges(db: Db, table: string, withoutRowid: boolean): void {
  const name = quoteIdentifier(table);
  if (withoutRowid) {
    db.prepare(`SELECT * FROM ${name} LIMIT 1`).all();
    return;
  }
  db.prepare(`SELECT rowid FROM ${name} ORDER BY rowid LIMIT 1`).all();
  db.prepare(`SELECT rowid FROM ${name} ORDER BY rowid DESC LIMIT 1`).all();
}

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** The full integrity_check, as lines (["ok"] when sound); a damaged page becomes a line too. */
export function integrityCheck(db: Db): string[] {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: unknown }[];
    return rows.map((row) => String(row.integrity_check));
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/** Moves the WAL into the database and empties it: old page images must not linger there. */
export function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Copies what it can from the WAL into the database without waiting for readers or writers. */
export function checkpointPassive(db: Db): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}

/**
 * Writes an encrypted copy (same cipher, same data key) to `file`, which must not exist.
 * The copy is compact and in rollback-journal mode until first opened as a vault.
 */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/**
 * Re-encrypts a copy made by vacuumInto() from `oldKey` (in whichever of PAGE_CIPHERS it is) to
 * `newKey` in `cipher`, in place: rotating a vault's key also moves an older vault to PAGE_CIPHER
 * (tests pass the older cipher to make a vault as older releases wrote it). Only for such a copy,
 * before it is first opened as a vault: SQLite3MC cannot rekey a database in WAL mode, so this
 * refuses one. Keys go in as raw bytes, as in openEncryptedDatabase, and their buffers are zeroed.
 */
export function rekeyCopy(file: string, oldKey: Buffer, newKey: Buffer, cipher: PageCipher = PAGE_CIPHER): void {
  if (oldKey.length !== KEY_BYTES || newKey.length !== KEY_BYTES) {
    throw new UprightError('INTERNAL'); // the vault key has the wrong length
  }
  let db: Db;
  try {
    db = inFirstCipherThatOpens(PAGE_CIPHERS, (current) => {
      const candidate = keyedConnection(file, oldKey, current, false, BUSY_TIMEOUT_MS);
      try {
        candidate.pragma('temp_store = MEMORY');
        candidate.prepare('SELECT count(*) FROM sqlite_master').get(); // the page-1 tag checks
        return candidate;
      } catch (error) {
        safeClose(candidate);
        throw error;
      }
    });
  } catch (error) {
    throw translateSqliteError(error);
  }
  try {
    const mode = db.pragma('journal_mode', { simple: true });
    if (mode === 'wal') throw new UprightError('INTERNAL'); // SQLite3MC cannot rekey a database in WAL mode
    selectCipher(db, cipher); // rekey writes every page in the connection's selected cipher
    withRawKey(newKey, (raw) => db.rekey(raw));
  } finally {
    safeClose(db);
  }
}

/** Checkpoints (best effort), then closes. Safe on an already closed connection. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    checkpoint(db);
  } catch {
    // A damaged or busy database must still be closed; the WAL is then replayed at next open.
  }
  safeClose(db);
  releaseGuard(db, db.name);
}

function safeClose(db: Db): void {
  try {
    if (db.open) db.close();
  } catch {
    // nothing more we can do
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Maps SQLite's failures on open to the codes a person can act on. Other errors pass through. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof UprightError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new UprightError('VAULT_IN_USE');
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return new UprightError('VAULT_CORRUPT');
  if (code.startsWith('SQLITE_CANTOPEN')) return new UprightError('VAULT_NOT_FOUND');
  return error;
}
