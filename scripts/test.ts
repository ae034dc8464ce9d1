// `npm test`: every check, in order — typecheck, lint, unit/integration (Vitest), build, end-to-end
// (Playwright) — then one closing line "N passed, N failed" over all test cases.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Stage {
  name: string;
  command: string[];
  /** Reads the stage's JSON report into counts of test cases. */
  counts?: () => { passed: number; failed: number; skipped: number };
}

const UNIT_REPORT = 'test-results/unit.json';
const E2E_REPORT = 'test-results/e2e.json';

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

const stages: Stage[] = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npx', 'biome', 'ci', '.'] },
  { name: 'message catalogs', command: ['node', 'scripts/i18n.ts', 'check'] },
  {
    name: 'unit and integration tests',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_REPORT}`],
    counts: () => {
      const r = readJson<{
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
      }>(UNIT_REPORT);
      return r
        ? { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }
        : { passed: 0, failed: 1, skipped: 0 };
    },
  },
  { name: 'build', command: ['npx', 'electron-vite', 'build'] },
  {
    name: 'end-to-end tests',
    command: ['npx', 'playwright', 'test'],
    counts: () => {
      const r = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
        E2E_REPORT,
      );
      return r
        ? { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }
        : { passed: 0, failed: 1, skipped: 0 };
    },
  },
];

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failedStages: string[] = [];
for (const stage of stages) {
  process.stdout.write(`\n── ${stage.name}: ${stage.command.join(' ')}\n`);
  const result = spawnSync(stage.command[0] as string, stage.command.slice(1), {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  const ok = result.status === 0;
  if (!ok) failedStages.push(stage.name);
  if (stage.counts) {
    const c = stage.counts();
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  } else if (!ok) {
    failed += 1;
  }
}

process.stdout.write('\n');
if (failedStages.length) process.stdout.write(`failed stages: ${failedStages.join(', ')}\n`);
if (passed === 0) process.stdout.write('no test ran: that is a failure too\n');
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failedStages.length === 0 && failed === 0 && passed > 0 ? 0 : 1);
