// The scale benchmark's two vaults: a lawyer's years of case files (by default 10,000 sources with
// 10 excerpts each), written once through the project's own repositories (Store: the same inserts,
// triggers, FTS upkeep and audit log as an import) into an encrypted vault and, with the same data,
// schema, pragmas and repositories, into a plain SQLite file. Generating takes long, so the pair is
// cached outside the repository (~/.cache/upright/bench/, or $UPRIGHT_BENCH_CACHE), keyed by the
// generator's version and its size parameters; a half-written pair is never mistaken for a whole
// one (it is written under a ".partial" name and renamed when done).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyConnectionPragmas, closeDatabase, type Db, MAIN_CACHE_KIB } from '../../src/main/store/database.ts';
import { Store } from '../../src/main/store/index.ts';
import { migrate } from '../../src/main/store/migrations/index.ts';
import { KDF_FLOOR } from '../../src/main/vault/keyslots.ts';
import { VAULT_DB_FILE, Vault } from '../../src/main/vault/vault.ts';
import { ENTITY_KINDS, SOURCE_KINDS } from '../../src/shared/domain.ts';
import { prng, syntheticSource } from './synthetic-source.ts';

/** Bump when what is generated changes: the cache key includes it. 2: AEGIS-256 pages; 3: FTS leaves that fit them. */
export const GENERATOR_VERSION = 3;
export const SCALE_PASSPHRASE = 'scale benchmark passphrase, not a secret';
export const BIG_DOSSIER = 'Big dossier: years of case files';
/** Sources written by the insert measurements go here, so the big dossier's figures stay put. */
export const INSERTS_DOSSIER = 'Benchmark inserts';
const OTHER_DOSSIERS = 9;
const CODES = 40;
const ENTITIES = 300;
const BATCH = 20;

export interface ScaleSize {
  sources: number;
  excerptsPerSource: number;
  /** Characters of text per source (about 3,000 a page). */
  charsPerSource: number;
}

export interface ScaleManifest extends ScaleSize {
  generator: number;
  /** UTF-8 bytes of all source text: "the raw text" the vault size is compared with. */
  rawTextBytes: number;
  excerpts: number;
  bigDossierSources: number;
  generatedMs: number;
  generatedAt: string;
}

export interface ScaleFixture {
  dir: string;
  /** The encrypted vault's folder (vault.db + keyslots.json), opened with SCALE_PASSPHRASE. */
  vaultDir: string;
  plainFile: string;
  manifest: ScaleManifest;
}

export function scaleCacheRoot(): string {
  return (
    process.env.UPRIGHT_BENCH_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'upright', 'bench')
  );
}

function key(size: ScaleSize): string {
  return `scale-g${GENERATOR_VERSION}-s${size.sources}-e${size.excerptsPerSource}-c${size.charsPerSource}`;
}

/** Opens a plain (unencrypted) database with the vault's pragmas, as the baseline side. */
export function openPlainDatabase(file: string): Db {
  const db = new Database(file);
  applyConnectionPragmas(db, true, MAIN_CACHE_KIB); // as the vault's own connection
  db.exec('BEGIN EXCLUSIVE; COMMIT');
  return db;
}

/** The plain side's store: an audit head key too, so both sides do the same work per change. */
export function plainStore(db: Db): Store {
  return new Store(db, { actor: 'bench', auditHeadKey: randomBytes(32) });
}

/** The cached pair, generated first when missing (progress on stderr). */
export async function scaleFixture(size: ScaleSize, log: (line: string) => void): Promise<ScaleFixture> {
  const dir = join(scaleCacheRoot(), key(size));
  const fixture = (manifest: ScaleManifest): ScaleFixture => ({
    dir,
    vaultDir: join(dir, 'vault'),
    plainFile: join(dir, 'plain.db'),
    manifest,
  });
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile)) return fixture(JSON.parse(readFileSync(manifestFile, 'utf8')) as ScaleManifest);

  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  log(`  generating ${key(size)} in ${partial} (once; cached for later runs)…`);
  const manifest = await generate(size, join(partial, 'vault'), join(partial, 'plain.db'), log);
  writeFileSync(join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, dir);
  return fixture(manifest);
}

interface Sides {
  encrypted: Store;
  plain: Store;
}

/** The same calls on both sides, so the two databases hold the same rows (ids aside). */
function both<T>(sides: Sides, fn: (store: Store) => T): { encrypted: T; plain: T } {
  return {
    encrypted: sides.encrypted.transaction(() => fn(sides.encrypted)),
    plain: sides.plain.transaction(() => fn(sides.plain)),
  };
}

