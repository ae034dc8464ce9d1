// Key slots: keyslots.json holds the vault's random data key, wrapped once per way in.
// - passphrase slot: wrapping key = Argon2id(passphrase, salt) with the parameters recorded in the
//   slot (≥ 64 MiB, 3 passes, parallelism 1; calibrated towards ~1 s at creation, so they can be
//   raised for new slots without breaking old ones).
// - recovery slot: wrapping key = HKDF-SHA256(recovery key, salt). The recovery key is 256 random
//   bits, so a slow KDF would add nothing.
// The data key is sealed with AES-256-GCM; the slot header (version, kind, KDF parameters, salt) is
// the associated data, so a slot cannot be unwrapped under other parameters than it was made with.
// The file reveals only parameters, salts, nonces and ciphertext. It also carries a SHA-256 checksum
// of its content: without the secret, a failed AEAD open cannot tell a wrong passphrase from a
// damaged slot, and the checksum lets us say "the key file is damaged" (KEYSLOT_CORRUPT) instead of
// blaming the person's passphrase. (Someone who edits a slot and recomputes the checksum gets
// WRONG_PASSPHRASE — and nothing else: they still cannot unwrap the key.)
// Since file version 2 the file also carries a MAC (HMAC-SHA256 under a key derived from the data
// key) over its slots, checked after unlock: a slot removed (say, the recovery slot) or swapped in by
// someone without the data key is reported as KEYSLOT_CORRUPT instead of going unnoticed. Version 1
// files (no MAC) are still read, and upgraded by the vault at the next unlock.
// KDF parameters read from the file are clamped to what this app could have written: an edited file
// must not make an unlock run Argon2 for minutes at gigabytes.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Algorithm, hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { UprightError } from '../../shared/errors.ts';
import { canonicalJson } from '../store/canonical-json.ts';

export interface KdfParams {
  /** Argon2 memory in KiB (65536 = 64 MiB). */
  memoryKiB: number;
  /** Argon2 passes (time cost). */
  passes: number;
  parallelism: number;
}

/** The floor for real vaults (SECURITY.md): never create a passphrase slot below it outside tests. */
export const KDF_FLOOR: Readonly<KdfParams> = Object.freeze({ memoryKiB: 64 * 1024, passes: 3, parallelism: 1 });
export const DEFAULT_KDF = KDF_FLOOR;
/** Calibration stops raising memory here, so a vault made on a big machine opens on a 4 GB laptop. */
export const KDF_MAX_CALIBRATED_MEMORY_KIB = 256 * 1024;

const ARGON2ID = 2 as Algorithm; // const enum in the typings: not available to type-stripped code
const SLOT_VERSION = 1 as const;
const FILE_FORMAT = 'upright-keyslots' as const;
/** Version 2 adds the MAC; version 1 (no MAC) is still read. */
const FILE_VERSION = 2 as const;
const LEGACY_FILE_VERSION = 1 as const;
const MAC_INFO = 'upright/keyslots/mac/v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const RECOVERY_INFO = 'upright/keyslot/recovery/v1';

// ---------- file format ----------

const b64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((s) => Buffer.from(s, 'base64').length === bytes, `expected ${bytes} bytes`);

/**
 * The most work a key file may ask of Argon2: what calibration could have chosen (256 MiB, 16 passes)
 * with room for a future raise of the memory cap, never more than 16 passes at 256 MiB in total.
 * Beyond these a file is refused before any hashing (KEYSLOT_CORRUPT).
 */
export const KDF_BOUNDS = Object.freeze({
  maxMemoryKiB: 1024 * 1024,
  maxPasses: 16,
  maxParallelism: 4,
  /** memoryKiB × passes: 256 MiB × 16 passes, about 16 s on a slow laptop. */
  maxWork: KDF_MAX_CALIBRATED_MEMORY_KIB * 16,
});

