// Scale benchmark (issue 12): a lawyer's years of case files — by default 10,000 sources and
// 100,000 excerpts, generated once through the repositories and cached (tests/bench/scale-vault.ts)
// — in an encrypted vault and in a plain SQLite copy with the same schema and data. Each figure is
// the median of 5 rounds that alternate the two sides, with the fastest and slowest round.
// What is measured is what the API handlers run (dossier.get + source.list, excerpt.list,
// code.list, entity.list are one repository call each), without the IPC around them.
//   npm run bench -- scale                      10,000 sources (generated on first use)
//   npm run bench -- scale --sources 500        a small pair to develop with
//   npm run bench -- scale --chars 30000        less text per source (faster to generate)
//   npm run bench -- scale --sections reads,size   only these sections (names in SCALE_SECTIONS)
// Search is measured by the search benchmark on the same pair: it can open them with scaleStores().
// The figures come in sections (SCALE_SECTIONS, in order): another file adds its own by exporting a
// ScaleSection and listing it there (tests/bench/cases/scale-*.ts).
// A pair cached under an older schema is migrated on first use, both sides, and the one-off
// migration is timed and reported (what a person with a big vault waits for once, at unlock).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  closeDatabase,
  type Db,
  openEncryptedDatabase,
  structuralCheckAtOpen,
} from '../../../src/main/store/database.ts';
import type { Store } from '../../../src/main/store/index.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../src/main/store/migrations/index.ts';
import { openPassphraseSlot, passphraseSlotOf, readKeySlotFile } from '../../../src/main/vault/keyslots.ts';
import { KEYSLOTS_FILE, Vault } from '../../../src/main/vault/vault.ts';
import { alternate, type BenchCase, type BenchRow, medianRow, ratioRow, summarise } from '../harness.ts';
import {
  BIG_DOSSIER,
  INSERTS_DOSSIER,
  openPlainDatabase,
  plainStore,
  SCALE_PASSPHRASE,
  type ScaleFixture,
  type ScaleSize,
  scaleFixture,
  vaultDbFile,
} from '../scale-vault.ts';
import { prng, syntheticSource } from '../synthetic-source.ts';
import { listRows } from './scale-lists.ts';

const ROUNDS = 5;
/**
 * Per round and side: sources added one by one (as imports add them), then excerpts one by one.
 * 500 excerpts (~0.4 s a round): at 100 a round (~80 ms) the rounds' spread on a shared machine
 * (±20 %) was wider than what is measured, and the ratio swung 0.99–1.20× between runs.
 */
