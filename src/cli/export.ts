// `upright export <vault> --draft <id> --format docx|html|md --out <file> [--redact]`: a submission
// draft written to a file, through the same `draft.export` as the app. When the checks refuse the
// export, every failing check is listed, so a script's log says what to fix.
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { Services } from '../main/services.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../shared/api/drafts.ts';
import type { Method, Params, Result } from '../shared/api.ts';
import { UprightError } from '../shared/errors.ts';
import { printedCheck } from '../shared/i18n/printed.ts';

/** What main.ts lends every command: services for a vault, unlocking, calling a method, printing. */
export interface CliRuntime {
  withServices<T>(location: string, saveTo: string | undefined, body: (s: Services) => Promise<T>): Promise<T>;
  unlockFromEnvOrPrompt(services: Services): Promise<void>;
  invoke<M extends Method>(services: Services, method: M, params: Params<M>): Promise<Result<M>>;
  output(command: Command, value: unknown, human: () => string): void;
}

interface ExportOptions {
  draft: string;
  format: ExportFormat;
  out: string;
  force?: boolean;
  redact?: boolean;
  acceptErrors?: boolean;
  provenance?: boolean;
  nameSource?: string[];
}

const KIND: Record<ExportFormat, string> = { docx: 'Word document', html: 'web page', md: 'Markdown text' };

/** Runs an export that names its file; a file already there is kept, and the message says how to replace it. */
export async function refuseToReplace<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UprightError && error.code === 'FILE_EXISTS') {
      throw new UprightError('CLI_OUT_EXISTS');
    }
    throw error;
  }
}

export function addExportCommand(program: Command, cli: CliRuntime): void {
  program
    .command('export <vault>')
    .description('write a submission draft as a Word document, web page or Markdown (refused while checks fail)')
    .requiredOption('--draft <id>', 'draft id (see `upright call draft.list`)')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'file to write (an existing file is kept unless --force)')
    .option('--force', 'replace the file if it exists')
    .option('--redact', 'replace pseudonymised names by their pseudonyms')
    .option('--accept-errors', 'export even though checks report errors')
    .option('--provenance', 'add the provenance annex (source, SHA-256, page, excerpt of every note)')
    .option(
      '--name-source <id...>',
      'a source whose "restricted" excerpts may be named (repeatable); other restricted notes are left out',
    )
    .action(async (vaultPath: string, opts: ExportOptions, command: Command) => {
      const redact = opts.redact ?? false;
      const provenance = opts.provenance ?? false;
      const nameSources = opts.nameSource ?? [];
      const result = await cli.withServices(vaultPath, undefined, async (services) => {
        await cli.unlockFromEnvOrPrompt(services);
        const listChecks = async (severities: string[]) => {
          const checks = await cli.invoke(services, 'draft.check', {
            id: opts.draft,
            export: { format: opts.format, redact, provenance, nameSources },
          });
          // In the draft's own language, as the rest of what is printed for the submission.
          const { cover } = await cli.invoke(services, 'draft.get', { id: opts.draft });
          for (const r of checks.filter((c) => severities.includes(c.severity))) {
            const { where, message } = printedCheck(cover.language, r);
            process.stderr.write(`  ${r.severity.padEnd(7)} ${where.padEnd(14)} ${message}\n`);
          }
        };
        try {
          const saved = await refuseToReplace(() =>
            cli.invoke(services, 'draft.export', {
              id: opts.draft,
              format: opts.format,
              redact,
              provenance,
              nameSources,
              acceptErrors: opts.acceptErrors ?? false,
              path: resolve(opts.out),
              overwrite: opts.force ?? false,
            }),
          );
          // Warnings do not stop an export, but a script's log should still say what they were.
          if (saved.saved && saved.warnings > 0) await listChecks(['warning']);
          return saved;
        } catch (error) {
          if (error instanceof UprightError && error.code === 'DRAFT_HAS_ERRORS')
            await listChecks(['error', 'warning']);
          throw error;
        }
      });
      cli.output(command, result, () =>
        result.saved
          ? `Wrote the ${KIND[opts.format]} to ${result.path} (${result.bytes.toLocaleString('en-GB')} bytes${result.warnings ? `, ${result.warnings} warning${result.warnings > 1 ? 's' : ''} from the checks` : ''}).`
          : 'Nothing written.',
      );
    });
}
