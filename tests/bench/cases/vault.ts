// Vault benchmark: what encryption costs, and what a passphrase guess costs.
// Same schema (the real migrations), same generated data, same repositories, same pragmas, same
// run: an encrypted database (SQLite3MC AEGIS-256, raw key) against a plain SQLite one.
// Plus the unlock time with the default key-derivation parameters and the seconds one passphrase
// guess takes with the default and the calibrated parameters (on this CPU).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import {
  applyConnectionPragmas,
  closeDatabase,
  type Db,
  openEncryptedDatabase,
} from '../../../src/main/store/database.ts';
import { Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { calibrateKdf, DEFAULT_KDF, type KdfParams, measureKdf } from '../../../src/main/vault/keyslots.ts';
import { Vault } from '../../../src/main/vault/vault.ts';
import { type BenchCase, type BenchRow, medianMs, quantile, ratioRow } from '../harness.ts';

const SOURCES = 5_000;
const WORDS_PER_SOURCE = 400;
const EXCERPTS = 20_000;
const BATCH = 500;
const QUERIES = 200;
const ROUNDS = 2;

/** Small deterministic PRNG (mulberry32): both databases get byte-identical data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'the of and to in a that was by for on were with as police workers union strike detained arrested court ' +
  'government report reply article convention freedom association assembly ministry prosecutor trial ' +
  'witness testimony oil region city prison released charged sentenced committee recommendation ' +
  'implemented noted supported journalist lawyer activist torture ill-treatment protest dispersed'
).split(' ');
const SYLLABLES = 'ka za na ol tau mir bek sul tan gul dar es ay er kul sha zhan ozen ata bay'.split(' ');

function vocabulary(random: () => number): string[] {
  const words = new Set(COMMON);
  while (words.size < 6_000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

interface Dataset {
  sources: { title: string; text: string }[];
  excerpts: { source: number; exact: string; note: string; start: number }[];
  queries: string[];
}

function dataset(): Dataset {
  const random = prng(20_250_601);
  const vocab = vocabulary(random);
  // Zipf-like: word k drawn with weight ~1/k, like real prose.
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length ** random()) - 1)] as string;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const sources = Array.from({ length: SOURCES }, (_, i) => ({
    title: `Report ${i}: ${phrase(5)}`,
    text: phrase(WORDS_PER_SOURCE),
  }));
  const excerpts = Array.from({ length: EXCERPTS }, () => {
    const exact = phrase(12);
    return { source: Math.floor(random() * SOURCES), exact, note: phrase(20), start: Math.floor(random() * 1000) };
  });
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const rare = () => vocab[200 + Math.floor(random() * (vocab.length - 200))] as string;
    switch (i % 4) {
      case 0:
        return rare();
      case 1:
        return `${rare()} ${word()}`;
      case 2:
        return `"${COMMON[Math.floor(random() * COMMON.length)]} ${rare()}"`;
      default:
        return `${rare().slice(0, 4)}*`;
    }
  });
  return { sources, excerpts, queries };
}

type Kind = 'encrypted' | 'plain';

function openDb(kind: Kind, file: string): Db {
  if (kind === 'encrypted') return openEncryptedDatabase(file, randomBytes(32), { create: true });
  const db = new Database(file);
  applyConnectionPragmas(db); // the same pragmas, minus the key
  db.exec('BEGIN EXCLUSIVE; COMMIT');
  return db;
}

interface Loaded {
  db: Db;
  store: Store;
  sourcesMs: number;
  excerptsMs: number;
}

function load(kind: Kind, dir: string, data: Dataset, round: number): Loaded {
  const db = openDb(kind, join(dir, `${kind}-${round}.db`));
  migrate(db);
  const store = new Store(db, { actor: 'bench' });
  const dossier = store.dossiers.create({ title: 'Bench dossier' });
  const sourceIds: string[] = [];
  let start = performance.now();
  for (let i = 0; i < data.sources.length; i += BATCH / 2) {
    store.transaction(() => {
      for (const s of data.sources.slice(i, i + BATCH / 2)) {
        sourceIds.push(
          store.sources.add({ dossierId: dossier.id, title: s.title, kind: 'ngo_report', text: s.text }).id,
        );
      }
    });
  }
  // Each phase ends with a full checkpoint inside its timing: it pays for moving its own pages into
  // the database (decrypt from the WAL, encrypt into the file), and leaves nothing for the next.
  store.checkpoint();
  const sourcesMs = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < data.excerpts.length; i += BATCH) {
    store.transaction(() => {
      for (const e of data.excerpts.slice(i, i + BATCH)) {
        store.excerpts.add({
          sourceId: sourceIds[e.source] as string,
          exact: e.exact,
          start: e.start,
          end: e.start + e.exact.length,
          note: e.note,
        });
      }
    });
  }
  store.checkpoint();
  const excerptsMs = performance.now() - start;
  return { db, store, sourcesMs, excerptsMs };
}

function searchAll(store: Store, queries: string[], latencies?: number[]): number {
  let hits = 0;
  for (const q of queries) {
    const start = performance.now();
    hits += store.sources.searchText(q, 20).length;
    latencies?.push(performance.now() - start);
  }
  return hits;
}

async function unlockMs(dir: string, name: string, kdf: KdfParams): Promise<number> {
  const passphrase = 'correct horse battery staple';
  const vault = new Vault({ location: join(dir, name), kdf });
  await vault.create(passphrase);
  vault.lock();
  return medianMs(async () => {
    await vault.unlock(passphrase);
    vault.lock();
  }, 3);
}

async function unlockFigures(dir: string): Promise<BenchRow[]> {
  const mib = (p: KdfParams) => `${p.memoryKiB / 1024} MiB × ${p.passes} passes`;
  const calibrated: KdfParams = await calibrateKdf();
  const guessFloor = await medianMs(() => measureKdf(DEFAULT_KDF), 3);
  const guessCalibrated = await medianMs(() => measureKdf(calibrated), 3);
  return [
    {
      label: `unlock (KDF + open), floor KDF ${mib(DEFAULT_KDF)}`,
      value: await unlockMs(dir, 'floor', DEFAULT_KDF),
      unit: 'ms',
    },
    {
      label: `unlock (KDF + open), calibrated here: ${mib(calibrated)}`,
      value: await unlockMs(dir, 'calibrated', calibrated),
      unit: 'ms',
    },
    { label: `seconds per passphrase guess, floor ${mib(DEFAULT_KDF)}`, value: guessFloor / 1000, unit: 's' },
    {
      label: `seconds per passphrase guess, calibrated (${mib(calibrated)})`,
      value: guessCalibrated / 1000,
      unit: 's',
      target: '≈ 1 s (0.5–1.5)',
      met: guessCalibrated >= 500 && guessCalibrated <= 1500,
    },
  ];
}

export const vaultBench: BenchCase = {
  name: 'vault: encrypted vs plain SQLite, unlock and guess cost',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'upright-bench-'));
    const open: Db[] = [];
    try {
      const data = dataset();
      const best = {
        encrypted: { sources: Infinity, excerpts: Infinity },
        plain: { sources: Infinity, excerpts: Infinity },
      };
      const last: Partial<Record<Kind, Loaded>> = {};
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order so neither side always runs on a warmer machine.
        const order: Kind[] = round % 2 === 0 ? ['encrypted', 'plain'] : ['plain', 'encrypted'];
        for (const kind of order) {
          const loaded = load(kind, dir, data, round);
          open.push(loaded.db);
          best[kind].sources = Math.min(best[kind].sources, loaded.sourcesMs);
          best[kind].excerpts = Math.min(best[kind].excerpts, loaded.excerptsMs);
          last[kind] = loaded;
        }
      }
      const enc = last.encrypted as Loaded;
      const plain = last.plain as Loaded;
      if (searchAll(enc.store, data.queries) !== searchAll(plain.store, data.queries)) {
        throw new Error('encrypted and plain searches disagree');
      }
      const ftsEnc = await medianMs(() => searchAll(enc.store, data.queries), 5);
      const ftsPlain = await medianMs(() => searchAll(plain.store, data.queries), 5);
      const latencies: number[] = [];
      searchAll(enc.store, data.queries, latencies);

      const rows: BenchRow[] = [
        ratioRow(
          `insert ${SOURCES / 1000}k sources (+FTS, audit): encrypted / plain`,
          best.encrypted.sources,
          best.plain.sources,
          1.15,
        ),
        ratioRow(
          `insert ${EXCERPTS / 1000}k excerpts, ${BATCH}/txn (+FTS, audit): encrypted / plain`,
          best.encrypted.excerpts,
          best.plain.excerpts,
          1.15,
        ),
        ratioRow(`FTS5: ${QUERIES} queries over ${SOURCES / 1000}k sources: encrypted / plain`, ftsEnc, ftsPlain, 1.15),
        { label: 'FTS5 query p95, encrypted (top 20 by bm25)', value: quantile(latencies, 0.95), unit: 'ms' },
        { label: `insert ${EXCERPTS / 1000}k excerpts, encrypted`, value: best.encrypted.excerpts, unit: 'ms' },
      ];
      for (const db of open.splice(0)) closeDatabase(db);
      rows.push(...(await unlockFigures(dir)));
      return rows;
    } finally {
      for (const db of open) closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
