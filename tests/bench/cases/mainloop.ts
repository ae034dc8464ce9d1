// Main-loop benchmark (issue 12: "the main process never blocks for more than 50 ms"): how long the
// thread that serves the API is blocked while the heavy vault work runs, the old way (verify and
// backup on the main connection, vault option tasksOnMainThread) and the new way (in the vault
// worker). Two probes watch the loop: perf_hooks.monitorEventLoopDelay (its max and p99) and a tight
// 1 ms timer whose longest gap is the longest block. Rounds alternate old and new; each figure is
// the median of the rounds, with the spread (fastest–slowest round).
//   npm run bench -- mainloop                       a generated vault (--sources 2000 by default)
//   npm run bench -- mainloop --sources 500
//   UPRIGHT_BENCH_CACHE=/tmp/bench-x npm run bench -- mainloop --scale --chars 30000
//                                                   the scale benchmark's cached 10,000-source vault
//                                                   (a COPY: its cache dir is given by the variable)
// The import is measured both ways too: its parsing always runs in the parse worker; the old way
// stores each file on the main connection, the new way in the vault worker (import-writer.ts). A
// batch of generated text files through the real import pipeline, and one 900,000-character source.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { importBatch, type PendingFile } from '../../../src/main/import/pipeline.ts';
import { createServices } from '../../../src/main/services.ts';
import { Vault } from '../../../src/main/vault/vault.ts';
import { type BenchCase, type BenchRow, medianRow, summarise } from '../harness.ts';
import { SCALE_PASSPHRASE, scaleFixture } from '../scale-vault.ts';
import { scaleSize } from './scale.ts';

const KDF = { memoryKiB: 64 * 1024, passes: 3, parallelism: 1 };
const PASSPHRASE = 'main loop benchmark passphrase';
const TARGET_MS = 50;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

interface LoopFigures {
  longestMs: number;
  p99Ms: number;
  wallMs: number;
}

/** Runs `work` while watching the event loop; answers the longest block and the p99 delay. */
async function watched(work: () => Promise<unknown>): Promise<LoopFigures> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await work();
  const ended = performance.now();
  longest = Math.max(longest, ended - last);
  clearInterval(timer);
  histogram.disable();
  return {
    longestMs: Math.max(longest, histogram.max / 1e6),
    p99Ms: histogram.percentile(99) / 1e6,
    wallMs: ended - started,
  };
}

function lorem(seed: number, chars: number): string {
  const words = ['witness', 'statement', 'detention', 'court', 'appeal', 'Almaty', 'протокол', 'задержание', 'суд'];
  let out = '';
  let i = seed;
  while (out.length < chars) {
    out += `${words[i % words.length]} ${i % 97} `;
    if (i % 23 === 0) out += '\n\n';
    i++;
  }
  return out.slice(0, chars);
}

/** A vault of `sources` sources (text and a stored original each), made through the repositories. */
async function generatedVault(dir: string, sources: number): Promise<string> {
  const location = join(dir, 'vault');
  const vault = new Vault({ location, kdf: KDF });
  await vault.create(PASSPHRASE);
  const store = vault.store();
  const dossier = store.dossiers.create({ title: 'Generated dossier' });
  for (let start = 0; start < sources; start += 200) {
    store.transaction(() => {
      for (let i = start; i < Math.min(sources, start + 200); i++) {
        store.sources.add({
          dossierId: dossier.id,
          title: `Source ${i}`,
          kind: 'ngo_report',
          text: lorem(i, 20_000),
          original: { bytes: randomBytes(20_000), mediaType: 'application/pdf' },
        });
      }
    });
  }
  vault.lock();
  return location;
}

interface Side {
  verify: LoopFigures[];
  backup: LoopFigures[];
}

async function measureSide(location: string, passphrase: string, old: boolean, side: Side, scratch: string) {
  const vault = new Vault({ location, tasksOnMainThread: old });
  await vault.unlock(passphrase);
  try {
    side.verify.push(await watched(() => vault.verify()));
    const target = join(scratch, `backup-${old ? 'old' : 'new'}-${side.backup.length}`);
    side.backup.push(await watched(() => vault.backup(target)));
    rmSync(target, { recursive: true, force: true });
  } finally {
    vault.lock();
  }
}

function rows(label: string, figures: LoopFigures[], target?: number): BenchRow[] {
  const longest = summarise(figures.map((f) => f.longestMs));
  const p99 = summarise(figures.map((f) => f.p99Ms));
  const wall = summarise(figures.map((f) => f.wallMs));
  return [
    medianRow(`${label}: longest block`, longest, 'ms', target),
    medianRow(`${label}: p99 loop delay`, p99, 'ms'),
    medianRow(`${label}: wall time`, wall, 'ms'),
  ];
}

async function measureImport(
  location: string,
  passphrase: string,
  files: PendingFile[],
  old: boolean,
): Promise<LoopFigures> {
  const vault = new Vault({ location, tasksOnMainThread: old });
  await vault.unlock(passphrase);
  try {
    const dossier = vault.store().dossiers.create({ title: `Import ${randomBytes(3).toString('hex')}` });
    return await watched(() =>
      importBatch({
        taskId: 'bench',
        dossierId: dossier.id,
        files,
        vault,
        signal: new AbortController().signal,
        onProgress: () => {},
      }),
    );
  } finally {
    vault.lock();
  }
}