async function generate(size: ScaleSize, vaultDir: string, plainFile: string, log: (line: string) => void) {
  const started = performance.now();
  // The floor KDF here; the benchmark re-slots the passphrase with today's calibration before unlocking.
  const vault = new Vault({ location: vaultDir, kdf: { ...KDF_FLOOR }, actor: 'bench' });
  await vault.create(SCALE_PASSPHRASE);
  const plainDb = openPlainDatabase(plainFile);
  migrate(plainDb);
  const sides: Sides = { encrypted: vault.store(), plain: plainStore(plainDb) };
  const random = prng(12_012);
  try {
    const dossiers = both(sides, (store) => [
      store.dossiers.create({ title: BIG_DOSSIER }).id,
      ...Array.from({ length: OTHER_DOSSIERS }, (_, i) => store.dossiers.create({ title: `Case file ${i + 1}` }).id),
      store.dossiers.create({ title: INSERTS_DOSSIER }).id,
    ]);
    const codes = both(sides, (store) => {
      const ids: string[] = [];
      for (let i = 0; i < CODES; i++) {
        // A two-level tree: 8 themes with 4 codes each, as a team's codebook grows.
        const parentId = i % 5 === 0 ? null : (ids[i - (i % 5)] ?? null);
        ids.push(store.codes.create({ name: `Code ${i}`, parentId }).id);
      }
      return ids;
    });
    const entities = both(sides, (store) =>
      Array.from(
        { length: ENTITIES },
        (_, i) =>
          store.entities.create({
            kind: ENTITY_KINDS[i % ENTITY_KINDS.length] as (typeof ENTITY_KINDS)[number],
            name: `Entity ${i} ${['Abenov', 'Sultanova', 'Oil Workers Union', 'Zhanaozen', 'Article 402'][i % 5]}`,
            aliases: i % 3 === 0 ? [`E${i}`] : [],
          }).id,
      ),
    );

    const pages = Math.max(1, Math.round(size.charsPerSource / 3_000));
    let rawTextBytes = 0;
    let excerpts = 0;
    let bigDossierSources = 0;
    for (let first = 0; first < size.sources; first += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, size.sources - first) }, (_, k) => {
        const i = first + k;
        const source = syntheticSource({ pages, excerpts: size.excerptsPerSource, codes: CODES, seed: 1_000 + i });
        rawTextBytes += Buffer.byteLength(source.text, 'utf8');
        // Half the sources in the big dossier, the rest spread over the others.
        const dossier = i % 2 === 0 ? 0 : 1 + (i % OTHER_DOSSIERS);
        if (dossier === 0) bigDossierSources++;
        return {
          i,
          dossier,
          source,
          entity: source.excerpts.map(() => (random() < 0.3 ? Math.floor(random() * ENTITIES) : -1)),
          note: source.excerpts.map((e) =>
            random() < 0.4 ? `Checked against the court record; ${e.exact.slice(0, 40)}` : '',
          ),
        };
      });
      for (const side of ['encrypted', 'plain'] as const) {
        const store = sides[side];
        store.transaction(() => {
          for (const item of batch) {
            const id = store.sources.add({
              dossierId: dossiers[side][item.dossier] as string,
              title: `Report ${item.i}: ${item.source.text.slice(0, 60)}`,
              kind: SOURCE_KINDS[item.i % SOURCE_KINDS.length] as (typeof SOURCE_KINDS)[number],
              format: 'pdf',
              text: item.source.text,
              blocks: item.source.blocks,
              pageMap: item.source.pages,
              language: 'en',
              dateText: `${2015 + (item.i % 10)}-0${1 + (item.i % 9)}`,
              authorOrganisation: `Organisation ${item.i % 50}`,
            }).id;
            item.source.excerpts.forEach((e, n) => {
              const entity = item.entity[n] as number;
              store.excerpts.add({
                sourceId: id,
                exact: e.exact,
                prefix: e.prefix,
                suffix: e.suffix,
                start: e.start,
                end: e.end,
                page: e.page,
                note: item.note[n] as string,
                codeIds: e.codes.map((c) => codes[side][c] as string),
                entityIds: entity >= 0 ? [entities[side][entity] as string] : [],
              });
            });
          }
        });
      }
      excerpts += batch.reduce((n, item) => n + item.source.excerpts.length, 0);
      const done = first + batch.length;
      if (done % 500 === 0 || done === size.sources) {
        const seconds = (performance.now() - started) / 1000;
        log(`  ${done} / ${size.sources} sources (both sides), ${seconds.toFixed(0)} s`);
      }
    }
    sides.encrypted.checkpoint();
    sides.plain.checkpoint();
    return {
      generator: GENERATOR_VERSION,
      ...size,
      rawTextBytes,
      excerpts,
      bigDossierSources,
      generatedMs: performance.now() - started,
      generatedAt: new Date().toISOString(),
    } satisfies ScaleManifest;
  } finally {
    vault.lock();
    closeDatabase(plainDb);
  }
}

export const vaultDbFile = (fixture: ScaleFixture) => join(fixture.vaultDir, VAULT_DB_FILE);