const INSERT_SOURCES = 10;
const INSERT_EXCERPTS = 500;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number`);
  return value;
}

export function scaleSize(): ScaleSize {
  // The vault: 83,800 characters (about 28 pages) a source, 838 MB of text at 10,000 sources.
  // Generating it took 5 min on a quiet 2-core machine and over 25 min on a loaded one.
  return { sources: option('sources', 10_000), excerptsPerSource: 10, charsPerSource: option('chars', 83_800) };
}

export interface ScaleStores {
  fixture: ScaleFixture;
  vault: Vault;
  encrypted: Store;
  plain: Store;
  plainDb: Db;
  close(): void;
}

/** Both sides of the cached pair, open (for this benchmark and the search one). */
export async function scaleStores(size: ScaleSize, log: (line: string) => void): Promise<ScaleStores> {
  const fixture = await scaleFixture(size, log);
  const vault = new Vault({ location: fixture.vaultDir, actor: 'bench' });
  await vault.unlock(SCALE_PASSPHRASE); // migrates the vault when the cached pair is older
  const plainDb = openPlainDatabase(fixture.plainFile);
  // The vault migrated at unlock; the plain copy follows, so both sides have the same schema and
  // indexes (a newer step may rewrite both on the first run after it lands).
  migrate(plainDb);
  return {
    fixture,
    vault,
    encrypted: vault.store(),
    plain: plainStore(plainDb),
    plainDb,
    close: () => {
      vault.lock();
      closeDatabase(plainDb);
    },
  };
}

const mib = (kib: number) => `${kib / 1024} MiB`;

/**
 * The one-off migration of a pair cached under an older schema (both sides, one run each: it happens
 * once), with the vault file's size before and after. Nothing to report when the pair is current.
 */
async function migrationRows(fixture: ScaleFixture): Promise<BenchRow[]> {
  const key = await openPassphraseSlot(
    passphraseSlotOf(readKeySlotFile(join(fixture.vaultDir, KEYSLOTS_FILE))),
    SCALE_PASSPHRASE,
  );
  const rows: BenchRow[] = [];
  const run = (side: string, file: string, open: () => Db) => {
    const db = open();
    try {
      const from = schemaVersion(db);
      if (from >= LATEST_VERSION) return;
      const before = statSync(file).size;
      const start = performance.now();
      migrate(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
      const seconds = (performance.now() - start) / 1000;
      rows.push(
        { label: `one-off migration, schema ${from} → ${LATEST_VERSION}, ${side}, 1 run`, value: seconds, unit: 's' },
        {
          label: `  ${side} file size after it (was ${(before / 2 ** 20).toFixed(0)} MiB)`,
          value: statSync(file).size / 2 ** 20,
          unit: 'MiB',
        },
      );
    } finally {
      closeDatabase(db);
    }
  };
  try {
    run('encrypted', vaultDbFile(fixture), () => openEncryptedDatabase(vaultDbFile(fixture), key));
    run('plain', fixture.plainFile, () => openPlainDatabase(fixture.plainFile));
  } finally {
    key.fill(0);
  }
  return rows;
}

/** Unlock of the big vault (KDF and open apart) against opening the plain copy the same way. */
async function unlockRows(fixture: ScaleFixture): Promise<BenchRow[]> {
  // The passphrase slot is re-made with today's calibration on this machine (the pair was generated
  // with the floor), so the KDF measured is the one a vault made here now would have.
  const calibrating = new Vault({ location: fixture.vaultDir, actor: 'bench' });
  await calibrating.changePassphrase(SCALE_PASSPHRASE, SCALE_PASSPHRASE);
  const kdf = passphraseSlotOf(readKeySlotFile(join(fixture.vaultDir, KEYSLOTS_FILE))).kdf;
  console.log(`  KDF chosen by today's calibration here: Argon2id ${mib(kdf.memoryKiB)} × ${kdf.passes} passes`);

  const kdfMs: number[] = [];
  const openMs: number[] = [];
  const sides = await alternate(
    {
      encrypted: async () => {
        const vault = new Vault({ location: fixture.vaultDir, actor: 'bench' });
        await vault.unlock(SCALE_PASSPHRASE);
        const timings = vault.lastUnlockTimings();
        if (timings) {
          kdfMs.push(timings.kdfMs);
          openMs.push(timings.openMs);
        }
        vault.lock();
      },
      plain: () => {
        // The same steps as the vault's open, minus the key: pragmas, schema version, structural check.
        const db = openPlainDatabase(fixture.plainFile);
        schemaVersion(db);
        structuralCheckAtOpen(db, fixture.plainFile);
        closeDatabase(db);
      },
    },
    ROUNDS,
  );
  // The warm-up unlock is in kdfMs/openMs too: drop it, so they cover the same rounds as the total.
  kdfMs.shift();
  openMs.shift();
  const open = summarise(openMs);
  const plainOpen = sides.plain;
  return [
    medianRow('unlock the big vault (KDF + open)', sides.encrypted, 'ms', 1500),
    medianRow('  of which the KDF', summarise(kdfMs)),
    medianRow('  of which the open besides the KDF', open, 'ms', 300),
    medianRow('open the plain copy the same way (no KDF)', plainOpen),
    ...(await formerOpenCheck(fixture)),
  ];
}

/** What unlock ran at open before this branch: quick_check, one run per side, for the record. */
async function formerOpenCheck(fixture: ScaleFixture): Promise<BenchRow[]> {
  const key = await openPassphraseSlot(
    passphraseSlotOf(readKeySlotFile(join(fixture.vaultDir, KEYSLOTS_FILE))),
    SCALE_PASSPHRASE,
  );
  const quickCheck = (db: Db) => {
    const start = performance.now();
    db.pragma('quick_check');
    const ms = performance.now() - start;
    closeDatabase(db);
    return ms;
  };
  try {
    return [
      {
        label: 'former open check (quick_check of every page), encrypted, 1 run',
        value: quickCheck(openEncryptedDatabase(vaultDbFile(fixture), key)),
        unit: 'ms',
      },
      {
        label: 'the same on the plain copy, 1 run',
        value: quickCheck(openPlainDatabase(fixture.plainFile)),
        unit: 'ms',
      },
    ];
  } finally {
    key.fill(0);
  }
}

/**
 * The full integrity check, once per side: what unlock no longer runs (it ran quick_check, which
 * reads every page too) and what vault verify and the idle check now do.
 */
function fullCheckRows(stores: ScaleStores): BenchRow[] {
  const time = (run: () => unknown) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  return [
    {
      label: 'full integrity_check (verify, idle check), encrypted, 1 run',
      value: time(() => stores.encrypted.integrityCheck()),
      unit: 'ms',
    },
    { label: 'full integrity_check, plain, 1 run', value: time(() => stores.plain.integrityCheck()), unit: 'ms' },
  ];
}

