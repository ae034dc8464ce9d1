// Shared by the vault integration tests: temporary folders, file fingerprints, cheap key derivation,
// and a raw connection (with the real data key) for tests that must go around the repositories.
import { createCipheriv, createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sodium from 'libsodium-wrappers';
import { canonicalJson } from '../../../src/main/store/canonical-json.ts';
import { closeDatabase, type Db, openEncryptedDatabase, type PageCipher } from '../../../src/main/store/database.ts';
import {
  type KdfParams,
  type KeySlot,
  openPassphraseSlot,
  passphraseSlotOf,
  readKeySlotFile,
} from '../../../src/main/vault/keyslots.ts';
import { Vault, type VaultOptions } from '../../../src/main/vault/vault.ts';

await sodium.ready; // libsodium (WebAssembly) for decryptedPages' AEGIS-256

/** Argon2id at 64 KiB / 1 pass: milliseconds instead of a second. Real parameters get one test. */
export const CHEAP_KDF: KdfParams = { memoryKiB: 64, passes: 1, parallelism: 1 };
export const PASSPHRASE = 'correct horse battery staple';
/**
 * An unlocked vault's folder: the database, its key slots, the WAL with its index (-shm; NORMAL
 * locking, so the vault worker can read beside the main connection) and the guard file that keeps
 * other processes out (-lock).
 */
export const OPEN_VAULT_FILES = ['keyslots.json', 'vault.db', 'vault.db-lock', 'vault.db-shm', 'vault.db-wal'];

const made: string[] = [];

/** A fresh folder under the OS temp dir, standing in for the app-data folder; removed by cleanup(). */
export function appDataDir(prefix = 'upright-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function newVault(location: string, options: Partial<VaultOptions> = {}): Vault {
  return new Vault({ location, kdf: CHEAP_KDF, ...options });
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** name → SHA-256 of every file in a folder (not recursive): "were the vault's files touched?" */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = sha256(readFileSync(path));
  }
  return out;
}

/** The data key, unwrapped the way unlock does it (for raw connections in tests). */
export async function dataKeyOf(location: string, passphrase = PASSPHRASE): Promise<Buffer> {
  return openPassphraseSlot(passphraseSlotOf(readKeySlotFile(join(location, 'keyslots.json'))), passphrase);
}

/** Runs fn on a raw connection to a LOCKED vault's database, bypassing repositories and triggers. */
export async function withRawDatabase<T>(location: string, fn: (db: Db) => T, passphrase = PASSPHRASE): Promise<T> {
  const key = await dataKeyOf(location, passphrase);
  const db = openEncryptedDatabase(join(location, 'vault.db'), key);
  key.fill(0);
  try {
    return fn(db);
  } finally {
    closeDatabase(db);
  }
}

/** Awaits a promise expected to fail with an UprightError and returns its code. */
export async function errorCode(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
}

/** A key file as releases before file version 2 wrote it: slots and a checksum, no MAC. */
export function writeLegacyKeySlotFile(path: string, slots: KeySlot[]): void {
  const body = { format: 'upright-keyslots', version: 1, slots };
  const checksum = createHash('sha256').update(canonicalJson(body)).digest('hex');
  writeFileSync(path, `${JSON.stringify({ ...body, checksum }, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Every page of an encrypted vault database, decrypted and authenticated — free pages and stale ones
 * included, which SQL can no longer reach — so a test can search what someone holding the key (and
 * the file) could read. Decrypted here by another implementation than SQLite3MC's, from its page
 * format (src/cipher_aegis.c, src/cipher_chacha20.c), so a test also proves what the pages are in.
 * A page that does not authenticate throws: a page the scan could not read must not pass as clean.
 */
export function decryptedPages(file: string, key: Buffer): { cipher: PageCipher; pages: Buffer } {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const pageAt = (page: number) => bytes.subarray((page - 1) * pageSize, page * pageSize);
  const cipher: PageCipher = aegisPage(pageAt(1), 1, key) ? 'aegis-256' : 'chacha20-poly1305';
  const out = Buffer.alloc(bytes.length);
  for (let page = 1; page * pageSize <= bytes.length; page++) {
    const body = cipher === 'aegis-256' ? aegisPage(pageAt(page), page, key) : chachaPage(pageAt(page), page, key);
    if (!body) throw new Error(`page ${page} does not authenticate under the data key`);
    body.copy(out, (page - 1) * pageSize + (page === 1 ? PAGE1_PLAIN : 0));
  }
  return { cipher, pages: out };
}

/** Page 1 keeps its first 24 bytes (salt, page size) unencrypted, in both ciphers. */
const PAGE1_PLAIN = 24;

/**
 * AEGIS-256 (SQLite3MC's "aegis", algorithm aegis-256): each page ends with a 32-byte tag and a
 * 32-byte random nonce; a one-time key and nonce are 64 bytes of AEGIS-256 keystream of the data key
 * under that nonce, the last 4 replaced by the page number (big-endian); the body is AEGIS-256 under
 * them with no associated data. Null when the tag does not check.
 */
function aegisPage(data: Buffer, page: number, key: Buffer): Buffer | null {
  const n = data.length - 64;
  const tag = data.subarray(n, n + 32);
  const nonce = data.subarray(n + 32, n + 64);
  // AEGIS keystream = the encryption of zeros with no associated data.
  const otk = Buffer.from(
    sodium.crypto_aead_aegis256_encrypt_detached(new Uint8Array(64), null, null, nonce, key).ciphertext,
  );
  otk.writeUInt32BE(page >>> 0, 60);
  const offset = page === 1 ? PAGE1_PLAIN : 0;
  try {
    const body = sodium.crypto_aead_aegis256_decrypt_detached(
      null,
      data.subarray(offset, n),
      tag,
      null,
      otk.subarray(32),
      otk.subarray(0, 32),
    );
    return Buffer.from(body);
  } catch {
    return null; // libsodium throws when the tag does not check
  } finally {
    otk.fill(0);
  }
}

/**
 * ChaCha20-Poly1305 as vaults made before AEGIS-256 are (sqlite3.c, EncryptPageChaCha20Cipher): each
 * page ends with a 16-byte nonce and a 16-byte tag; a one-time key is the ChaCha20 keystream of the
 * data key at counter LE32(nonce[12..16]) ^ page with nonce[0..12], and the page body is ChaCha20
 * under its second half at the next counter. Not authenticated here (Node has no bare Poly1305):
 * this cipher is only read for the one test of a vault made before.
 */
function chachaPage(data: Buffer, page: number, key: Buffer): Buffer {
  const chacha = (k: Buffer, counter: number, nonce: Buffer, input: Buffer) => {
    const iv = Buffer.alloc(16);
    iv.writeUInt32LE(counter >>> 0, 0);
    nonce.copy(iv, 4, 0, 12);
    const c = createCipheriv('chacha20', k, iv);
    return Buffer.concat([c.update(input), c.final()]);
  };
  const n = data.length - 32;
  const nonce = data.subarray(n, n + 16);
  const counter = (nonce.readUInt32LE(12) ^ page) >>> 0;
  const otk = chacha(key, counter, nonce, Buffer.alloc(64));
  return chacha(otk.subarray(32), counter + 1, nonce, data.subarray(page === 1 ? PAGE1_PLAIN : 0, n));
}