// Lower bounds are sanity limits, not policy: tests make cheap slots, and the floor is applied
// where slots are made.
const Argon2Params = z
  .object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number().int().min(8).max(KDF_BOUNDS.maxMemoryKiB),
    passes: z.number().int().min(1).max(KDF_BOUNDS.maxPasses),
    parallelism: z.number().int().min(1).max(KDF_BOUNDS.maxParallelism),
  })
  .strict()
  .refine((kdf) => kdf.memoryKiB * kdf.passes <= KDF_BOUNDS.maxWork, 'too much work');

const PassphraseSlot = z
  .object({
    version: z.literal(SLOT_VERSION),
    kind: z.literal('passphrase'),
    kdf: Argon2Params,
    salt: b64(16),
    nonce: b64(NONCE_BYTES),
    ciphertext: b64(KEY_BYTES),
    tag: b64(TAG_BYTES),
  })
  .strict();

const RecoverySlot = z
  .object({
    version: z.literal(SLOT_VERSION),
    kind: z.literal('recovery'),
    kdf: z.object({ algorithm: z.literal('hkdf-sha256') }).strict(),
    salt: b64(32),
    nonce: b64(NONCE_BYTES),
    ciphertext: b64(KEY_BYTES),
    tag: b64(TAG_BYTES),
  })
  .strict();

const Slot = z.discriminatedUnion('kind', [PassphraseSlot, RecoverySlot]);

const Hex256 = z.string().regex(/^[0-9a-f]{64}$/);

const KeySlotFileSchema = z.discriminatedUnion('version', [
  z
    .object({
      format: z.literal(FILE_FORMAT),
      version: z.literal(FILE_VERSION),
      slots: z.array(Slot).min(1).max(8),
      mac: Hex256,
      checksum: Hex256,
    })
    .strict(),
  z
    .object({
      format: z.literal(FILE_FORMAT),
      version: z.literal(LEGACY_FILE_VERSION),
      slots: z.array(Slot).min(1).max(8),
      checksum: Hex256,
    })
    .strict(),
]);

export type PassphraseSlot = z.infer<typeof PassphraseSlot>;
export type RecoverySlot = z.infer<typeof RecoverySlot>;
export type KeySlot = z.infer<typeof Slot>;
export type KeySlotFile = z.infer<typeof KeySlotFileSchema>;

function fileChecksum(file: Omit<KeySlotFile, 'checksum'>): string {
  return createHash('sha256').update(canonicalJson(file)).digest('hex');
}

/** HMAC-SHA256 over the slots, under a key derived from the data key: only the key's holder can make it. */
export function keySlotMac(dataKey: Buffer, slots: KeySlot[]): string {
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), MAC_INFO, KEY_BYTES));
  try {
    const body = canonicalJson({ format: FILE_FORMAT, version: FILE_VERSION, slots });
    return createHmac('sha256', macKey).update(body).digest('hex');
  } finally {
    macKey.fill(0);
  }
}

export function buildKeySlotFile(slots: KeySlot[], dataKey: Buffer): KeySlotFile {
  const body = { format: FILE_FORMAT, version: FILE_VERSION, slots, mac: keySlotMac(dataKey, slots) };
  return { ...body, checksum: fileChecksum(body) };
}

/** Whether the file carries a MAC (version 2); version 1 files are upgraded at the next unlock. */
export function hasMac(file: KeySlotFile): boolean {
  return file.version === FILE_VERSION;
}

/**
 * After unlock: the file must be the one made by this data key's holder. A version 1 file has no MAC
 * to check (the vault decides whether it may still be version 1).
 */
export function checkKeySlotMac(file: KeySlotFile, dataKey: Buffer): void {
  if (file.version !== FILE_VERSION) return;
  const expected = Buffer.from(keySlotMac(dataKey, file.slots), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(file.mac, 'hex'))) throw new UprightError('KEYSLOT_CORRUPT');
}

