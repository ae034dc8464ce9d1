import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/main/store/canonical-json.ts';
import {
  backOff,
  buildKeySlotFile,
  calibrateKdf,
  checkKeySlotMac,
  chooseKdf,
  createPassphraseSlot,
  createRecoverySlot,
  DEFAULT_KDF,
  KDF_BOUNDS,
  KDF_FLOOR,
  KDF_PASSES_RANGE,
  type KdfParams,
  type KeySlotFile,
  openPassphraseSlot,
  openRecoverySlot,
  parseKeySlotFile,
  readKeySlotFile,
  serializeKeySlotFile,
  writeKeySlotFile,
} from '../../../src/main/vault/keyslots.ts';

const CHEAP: KdfParams = { memoryKiB: 64, passes: 1, parallelism: 1 };
const dir = mkdtempSync(join(tmpdir(), 'upright-keyslots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function code(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
}

describe('the passphrase slot', () => {
  it('gives back the data key for the right passphrase only', async () => {
    const dataKey = randomBytes(32);
    const slot = await createPassphraseSlot('correct horse battery staple', dataKey, CHEAP);
    expect((await openPassphraseSlot(slot, 'correct horse battery staple')).equals(dataKey)).toBe(true);
    expect(await code(openPassphraseSlot(slot, 'correct horse battery stapl'))).toBe('WRONG_PASSPHRASE');
    expect(slot.kdf).toEqual({ algorithm: 'argon2id', ...CHEAP });
  });

  it('treats the same words typed in another Unicode normal form as the same passphrase', async () => {
    const dataKey = randomBytes(32);
    const slot = await createPassphraseSlot('café crème brûlée', dataKey, CHEAP); // precomposed
    const decomposed = 'café crème brûlée'.normalize('NFD');
    expect((await openPassphraseSlot(slot, decomposed)).equals(dataKey)).toBe(true);
  });

  it('binds the header: a slot read under other parameters, salt or kind does not open', async () => {
    const dataKey = randomBytes(32);
    const slot = await createPassphraseSlot('correct horse battery staple', dataKey, CHEAP);
    const variants = [
      { ...slot, kdf: { ...slot.kdf, passes: 2 } },
      { ...slot, kdf: { ...slot.kdf, memoryKiB: 128 } },
      { ...slot, salt: randomBytes(16).toString('base64') },
      // Fields that do not feed the KDF are bound too, by the associated data alone.
      { ...slot, version: 2 as unknown as 1 },
    ];
    for (const variant of variants) {
      expect(await code(openPassphraseSlot(variant, 'correct horse battery staple'))).toBe('WRONG_PASSPHRASE');
    }
  });

  it('with the real default parameters (≥ 64 MiB, 3 passes, 1 lane) records them and opens', async () => {
    expect(DEFAULT_KDF.memoryKiB).toBeGreaterThanOrEqual(64 * 1024);
    expect(DEFAULT_KDF.passes).toBeGreaterThanOrEqual(3);
    expect(DEFAULT_KDF.parallelism).toBe(1);
    const dataKey = randomBytes(32);
    const slot = await createPassphraseSlot('correct horse battery staple', dataKey, DEFAULT_KDF);
    expect(slot.kdf).toEqual({ algorithm: 'argon2id', memoryKiB: 65536, passes: 3, parallelism: 1 });
    expect((await openPassphraseSlot(slot, 'correct horse battery staple')).equals(dataKey)).toBe(true);
  });
});

describe('the recovery slot', () => {
  it('opens with its 256-bit recovery key and no other', () => {
    const dataKey = randomBytes(32);
    const recovery = randomBytes(32);
    const slot = createRecoverySlot(recovery, dataKey);
    expect(openRecoverySlot(slot, recovery).equals(dataKey)).toBe(true);
    expect(() => openRecoverySlot(slot, randomBytes(32))).toThrow(
      expect.objectContaining({ code: 'WRONG_PASSPHRASE' }),
    );
  });
});

describe('keyslots.json', () => {
  const dataKey = randomBytes(32);
  async function sampleFile() {
    return buildKeySlotFile(
      [
        await createPassphraseSlot('correct horse battery staple', dataKey, CHEAP),
        createRecoverySlot(randomBytes(32), dataKey),
      ],
      dataKey,
    );
  }

  it('round-trips, and holds only parameters, salts, nonces and ciphertext', async () => {
    const file = await sampleFile();
    const text = serializeKeySlotFile(file);
    expect(parseKeySlotFile(text)).toEqual(file);
    const keys = new Set<string>();
    JSON.parse(text, (key, value) => {
      keys.add(key);
      return value;
    });
    keys.delete('');
    for (const index of ['0', '1']) keys.delete(index);
    expect([...keys].sort()).toEqual(
      [
        'algorithm',
        'checksum',
        'ciphertext',
        'format',
        'kdf',
        'kind',
        'mac',
        'memoryKiB',
        'nonce',
        'parallelism',
        'passes',
        'salt',
        'slots',
        'tag',
        'version',
      ].sort(),
    );
  });

  it('is refused as damaged (KEYSLOT_CORRUPT) when not JSON, reshaped, or edited without the checksum', async () => {
    const file = await sampleFile();
    const good = serializeKeySlotFile(file);
    const edited = (fn: (j: ReturnType<typeof JSON.parse>) => void) => {
      const j = JSON.parse(good);
      fn(j);
      return JSON.stringify(j);
    };
    const bad = [
      '',
      'not json',
      good.slice(0, good.length / 2),
      edited((j) => (j.slots[0].kdf.passes = 9)),
      edited((j) => (j.slots[0].kdf.memoryKiB = 4 * 1024 * 1024 * 1024)), // would hang the app
      edited((j) => (j.slots[0].version = 2)),
      edited((j) => (j.slots[0].nonce = 'AAAA')),
      edited((j) => (j.slots[0].kind = 'recovery')),
      edited((j) => j.slots.reverse()),
      edited((j) => (j.checksum = '0'.repeat(64))),
      edited((j) => (j.extra = true)),
    ];
    for (const text of bad) expect(await code(() => parseKeySlotFile(text))).toBe('KEYSLOT_CORRUPT');
  });

  /** Edits the parsed file and recomputes its checksum, as someone who knows the format would. */
  // biome-ignore lint/suspicious/noExplicitAny: a test edits the parsed JSON freely, as an attacker would
  function reforged(file: KeySlotFile, fn: (j: any) => void): string {
    const j = JSON.parse(serializeKeySlotFile(file));
    fn(j);
    const { checksum: _old, ...body } = j;
    return JSON.stringify({ ...body, checksum: createHash('sha256').update(canonicalJson(body)).digest('hex') });
  }

  it('refuses KDF parameters beyond what Upright could have written, even with a valid checksum', async () => {
    const file = await sampleFile();
    const asking = (kdf: Partial<KeySlotFile['slots'][number]['kdf']>) =>
      reforged(file, (j) => Object.assign(j.slots[0].kdf, kdf));
    const tooMuch = [
      asking({ memoryKiB: 4 * 1024 * 1024, passes: 64 }), // 4 GiB × 64 passes: minutes at 4 GB
      asking({ memoryKiB: 2 * 1024 * 1024 }), // 2 GiB
      asking({ passes: 17 }),
      asking({ parallelism: 8 }),
      asking({ memoryKiB: 1024 * 1024, passes: 16 }), // each bound alone, but too much work together
    ];
    for (const text of tooMuch) expect(await code(() => parseKeySlotFile(text))).toBe('KEYSLOT_CORRUPT');
    // The most that calibration can choose still opens.
    expect(parseKeySlotFile(asking({ memoryKiB: 256 * 1024, passes: 16 })).slots[0]?.kdf).toMatchObject({
      memoryKiB: 256 * 1024,
      passes: 16,
    });
  });

  it('carries a MAC under the data key: a removed or swapped slot is caught once the key is known', async () => {
    const file = await sampleFile();
    expect(() => checkKeySlotMac(file, dataKey)).not.toThrow();
    const withoutRecovery = parseKeySlotFile(reforged(file, (j) => j.slots.splice(1, 1)));
    expect(await code(() => checkKeySlotMac(withoutRecovery, dataKey))).toBe('KEYSLOT_CORRUPT');
    const otherRecovery = createRecoverySlot(randomBytes(32), dataKey);
    const swapped = parseKeySlotFile(reforged(file, (j) => (j.slots[1] = otherRecovery)));
    expect(await code(() => checkKeySlotMac(swapped, dataKey))).toBe('KEYSLOT_CORRUPT');
    // A MAC made under another key does not pass either.
    const forged = buildKeySlotFile(withoutRecovery.slots, randomBytes(32));
    expect(await code(() => checkKeySlotMac(forged, dataKey))).toBe('KEYSLOT_CORRUPT');
  });

  it('is replaced atomically, leaving no temporary file behind', async () => {
    const file = await sampleFile();
    const path = join(dir, 'keyslots.json');
    writeKeySlotFile(path, file.slots, dataKey);
    const first = readFileSync(path, 'utf8');
    writeKeySlotFile(path, [...file.slots].reverse(), dataKey);
    expect(readFileSync(path, 'utf8')).not.toBe(first);
    expect(readdirSync(dir)).toEqual(['keyslots.json']);
    expect(readKeySlotFile(path).slots.map((s) => s.kind)).toEqual(['recovery', 'passphrase']);
    expect(await code(() => readKeySlotFile(join(dir, 'missing.json')))).toBe('KEYSLOT_MISSING');
  });
});

describe('calibrating the key derivation at creation', () => {
  /**
   * A fake machine on a fake clock: a derivation takes (memory / 64 MiB) × (setup + passes × perPass)
   * ms, times `load(n)` for the n-th derivation (another program busy at that moment).
   */
  function machine(setupMs: number, perPassMs: number, load: (n: number) => number = () => 1) {
    const clock = { now: 0, derivations: 0 };
    const cost = (p: KdfParams) => (p.memoryKiB / (64 * 1024)) * (setupMs + p.passes * perPassMs);
    const measure = async (p: KdfParams) => {
      const start = clock.now;
      clock.now += cost(p) * load(clock.derivations++);
      return clock.now - start;
    };
    return { clock, cost, measure };
  }

  it('never goes below the floor (64 MiB, 3 passes), even on a slow machine', async () => {
    const slow = machine(100, 400);
    expect(await calibrateKdf({ measure: slow.measure })).toEqual(KDF_FLOOR);
  });

  it('on a fast machine: the most memory, then passes towards about 1 s', async () => {
    const fast = machine(10, 30);
    const params = await calibrateKdf({ measure: fast.measure });
    expect(params).toEqual({ memoryKiB: 256 * 1024, passes: 8, parallelism: 1 });
    expect(fast.cost(params)).toBeGreaterThan(700);
    expect(fast.cost(params)).toBeLessThanOrEqual(1000);
    // The probes are short (11 derivations at 64 MiB, under a second here), then one to confirm.
    expect(fast.clock.derivations).toBe(12);
    expect(fast.clock.now - fast.cost(params)).toBeLessThan(1000);
  });

  it('backs off passes when memory past the caches costs more than the probes scale to', async () => {
    // 256 MiB runs 1.6× slower per MiB than 64 MiB on this machine: the confirmation sees it.
    const clock = { now: 0 };
    const measure = async (p: KdfParams) => {
      const perMiB = p.memoryKiB > 64 * 1024 ? 1.6 : 1;
      const ms = (p.memoryKiB / (64 * 1024)) * (10 + p.passes * 30) * perMiB;
      clock.now += ms;
      return ms;
    };
    const params = await calibrateKdf({ measure });
    expect(params.memoryKiB).toBe(256 * 1024);
    // 8 passes chosen from the probes took 1,600 ms: 8 × 1000 / 1600 → 5 passes, about 1,020 ms.
    expect(params.passes).toBe(5);
    expect(await measure(params)).toBeLessThanOrEqual(1200);
    expect(backOff({ memoryKiB: 64 * 1024, passes: 4, parallelism: 1 }, 10_000, 1000).passes).toBe(3);
  });

  it('takes less memory only when 3 passes at more would overshoot the target', async () => {
    // 256 MiB × 3 passes = 4 × 270 = 1,080 ms: over; 128 MiB × 3 = 540 ms fits, with room for 5.
    const middling = machine(30, 80);
    const params = await calibrateKdf({ measure: middling.measure });
    expect(params).toEqual({ memoryKiB: 128 * 1024, passes: 5, parallelism: 1 });
  });

  it('is not swung by probes slowed by other programs: the medians outvote them', async () => {
    const quiet = await calibrateKdf({ measure: machine(10, 30).measure });
    // Two of the five probes of each kind run four times slower (after the warm-up).
    const busy = machine(10, 30, (n) => (n === 1 || n === 2 || n === 5 || n === 6 ? 4 : 1));
    expect(await calibrateKdf({ measure: busy.measure })).toEqual(quiet);
  });

  it('under steady load keeps its memory and moves its passes a little, within 3–16', async () => {
    const chosen = [];
    for (const load of [1, 1.1, 1.2, 1.3]) {
      chosen.push(await calibrateKdf({ measure: machine(10, 30, () => load).measure }));
    }
    expect(new Set(chosen.map((p) => p.memoryKiB))).toEqual(new Set([256 * 1024]));
    const passes = chosen.map((p) => p.passes);
    expect(Math.max(...passes) - Math.min(...passes)).toBeLessThanOrEqual(2);
    for (const p of passes) expect(p).toBeGreaterThanOrEqual(KDF_PASSES_RANGE.min);
  });

  it('turns nonsense probes into parameters a key file accepts', () => {
    for (const probes of [
      { onePassMs: 0, floorPassesMs: 0 },
      { onePassMs: 50, floorPassesMs: 20 }, // 3 passes "faster" than 1: noise
      { onePassMs: 0.01, floorPassesMs: 0.02 }, // absurdly fast: passes capped
      { onePassMs: Number.NaN, floorPassesMs: 10 },
    ]) {
      const params = chooseKdf(probes);
      expect(params.memoryKiB).toBeGreaterThanOrEqual(KDF_FLOOR.memoryKiB);
      expect(params.passes).toBeGreaterThanOrEqual(KDF_PASSES_RANGE.min);
      expect(params.passes).toBeLessThanOrEqual(KDF_PASSES_RANGE.max);
      expect(params.memoryKiB * params.passes).toBeLessThanOrEqual(KDF_BOUNDS.maxWork);
    }
  });
});
