// `upright recommendations import <vault> <file.csv> --dossier … [--map col=field…]` and
// `upright recommendations paste <vault> --dossier … < text`: last cycle's recommendations into a
// dossier through the same recommendation.importPreview / recommendation.import as the app's dialog.
// Every problem is printed with its line; a file with a fatal problem writes nothing.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Services } from '../main/services.ts';
import type { RecommendationImportSource } from '../shared/api.ts';
import { UprightError } from '../shared/errors.ts';
import { formatText } from '../shared/i18n/catalogs.ts';
import { IMPORT_PROBLEM_MESSAGES, type ImportProblem, problemParams } from '../shared/recommendation-import.ts';
import type { CliRuntime } from './export.ts';
import { cliLanguage } from './words.ts';

interface CommonOptions {
  dossier: string;
  dryRun?: boolean;
}

async function dossierId(cli: CliRuntime, services: Services, name: string): Promise<string> {
  const dossiers = await cli.invoke(services, 'dossier.list', { includeArchived: true });
  const dossier = dossiers.find((d) => d.id === name || d.title === name);
  if (!dossier) throw new UprightError('DOSSIER_NOT_FOUND');
  return dossier.id;
}

function problemLine(problem: ImportProblem): string {
  const where = problem.line > 0 ? `line ${problem.line}` : 'file';
  const words = formatText(cliLanguage(), IMPORT_PROBLEM_MESSAGES[problem.code], problemParams(problem));
  return `  ${problem.severity.padEnd(6)} ${where.padEnd(9)} ${words}`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function run(
  cli: CliRuntime,
  command: Command,
  vaultPath: string,
  opts: CommonOptions,
  source: () => Promise<RecommendationImportSource>,
): Promise<void> {
  const input = await source();
  const outcome = await cli.withServices(vaultPath, undefined, async (services) => {
    await cli.unlockFromEnvOrPrompt(services);
    const id = await dossierId(cli, services, opts.dossier);
    const preview = await cli.invoke(services, 'recommendation.importPreview', { dossierId: id, source: input });
    for (const problem of preview.problems) process.stderr.write(`${problemLine(problem)}\n`);
    if (opts.dryRun) return { dryRun: true as const, preview };
    const imported = await cli.invoke(services, 'recommendation.import', { dossierId: id, source: input });
    return { dryRun: false as const, preview, imported };
  });
  const { preview } = outcome;
  const sections = preview.sections.map((s) => `${s.number}: ${s.count} ${s.response ?? 'response unknown'}`);
  if (outcome.dryRun) {
    cli.output(command, preview, () =>
      [
        `Read ${preview.counts.read} recommendations${sections.length ? ` (${sections.join('; ')})` : ''}: ${preview.counts.new} would be added, ${preview.counts.present} already in the dossier${preview.counts.answered ? ` (${preview.counts.answered} would get the State's response)` : ''}, ${preview.counts.skipped} left out. Nothing written (--dry-run).`,
      ].join('\n'),
    );
    return;
  }
  const { imported } = outcome;
  cli.output(
    command,
    imported,
    () =>
      `Read ${preview.counts.read} recommendations${sections.length ? ` (${sections.join('; ')})` : ''}: ${imported.added} added, ${imported.present} already in the dossier${imported.answered ? ` (${imported.answered} got the State's response)` : ''}, ${imported.skipped} left out.`,
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function addRecommendationsCommand(program: Command, cli: CliRuntime): void {
  const recommendations = program
    .command('recommendations')
    .description("import last cycle's UPR recommendations into a dossier's tracker");

  recommendations
    .command('import <vault> <file>')
    .description(
      'import a CSV table of recommendations (UTF-8 or Windows-1251; columns found by their headers); a file with an unclosed quote or a row with extra cells imports nothing',
    )
    .requiredOption('--dossier <name>', 'dossier title or id')
    .option(
      '--map <col=field>',
      'which field a column fills, by header or 1-based number (field: text, states, cycle, session, document, paragraph, response, themes, ignore); repeatable',
      collect,
      [],
    )
    .option('--dry-run', 'show what would be imported and every problem, writing nothing')
    .action(async (vaultPath: string, file: string, opts: CommonOptions & { map: string[] }, command: Command) => {
      await run(cli, command, vaultPath, opts, async () => ({
        kind: 'csv',
        name: file.split(/[\\/]/).pop() ?? file,
        data: (await readFile(file)).toString('base64'),
        ...(opts.map.length ? { map: opts.map } : {}),
      }));
    });

  recommendations
    .command('paste <vault>')
    .description(
      "import the recommendations section of a Working Group report, as copied from its PDF, from standard input: numbered recommendations with their States, each with its section's response",
    )
    .requiredOption('--dossier <name>', 'dossier title or id')
    .option('--document <symbol>', "the report's symbol, e.g. A/HRC/28/10 (else read from its running header)")
    .option('--cycle <n>', 'the UPR cycle of the review')
    .option('--session <n>', 'the Working Group session')
    .option('--dry-run', 'show what would be imported and every problem, writing nothing')
    .action(
      async (
        vaultPath: string,
        opts: CommonOptions & { document?: string; cycle?: string; session?: string },
        command: Command,
      ) => {
        await run(cli, command, vaultPath, opts, async () => ({
          kind: 'paste',
          text: await readStdin(),
          ...(opts.document ? { documentSymbol: opts.document } : {}),
          ...(opts.cycle ? { cycle: Number(opts.cycle) } : {}),
          ...(opts.session ? { session: opts.session } : {}),
        }));
      },
    );
}