/** Parses keyslots.json text; anything unexpected (syntax, shape, checksum) is KEYSLOT_CORRUPT. */
export function parseKeySlotFile(text: string): KeySlotFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UprightError('KEYSLOT_CORRUPT');
  }
  const parsed = KeySlotFileSchema.safeParse(json);
  if (!parsed.success) throw new UprightError('KEYSLOT_CORRUPT');
  const { checksum, ...body } = parsed.data;
  if (checksum !== fileChecksum(body)) throw new UprightError('KEYSLOT_CORRUPT');
  const kinds = parsed.data.slots.map((s) => s.kind);
  if (kinds.filter((k) => k === 'passphrase').length !== 1 || kinds.filter((k) => k === 'recovery').length > 1) {
    throw new UprightError('KEYSLOT_CORRUPT');
  }
  return parsed.data;
}

export function readKeySlotFile(file: string): KeySlotFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UprightError('KEYSLOT_MISSING');
  }
  return parseKeySlotFile(text);
}

export function serializeKeySlotFile(file: KeySlotFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Replaces `file` atomically: write a temporary file in the same folder, fsync it, rename it over
 * the old one, fsync the folder. A crash leaves the old file or the new one, never half of either.
 */
/** The temp file writeFileAtomic() writes before its rename: `.<name>.<12 hex>.tmp` beside `file`. */
function tempFileName(file: string): string {
  return `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`;
}

function isTempFileOf(file: string, name: string): boolean {
  const prefix = `.${basename(file)}.`;
  return name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
}

/**
 * Removes temp files writeFileAtomic() left beside `file` when the process was killed between
 * writing one and renaming it (they hold a complete or partial older key file: wrapped keys, but
 * still nothing to leave lying around). Only names of that exact pattern are touched. Call it while
 * holding the vault (its database open), so no other writer of `file` is mid-write. Returns how many.
 */
export function removeStrayTempFiles(file: string): number {
  const dir = dirname(file);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!isTempFileOf(file, name)) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed++;
    } catch {
      // best effort: the next open tries again
    }
  }
  return removed;
}

export function writeFileAtomic(file: string, data: string | Buffer): void {
  const dir = dirname(file);
  const temp = join(dir, tempFileName(file));
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncFolder(dir);
}