function dossierId(store: Store, title: string): string {
  const dossier = store.dossiers.list().find((d) => d.title === title);
  if (!dossier) throw new Error(`no dossier "${title}" in the benchmark vault`);
  return dossier.id;
}

async function readRows(stores: ScaleStores): Promise<BenchRow[]> {
  const big = { encrypted: dossierId(stores.encrypted, BIG_DOSSIER), plain: dossierId(stores.plain, BIG_DOSSIER) };
  const sizes = {
    sources: stores.encrypted.sources.list(big.encrypted).length,
    excerpts: stores.encrypted.excerpts.list({ dossierId: big.encrypted }).length,
  };
  const compare = async (
    label: string,
    run: (store: Store, dossierId: string) => unknown,
    target?: number,
  ): Promise<BenchRow[]> => {
    const sides = await alternate({
      encrypted: () => run(stores.encrypted, big.encrypted),
      plain: () => run(stores.plain, big.plain),
    });
    return [
      medianRow(`${label}, encrypted`, sides.encrypted, 'ms', target),
      medianRow(`${label}, plain`, sides.plain),
      ratioRow(`${label}: encrypted / plain`, sides.encrypted.median, sides.plain.median),
    ];
  };
  return [
    ...(await compare(
      `dossier open (get + list of ${sizes.sources.toLocaleString('en')} sources, unpaged)`,
      (store, id) => {
        store.dossiers.require(id);
        return store.sources.list(id);
      },
      200,
    )),
    // The whole list in one read, as the annotation export reads it: no screen asks for it (the API
    // pages at 500 at most; the paged rows under "lists" carry the ≤ 100 ms target), so no target.
    ...(await compare(
      `excerpts of the dossier in one read (${sizes.excerpts.toLocaleString('en')}, as the export reads them)`,
      (store, id) => store.excerpts.list({ dossierId: id }),
    )),
    ...(await compare('code.list (40 codes, counts)', (store) => store.codes.list())),
    ...(await compare('entity.list (300 entities, counts)', (store) => store.entities.list())),
  ];
}

/**
 * Sources then excerpts added one at a time (each its own transaction), checkpoint included, into
 * the big vault itself (its own dossier, so the other figures stay put): each run adds 50 sources
 * and 2,500 excerpts to each side of the cached pair.
 */
async function insertRows(stores: ScaleStores, size: ScaleSize): Promise<BenchRow[]> {
  const pages = Math.max(1, Math.round(size.charsPerSource / 3_000));
  const random = prng(7);
  let round = 0;
  const made = { encrypted: [] as string[], plain: [] as string[] };
  const documents = () =>
    Array.from({ length: INSERT_SOURCES }, (_, i) =>
      syntheticSource({ pages, excerpts: INSERT_EXCERPTS / INSERT_SOURCES, codes: 1, seed: 90_000 + round * 100 + i }),
    );
  const batch = { current: documents() };
  const addSources = (side: 'encrypted' | 'plain') => () => {
    const store = stores[side];
    const dossier = dossierId(store, INSERTS_DOSSIER);
    made[side] = batch.current.map(
      (doc, i) =>
        store.sources.add({
          dossierId: dossier,
          title: `Inserted ${round}.${i}`,
          kind: 'ngo_report',
          format: 'pdf',
          text: doc.text,
          blocks: doc.blocks,
          pageMap: doc.pages,
        }).id,
    );
    store.checkpoint();
  };
  const addExcerpts = (side: 'encrypted' | 'plain') => () => {
    const store = stores[side];
    batch.current.forEach((doc, i) => {
      for (const e of doc.excerpts) {
        store.excerpts.add({
          sourceId: made[side][i] as string,
          exact: e.exact,
          prefix: e.prefix,
          suffix: e.suffix,
          start: e.start,
          end: e.end,
          page: e.page,
          note: random() < 0.4 ? 'Checked against the court record' : '',
        });
      }
    });
    store.checkpoint();
  };
  const sourceTimes = { encrypted: [] as number[], plain: [] as number[] };
  const excerptTimes = { encrypted: [] as number[], plain: [] as number[] };
  for (; round < ROUNDS; round++) {
    batch.current = documents();
    for (const side of round % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
      let start = performance.now();
      addSources(side)();
      sourceTimes[side].push(performance.now() - start);
      start = performance.now();
      addExcerpts(side)();
      excerptTimes[side].push(performance.now() - start);
    }
  }
  const s = { encrypted: summarise(sourceTimes.encrypted), plain: summarise(sourceTimes.plain) };
  const e = { encrypted: summarise(excerptTimes.encrypted), plain: summarise(excerptTimes.plain) };
  return [
    medianRow(`insert ${INSERT_SOURCES} sources one by one (+FTS, audit), encrypted`, s.encrypted),
    medianRow(`insert ${INSERT_SOURCES} sources one by one, plain`, s.plain),
    ratioRow('source insert: encrypted / plain', s.encrypted.median, s.plain.median, 1.15),
    medianRow(`insert ${INSERT_EXCERPTS} excerpts one by one (+FTS, audit), encrypted`, e.encrypted),
    medianRow(`insert ${INSERT_EXCERPTS} excerpts one by one, plain`, e.plain),
    ratioRow('excerpt insert: encrypted / plain', e.encrypted.median, e.plain.median, 1.15),
  ];
}