/**
 * The import as the app runs it: the import.files method (files sent as base64, as a drop sends
 * them), progress events, and each stored source's suggestions computed in the background and
 * cached — watched until every source's suggestions are ready (or 60 s have passed).
 */
async function measureAppImport(location: string, passphrase: string, texts: string[]): Promise<LoopFigures> {
  const services = createServices({
    vaultLocation: location,
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async () => null,
    },
  });
  const ctx = { services, transport: 'test' as const };
  try {
    await call(handlers, 'vault.unlock', { passphrase }, ctx);
    const dossier = await call(
      handlers,
      'dossier.create',
      { title: `App import ${randomBytes(3).toString('hex')}` },
      ctx,
    );
    const files = texts.map((text, i) => ({
      name: `app-${randomBytes(3).toString('hex')}-${i}.txt`,
      data: Buffer.from(text).toString('base64'),
    }));
    let ready = 0;
    const stop = services.events.listen((name) => {
      if (name === 'suggestion.ready') ready++;
    });
    try {
      return await watched(async () => {
        const { results } = await call(
          handlers,
          'import.files',
          { taskId: `bench-${Date.now()}`, dossierId: dossier.id, files },
          ctx,
        );
        const imported = results.filter((r) => r.status === 'imported').length;
        const until = performance.now() + 60_000;
        while (ready < imported && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      });
    } finally {
      stop();
    }
  } finally {
    services.close();
  }
}

function textFile(name: string, text: string): PendingFile {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, read: async () => bytes };
}

export const mainLoopBench: BenchCase = {
  name: 'mainloop: main-process longest block during verify, backup and import',
  async run() {
    const rounds = option('rounds', 3);
    const scratch = mkdtempSync(join(tmpdir(), 'upright-mainloop-'));
    try {
      let location: string;
      let passphrase: string;
      let what: string;
      if (flag('scale')) {
        const fixture = await scaleFixture(scaleSize(), (line) => console.log(line));
        location = fixture.vaultDir;
        passphrase = SCALE_PASSPHRASE;
        what = `${fixture.manifest.sources} sources (scale vault)`;
      } else {
        const sources = option('sources', 2000);
        location = await generatedVault(scratch, sources);
        passphrase = PASSPHRASE;
        what = `${sources} generated sources`;
      }
      const old: Side = { verify: [], backup: [] };
      const now: Side = { verify: [], backup: [] };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [true, false] : [false, true];
        for (const isOld of order) await measureSide(location, passphrase, isOld, isOld ? old : now, scratch);
      }
      // The machine's own noise: the same probes over an idle stretch (a loaded machine delays timers too).
      const idle: LoopFigures[] = [];
      for (let round = 0; round < rounds; round++) {
        idle.push(await watched(() => new Promise((resolve) => setTimeout(resolve, 3000))));
      }
      const appRounds: LoopFigures[] = [];
      const importRounds: Record<'old' | 'new', LoopFigures[]> = { old: [], new: [] };
      const bigRounds: Record<'old' | 'new', LoopFigures[]> = { old: [], new: [] };
      const batch = option('import', 200);
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [true, false] : [false, true];
        for (const isOld of order) {
          const way = isOld ? 'old' : 'new';
          const tag = `${way}-${round}`;
          const files = Array.from({ length: batch }, (_, i) =>
            textFile(`statement-${tag}-${i}.txt`, lorem(round * 1000 + i, 20_000)),
          );
          importRounds[way].push(await measureImport(location, passphrase, files, isOld));
          bigRounds[way].push(
            await measureImport(location, passphrase, [textFile(`big-${tag}.txt`, lorem(round, 900_000))], isOld),
          );
        }
        appRounds.push(
          await measureAppImport(location, passphrase, [
            ...Array.from({ length: option('app-import', 100) }, (_, i) => lorem(round * 5000 + i, 20_000)),
            lorem(round + 7, 900_000),
          ]),
        );
      }
      return [
        ...rows('nothing running (3 s idle): the machine’s noise floor', idle).slice(0, 2),
        ...rows(`verify, ${what}, old way (main thread)`, old.verify),
        ...rows(`verify, ${what}, new way (vault worker)`, now.verify, TARGET_MS),
        ...rows(`backup, ${what}, old way (main thread)`, old.backup),
        ...rows(`backup, ${what}, new way (vault worker)`, now.backup, TARGET_MS),
        ...rows(`import of ${batch} text files of 20,000 chars, old way (stored on the main thread)`, importRounds.old),
        ...rows(`import of ${batch} text files of 20,000 chars, new way (vault worker)`, importRounds.new, TARGET_MS),
        ...rows('import of one 900,000-char text file, old way (stored on the main thread)', bigRounds.old),
        ...rows('import of one 900,000-char text file, new way (vault worker)', bigRounds.new, TARGET_MS),
        ...rows(
          `import through the app (import.files, ${option('app-import', 100)} files + one of 900,000 chars) until every source's suggestions are cached`,
          appRounds,
          TARGET_MS,
        ),
      ];
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
