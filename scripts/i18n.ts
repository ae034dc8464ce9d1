// `npm run i18n:extract` collects every message from the code into the English source catalog;
// `npm run i18n:check` (part of `npm test`) fails when the English catalog is stale, Russian lacks a
// message, a translation breaks a message's placeholders, or a component shows words that bypass
// the catalog. See README › "Translating Upright".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { compareCatalogs, findLiterals } from './i18n/rules.ts';

const CATALOGS = 'src/shared/i18n/catalogs';
const SOURCE_CATALOG = `${CATALOGS}/en.json`;
const SCANNED = ['src/renderer/src', 'src/shared'];
/** Screens not yet moved to the catalog: none any more; a file added here must be taken off once clean. */
const NOT_YET_IN_CATALOG = new Set<string>([]);
/** Russian must be complete; Kazakh grows and falls back to Russian. */
const TRANSLATIONS = { ru: true, kk: false } as const;

function filesUnder(folder: string, test: (name: string) => boolean): string[] {
  const found = spawnSync('find', [folder, '-type', 'f'], { encoding: 'utf8' });
  return found.stdout.split('\n').filter((f) => f && test(f) && !f.includes('/catalogs/'));
}

function extract(outFile: string): void {
  const files = SCANNED.flatMap((folder) => filesUnder(folder, (f) => /\.tsx?$/.test(f)));
  const listFile = join(tmpdir(), `upright-i18n-files-${process.pid}.txt`);
  writeFileSync(listFile, files.join('\n'));
  const run = spawnSync(
    join('node_modules', '.bin', 'formatjs'),
    [
      'extract',
      '--in-file',
      listFile,
      '--out-file',
      outFile,
      '--additional-function-names',
      'defineMessage',
      '--throws',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
  );
  rmSync(listFile, { force: true });
  if (run.status !== 0) throw new Error('formatjs extract failed');
}

type Extracted = Record<string, { defaultMessage: string; description?: string }>;
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

function check(): number {
  let failures = 0;
  const fail = (title: string, lines: string[]) => {
    failures += lines.length;
    console.error(`✗ ${title}`);
    for (const line of lines.slice(0, 40)) console.error(`    ${line}`);
    if (lines.length > 40) console.error(`    … and ${lines.length - 40} more`);
  };

  const scratch = mkdtempSync(join(tmpdir(), 'upright-i18n-'));
  try {
    extract(join(scratch, 'en.json'));
    const fresh = readFileSync(join(scratch, 'en.json'), 'utf8');
    if (fresh.trim() !== readFileSync(SOURCE_CATALOG, 'utf8').trim()) {
      fail('the English catalog is not what the code says: run `npm run i18n:extract` and commit it', [SOURCE_CATALOG]);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const source = Object.fromEntries(
    Object.entries(readJson<Extracted>(SOURCE_CATALOG)).map(([id, entry]) => [id, entry.defaultMessage]),
  );
  const problems = compareCatalogs(
    source,
    Object.fromEntries(
      Object.entries(TRANSLATIONS).map(([language, complete]) => [
        language,
        { messages: readJson<Record<string, string>>(`${CATALOGS}/${language}.json`), complete },
      ]),
    ),
  );
  if (problems.badIds.length) fail('message ids must read area.thing (no generated ids)', problems.badIds);
  for (const [language, ids] of Object.entries(problems.missing)) fail(`${language}.json lacks messages`, ids);
  for (const [language, ids] of Object.entries(problems.extra))
    fail(`${language}.json has messages the code no longer has`, ids);
  if (problems.broken.length) fail('messages that do not parse or change placeholders', problems.broken);

  const scanned = filesUnder('src/renderer/src', (f) => f.endsWith('.tsx')).map((file) => ({
    file: relative('.', file),
    found: findLiterals(relative('.', file), readFileSync(file, 'utf8')),
  }));
  const literals = scanned.filter((s) => !NOT_YET_IN_CATALOG.has(s.file)).flatMap((s) => s.found);
  const pending = scanned.filter((s) => NOT_YET_IN_CATALOG.has(s.file));
  const cleaned = pending.filter((s) => s.found.length === 0).map((s) => s.file);
  if (cleaned.length) fail('these screens are in the catalog now: take them off NOT_YET_IN_CATALOG', cleaned);
  const waiting = pending.reduce((n, s) => n + s.found.length, 0);
  if (waiting) console.log(`${waiting} literals in ${pending.length - cleaned.length} screens not yet in the catalog`);
  if (literals.length) {
    fail(
      'words shown to people that bypass the message catalog',
      literals.map((l) => `${l.file}:${l.line}  “${l.text}”`),
    );
  }

  const kk = readJson<Record<string, string>>(`${CATALOGS}/kk.json`);
  const total = Object.keys(source).length;
  console.log(
    `${total} messages; ru ${total - (problems.missing.ru?.length ?? 0)}/${total}; kk ${Object.keys(kk).length}/${total} (the rest in Russian)`,
  );
  return failures;
}

const command = process.argv[2];
if (command === 'extract') {
  extract(SOURCE_CATALOG);
  console.log(`wrote ${SOURCE_CATALOG}`);
} else if (command === 'check') {
  process.exitCode = check() > 0 ? 1 : 0;
} else {
  console.error('usage: node scripts/i18n.ts extract|check');
  process.exitCode = 2;
}