function sizeRows(fixture: ScaleFixture): BenchRow[] {
  const raw = fixture.manifest.rawTextBytes;
  const encrypted = statSync(vaultDbFile(fixture)).size;
  const plain = statSync(fixture.plainFile).size;
  return [
    { label: `raw text of all sources (UTF-8)`, value: raw / 2 ** 20, unit: 'MiB' },
    { label: 'vault.db (encrypted, after checkpoint)', value: encrypted / 2 ** 20, unit: 'MiB' },
    ratioRow('vault size / raw text', encrypted, raw, 2),
    ratioRow('plain copy size / raw text', plain, raw),
  ];
}

/** What a section of the scale benchmark is given: the pair, and both sides opened on demand. */
export interface ScaleContext {
  size: ScaleSize;
  fixture: ScaleFixture;
  /** Both sides open (opened on first call, kept open for the next sections). */
  stores(): Promise<ScaleStores>;
  /** Closes both sides if open: for a section that opens the vault itself (unlock, size on disk). */
  closed(): void;
}

/** A group of figures; SCALE_SECTIONS runs them in order and prints their rows together. */
export interface ScaleSection {
  name: string;
  run(context: ScaleContext): Promise<BenchRow[]>;
}

export const SCALE_SECTIONS: ScaleSection[] = [
  {
    name: 'migration',
    run: async (c) => {
      c.closed();
      return migrationRows(c.fixture);
    },
  },
  {
    name: 'unlock',
    run: async (c) => {
      c.closed();
      return unlockRows(c.fixture);
    },
  },
  { name: 'reads', run: async (c) => readRows(await c.stores()) },
  { name: 'lists', run: async (c) => listRows(await c.stores()) },
  { name: 'inserts', run: async (c) => insertRows(await c.stores(), c.size) },
  { name: 'full-check', run: async (c) => fullCheckRows(await c.stores()) },
  {
    name: 'size',
    run: async (c) => {
      c.closed();
      return sizeRows(c.fixture);
    },
  },
];

export const scaleBench: BenchCase = {
  name: 'scale: 10,000 sources by default, encrypted against a plain copy',
  async run(): Promise<BenchRow[]> {
    const size = scaleSize();
    const log = (line: string) => console.log(line);
    const fixture = await scaleFixture(size, log);
    const m = fixture.manifest;
    log(
      `  ${m.sources.toLocaleString('en')} sources, ${m.excerpts.toLocaleString('en')} excerpts, ` +
        `${(m.rawTextBytes / 2 ** 20).toFixed(0)} MiB of text; the big dossier holds ${m.bigDossierSources.toLocaleString('en')} sources ` +
        `(generated in ${(m.generatedMs / 60_000).toFixed(1)} min on ${m.generatedAt})`,
    );
    let open: ScaleStores | null = null;
    const context: ScaleContext = {
      size,
      fixture,
      stores: async () => {
        open ??= await scaleStores(size, log);
        return open;
      },
      closed: () => {
        open?.close();
        open = null;
      },
    };
    const at = process.argv.indexOf('--sections');
    const only = at > 0 ? (process.argv[at + 1] ?? '').split(',') : null;
    const unknown = only?.filter((name) => !SCALE_SECTIONS.some((section) => section.name === name)) ?? [];
    if (unknown.length > 0) {
      throw new Error(`No scale section ${unknown.join(', ')}; known: ${SCALE_SECTIONS.map((x) => x.name).join(', ')}`);
    }
    const rows: BenchRow[] = [];
    try {
      for (const section of SCALE_SECTIONS) {
        // A pair cached under an older schema is always migrated first: the other sections need it.
        if (only && !only.includes(section.name) && section.name !== 'migration') continue;
        rows.push(...(await section.run(context)));
      }
    } finally {
      context.closed();
    }
    return rows;
  },
};