export function fsyncFolder(dir: string): void {
  // Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals renames.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsyncFolder on the thread pool: the calling thread does not wait for the disk. */
export async function fsyncFolderAsync(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** writeFileAtomic on the thread pool (a backup's copy of the key file): same steps, same guarantees. */
export async function writeFileAtomicAsync(file: string, data: Buffer): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, tempFileName(file));
  const handle = await fsp.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fsp.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fsp.rename(temp, file);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  await fsyncFolderAsync(dir);
}

export function writeKeySlotFile(file: string, slots: KeySlot[], dataKey: Buffer): void {
  writeFileAtomic(file, serializeKeySlotFile(buildKeySlotFile(slots, dataKey)));
}

// ---------- wrapping ----------

function headerAad(slot: Pick<KeySlot, 'version' | 'kind' | 'kdf' | 'salt'>): Buffer {
  return Buffer.from(canonicalJson({ version: slot.version, kind: slot.kind, kdf: slot.kdf, salt: slot.salt }), 'utf8');
}

function seal(
  wrappingKey: Buffer,
  dataKey: Buffer,
  header: Pick<KeySlot, 'version' | 'kind' | 'kdf' | 'salt'>,
): { nonce: string; ciphertext: string; tag: string } {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, nonce);
  cipher.setAAD(headerAad(header));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the data key, or throws WRONG_PASSPHRASE when the AEAD does not open. */
function open(wrappingKey: Buffer, slot: KeySlot): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.nonce, 'base64'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(headerAad(slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new UprightError('WRONG_PASSPHRASE');
  } finally {
    wrappingKey.fill(0);
  }
}

/** Passphrases are NFC-normalised: the same words typed on macOS and on Windows must match. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

async function argon2id(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const secret = passphraseBytes(passphrase);
  try {
    // hashRaw runs on libuv's thread pool: the main process stays responsive for ~1 s of hashing.
    return await hashRaw(secret, {
      algorithm: ARGON2ID,
      memoryCost: params.memoryKiB,
      timeCost: params.passes,
      parallelism: params.parallelism,
      outputLen: KEY_BYTES,
      salt,
    });
  } finally {
    secret.fill(0);
  }
}

export async function createPassphraseSlot(
  passphrase: string,
  dataKey: Buffer,
  params: KdfParams,
): Promise<PassphraseSlot> {
  const header = {
    version: SLOT_VERSION,
    kind: 'passphrase' as const,
    kdf: {
      algorithm: 'argon2id' as const,
      memoryKiB: params.memoryKiB,
      passes: params.passes,
      parallelism: params.parallelism,
    },
    salt: randomBytes(16).toString('base64'),
  };
  const wrappingKey = await argon2id(passphrase, Buffer.from(header.salt, 'base64'), params);
  try {
    return { ...header, ...seal(wrappingKey, dataKey, header) };
  } finally {
    wrappingKey.fill(0);
  }
}

export async function openPassphraseSlot(slot: PassphraseSlot, passphrase: string): Promise<Buffer> {
  const wrappingKey = await argon2id(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf);
  return open(wrappingKey, slot);
}

function recoveryWrappingKey(recoveryKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, salt, RECOVERY_INFO, KEY_BYTES));
}

export function createRecoverySlot(recoveryKey: Buffer, dataKey: Buffer): RecoverySlot {
  const header = {
    version: SLOT_VERSION,
    kind: 'recovery' as const,
    kdf: { algorithm: 'hkdf-sha256' as const },
    salt: randomBytes(32).toString('base64'),
  };
  const wrappingKey = recoveryWrappingKey(recoveryKey, Buffer.from(header.salt, 'base64'));
  try {
    return { ...header, ...seal(wrappingKey, dataKey, header) };
  } finally {
    wrappingKey.fill(0);
  }
}

export function openRecoverySlot(slot: RecoverySlot, recoveryKey: Buffer): Buffer {
  return open(recoveryWrappingKey(recoveryKey, Buffer.from(slot.salt, 'base64')), slot);
}

export function passphraseSlotOf(file: KeySlotFile): PassphraseSlot {
  const slot = file.slots.find((s): s is PassphraseSlot => s.kind === 'passphrase');
  if (!slot) throw new UprightError('KEYSLOT_CORRUPT');
  return slot;
}

export function recoverySlotOf(file: KeySlotFile): RecoverySlot {
  const slot = file.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
  if (!slot) throw new UprightError('KEYSLOT_CORRUPT'); // its recovery slot is gone
  return slot;
}

// ---------- calibration ----------

/** Wall time of one Argon2id derivation with these parameters, in ms. */
export async function measureKdf(params: KdfParams): Promise<number> {
  const start = performance.now();
  const out = await argon2id(randomBytes(16).toString('hex'), randomBytes(16), params);
  out.fill(0);
  return performance.now() - start;
}

export interface CalibrateOptions {
  /** Aim for about this long per unlock (KeePassXC's default is 1 s). */
  targetMs?: number;
  maxMemoryKiB?: number;
  /** Probes of each kind (1 pass, 3 passes at the floor's memory); their medians are used. */
  probes?: number;
  /** Injected in tests (a fake clock); defaults to a real measurement. */
  measure?: (params: KdfParams) => Promise<number>;
}

/** Passes stay in this range whatever the probes say: the floor's 3, and what KDF_BOUNDS allows. */
export const KDF_PASSES_RANGE = Object.freeze({ min: KDF_FLOOR.passes, max: 16 });
const DEFAULT_PROBES = 5;

/** The median probe times at the floor's memory: one pass, and the floor's passes. */
export interface KdfProbes {
  onePassMs: number;
  floorPassesMs: number;
}

/**
 * Chooses the parameters from the probes, as a pure function of them: time is modelled as
 * (memory / floor memory) × (setup + passes × perPass), with setup and perPass read off the two
 * medians. Memory is the largest step of a fixed ladder (cap, cap/2, … floor) at which the floor's
 * 3 passes fit the target; passes then fill the target at that memory, clamped to KDF_PASSES_RANGE.
 * Memory is chosen from the model, not by timing each step, so a loaded moment cannot make one
 * step look twice as slow and the choice swing (the old calibration ranged 256 MiB × 3 to × 9).
 */
export function chooseKdf(probes: KdfProbes, options: { targetMs?: number; maxMemoryKiB?: number } = {}): KdfParams {
  const targetMs = options.targetMs ?? 1000;
  const maxMemory = Math.max(KDF_FLOOR.memoryKiB, options.maxMemoryKiB ?? KDF_MAX_CALIBRATED_MEMORY_KIB);
  const { onePassMs, floorPassesMs } = probes;
  if (!(onePassMs > 0) || !(floorPassesMs > 0)) return { ...KDF_FLOOR };
  const extraPasses = KDF_FLOOR.passes - 1;
  // Noise can make the difference tiny or negative: a pass costs at least a sixth of the 3-pass probe.
  const perPass = Math.max((floorPassesMs - onePassMs) / extraPasses, floorPassesMs / (2 * KDF_FLOOR.passes));
  const setup = Math.max(0, floorPassesMs - KDF_FLOOR.passes * perPass);
  for (let memoryKiB = maxMemory; memoryKiB >= KDF_FLOOR.memoryKiB; memoryKiB /= 2) {
    if (!Number.isInteger(memoryKiB)) break;
    const scale = memoryKiB / KDF_FLOOR.memoryKiB;
    const passes = Math.floor((targetMs / scale - setup) / perPass);
    if (passes >= KDF_PASSES_RANGE.min || memoryKiB === KDF_FLOOR.memoryKiB) {
      return {
        memoryKiB,
        passes: Math.min(KDF_PASSES_RANGE.max, Math.max(KDF_PASSES_RANGE.min, passes)),
        parallelism: KDF_FLOOR.parallelism,
      };
    }
  }
  return { ...KDF_FLOOR };
}

/** The middle value (the lower of the two middle ones): one slow probe out of five changes nothing. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

/**
 * Calibrates Argon2id towards about targetMs on this machine, never below KDF_FLOOR: short probes at
 * the floor's memory (64 MiB; 1 pass and 3 passes, interleaved, `probes` of each, about 1 s in all on
 * a laptop), their medians into chooseKdf, then one derivation with the choice to confirm it (see
 * backOff). A probe slowed by another program is outvoted by the others; a machine that stays loaded
 * gets fewer passes, but never fewer than 3. Run once, when a passphrase slot is made.
 */
export async function calibrateKdf(options: CalibrateOptions = {}): Promise<KdfParams> {
  const measure = options.measure ?? measureKdf;
  const count = Math.max(1, options.probes ?? DEFAULT_PROBES);
  const onePass: number[] = [];
  const floorPasses: number[] = [];
  // One warm-up derivation first: the first allocation of the memory is not what later ones pay.
  await measure({ ...KDF_FLOOR, passes: 1 });
  for (let i = 0; i < count; i++) {
    onePass.push(await measure({ ...KDF_FLOOR, passes: 1 }));
    floorPasses.push(await measure({ ...KDF_FLOOR }));
  }
  const targetMs = options.targetMs ?? 1000;
  const chosen = chooseKdf(
    { onePassMs: median(onePass), floorPassesMs: median(floorPasses) },
    { targetMs, ...(options.maxMemoryKiB !== undefined ? { maxMemoryKiB: options.maxMemoryKiB } : {}) },
  );
  if (chosen.memoryKiB === KDF_FLOOR.memoryKiB && chosen.passes === KDF_FLOOR.passes) return chosen;
  // Memory past a CPU's caches costs more than the 64 MiB probes scale to: one derivation with the
  // chosen parameters, and fewer passes if it overshoots (never more: a slow moment only lowers them).
  const actual = await measure(chosen);
  return actual > targetMs * 1.2 ? backOff(chosen, actual, targetMs) : chosen;
}

/** Passes scaled down to what `actualMs` says fits targetMs, never below the floor's. */
export function backOff(params: KdfParams, actualMs: number, targetMs: number): KdfParams {
  const passes = Math.floor((params.passes * targetMs) / actualMs);
  return { ...params, passes: Math.max(KDF_PASSES_RANGE.min, Math.min(params.passes, passes)) };
}
