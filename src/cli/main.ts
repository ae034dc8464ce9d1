// `upright`: the same API table as the app, run in-process. Friendly commands for people,
// `upright call <method> '<json>'` for everything else, `--json` for scripts.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { handlers } from '../main/api/index.ts';
import { call, dispatch } from '../main/api/registry.ts';
import { collectFiles } from '../main/import/files.ts';
import { importBatch } from '../main/import/pipeline.ts';
import { defaultVaultLocation } from '../main/paths.ts';
import { createServices, type Services } from '../main/services.ts';
import { allPages, isPagedMethod, MAX_PAGE_SIZE, type Page } from '../shared/api/paging.ts';
import { SEARCH_CAP } from '../shared/api/search.ts';
import { api, isMethod, METHODS, type Method, type Params, type Result, type VerifyReport } from '../shared/api.ts';
import { type ApiErrorPayload, errorFromPayload, isErrorCode, UprightError } from '../shared/errors.ts';
import { addBundleCommands } from './bundle.ts';
import { addExportCommand, refuseToReplace } from './export.ts';
import { promptSecret, secretFrom } from './prompt.ts';
import { addRecommendationsCommand } from './recommendations.ts';
import { errorWords } from './words.ts';

interface GlobalOptions {
  json?: boolean;
}

function servicesFor(vaultLocation: string, saveTo?: string): Services {
  return createServices({
    vaultLocation,
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => saveTo ?? null,
      // The CLI names its files on the command line (`upright import`); there is nothing to ask.
      chooseImportPaths: async () => [],
      chooseSavePath: async () => saveTo ?? null,
    },
  });
}

function output(command: Command, value: unknown, human: () => string): void {
  const { json } = command.optsWithGlobals<GlobalOptions>();
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Runs a command body with services, always locking the vault at the end. */
async function withServices<T>(
  location: string,
  saveTo: string | undefined,
  body: (s: Services) => Promise<T>,
): Promise<T> {
  const services = servicesFor(location, saveTo);
  try {
    return await body(services);
  } finally {
    services.close();
  }
}

function invoke<M extends Method>(services: Services, method: M, params: Params<M>): Promise<Result<M>> {
  return call(handlers, method, params, { services, transport: 'cli' });
}

async function unlockFromEnvOrPrompt(services: Services): Promise<void> {
  if (services.vault.status().state !== 'locked') return;
  const passphrase = await secretFrom('UPRIGHT_PASSPHRASE', 'Passphrase: ');
  await invoke(services, 'vault.unlock', { passphrase });
}

async function newPassphrase(envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const first = await promptSecret('New passphrase: ', envName);
  const second = await promptSecret('Repeat the new passphrase: ', envName);
  if (first !== second) throw new UprightError('CLI_PASSPHRASES_DIFFER');
  return first;
}

function auditWords(audit: VerifyReport['audit']): string {
  if (audit.brokenAtSeq !== null) return `chain broken at entry ${audit.brokenAtSeq}`;
  if (!audit.headOk) return 'entries missing at the end, or the log was rebuilt';
  return 'chain intact';
}

function describeVerify(report: VerifyReport): string {
  const lines = [
    report.ok ? 'Vault verified: everything is intact.' : 'Vault verification found problems:',
    `  database integrity: ${report.integrity.join('; ')}`,
    `  audit log: ${report.audit.entries} entries, ${auditWords(report.audit)}`,
    report.originals.unreadable
      ? '  originals: could not be read'
      : `  originals: ${report.originals.checked} checked, ${report.originals.mismatched.length} changed`,
    ...report.originals.mismatched.map((m) => `    changed: ${m.title} (${m.sourceId})`),
  ];
  return lines.join('\n');
}

export function buildProgram(): Command {
  const program = new Command('upright')
    .description('Upright: keep human-rights case files safe offline and turn them into UPR submissions.')
    .version(packageJson.version, '-v, --version')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `\nThe vault defaults to ${defaultVaultLocation()} (override with UPRIGHT_VAULT or --vault).\nScripts may set UPRIGHT_PASSPHRASE instead of typing the passphrase.`,
    );

  program
    .command('info')
    .description('show the version of Upright and of its runtime')
    .action(async (_opts, command: Command) => {
      const info = await withServices(defaultVaultLocation(), undefined, (s) => invoke(s, 'app.info', {}));
      output(command, info, () =>
        [
          `${info.name} ${info.version}`,
          `runtime: ${info.runtime} (Node ${info.node}${info.electron ? `, Electron ${info.electron}` : ''})`,
          `encryption: ${info.sqlcipher ?? 'unavailable'}`,
          `platform: ${info.platform}`,
        ].join('\n'),
      );
    });

  program
    .command('methods')
    .description('list every method of the API table (for `upright call`)')
    .action((_opts, command: Command) => {
      const list = METHODS.map((name) => ({ name, summary: api[name].summary }));
      output(command, list, () => list.map((m) => `${m.name.padEnd(24)} ${m.summary}`).join('\n'));
    });

  program
    .command('call <method> [params]')
    .description("call any API method with JSON params, e.g. upright call vault.status '{}'")
    .option('--vault <path>', 'vault folder', defaultVaultLocation())
    .option('--save-to <folder>', 'answer to "where to save?" for methods that ask (vault.backup)')
    .action(
      async (
        method: string,
        rawParams: string | undefined,
        opts: { vault: string; saveTo?: string },
        command: Command,
      ) => {
        let params: unknown = {};
        if (rawParams !== undefined) {
          try {
            params = JSON.parse(rawParams);
          } catch {
            throw new UprightError('PARAMS_NOT_JSON');
          }
        }
        const result = await withServices(opts.vault, opts.saveTo, async (services) => {
          const ctx = { services, transport: 'cli' as const };
          const once = async (asked: unknown) => {
            let envelope = await dispatch(handlers, method, asked, ctx);
            // A fresh process starts locked: unlock once and retry, as the app would ask.
            if (!envelope.ok && envelope.error.code === 'VAULT_LOCKED' && isMethod(method)) {
              await unlockFromEnvOrPrompt(services);
              envelope = await dispatch(handlers, method, asked, ctx);
            }
            if (!envelope.ok) throw errorFromPayload(envelope.error);
            return envelope.result;
          };
          // A listing prints every row: a paged method asked without a cursor is paged through.
          if (isPagedMethod(method) && typeof params === 'object' && params !== null && !('cursor' in params)) {
            return allPages(
              async (cursor) =>
                (await once({ limit: MAX_PAGE_SIZE, ...params, ...(cursor ? { cursor } : {}) })) as Page<unknown>,
            );
          }
          return once(params);
        });
        process.stdout.write(
          `${JSON.stringify(result, null, command.optsWithGlobals<GlobalOptions>().json ? 2 : 0)}\n`,
        );
      },
    );

  const vault = program.command('vault').description('create, back up and check a vault');

  vault
    .command('create <path>')
    .description('create a new vault folder; prints the recovery key once')
    .action(async (path: string, _opts, command: Command) => {
      const passphrase = await newPassphrase('UPRIGHT_PASSPHRASE');
      const created = await withServices(path, undefined, (s) => invoke(s, 'vault.create', { passphrase }));
      output(command, { location: created.status.location, recoveryKey: created.recoveryKey }, () =>
        [
          `Vault created at ${created.status.location}`,
          '',
          'Recovery key (write it down now and keep it apart from this computer; it is shown only once):',
          '',
          `  ${created.recoveryKey}`,
        ].join('\n'),
      );
    });

  vault
    .command('passwd <path>')
    .description('change the passphrase (UPRIGHT_PASSPHRASE = current, UPRIGHT_NEW_PASSPHRASE = new)')
    .option(
      '--rotate',
      're-encrypt the vault under a new key and issue a new recovery key: old key files (in copies and backups) stop opening it',
    )
    .option('--keep-passphrase', 'with --rotate: keep the current passphrase, change only the keys')
    .action(async (path: string, opts: { rotate?: boolean; keepPassphrase?: boolean }, command: Command) => {
      if (opts.keepPassphrase && !opts.rotate) throw new UprightError('CLI_KEEP_PASSPHRASE_ALONE');
      const current = await secretFrom('UPRIGHT_PASSPHRASE', 'Current passphrase: ');
      const next = opts.keepPassphrase ? undefined : await newPassphrase('UPRIGHT_NEW_PASSPHRASE');
      if (!opts.rotate) {
        await withServices(path, undefined, async (s) => {
          await invoke(s, 'vault.unlock', { passphrase: current });
          await invoke(s, 'vault.changePassphrase', { current, next: next as string });
        });
        output(
          command,
          { ok: true },
          () =>
            'Passphrase changed. Use the new one from now on; the recovery key still works. ' +
            'A copy of the old key file (every backup has one) still opens the vault with the old passphrase: use --rotate to prevent that.',
        );
        return;
      }
      const rotated = await withServices(path, undefined, async (s) => {
        await invoke(s, 'vault.unlock', { passphrase: current });
        return invoke(s, 'vault.rotateKeys', next === undefined ? { current } : { current, next });
      });
      output(command, { ok: true, recoveryKey: rotated.recoveryKey }, () =>
        [
          `Vault re-encrypted under a new key${next === undefined ? '' : ', with the new passphrase'}.`,
          'Old key files, old passphrases and the old recovery key no longer open it.',
          'Backups made before today still open with the old passphrase and recovery key: make a new backup and destroy the old ones.',
          '',
          'New recovery key (write it down now and keep it apart from this computer; it is shown only once):',
          '',
          `  ${rotated.recoveryKey}`,
        ].join('\n'),
      );
    });

  vault
    .command('recovery-key <path>')
    .description('issue a new recovery key (UPRIGHT_PASSPHRASE); the old one stops working with this vault')
    .action(async (path: string, _opts, command: Command) => {
      const passphrase = await secretFrom('UPRIGHT_PASSPHRASE', 'Passphrase: ');
      const issued = await withServices(path, undefined, async (s) => {
        await invoke(s, 'vault.unlock', { passphrase });
        return invoke(s, 'vault.newRecoveryKey', { passphrase });
      });
      output(command, { ok: true, recoveryKey: issued.recoveryKey }, () =>
        [
          'New recovery key (write it down now and keep it apart from this computer; it is shown only once):',
          '',
          `  ${issued.recoveryKey}`,
          '',
          'The old recovery key no longer opens this vault, but still opens backups made before today.',
        ].join('\n'),
      );
    });

  vault
    .command('recover <path>')
    .description('open with the recovery key (UPRIGHT_RECOVERY_KEY) and set a new passphrase')
    .action(async (path: string, _opts, command: Command) => {
      const recoveryKey = await secretFrom('UPRIGHT_RECOVERY_KEY', 'Recovery key: ');
      const next = await newPassphrase('UPRIGHT_NEW_PASSPHRASE');
      await withServices(path, undefined, (s) => invoke(s, 'vault.recover', { recoveryKey, newPassphrase: next }));
      output(command, { ok: true }, () => 'New passphrase set. The recovery key still works.');
    });

  vault
    .command('backup <path> <destination>')
    .description('write an encrypted copy of the vault into a new folder')
    .action(async (path: string, destination: string, _opts, command: Command) => {
      const result = await withServices(path, destination, async (s) => {
        await unlockFromEnvOrPrompt(s);
        return invoke(s, 'vault.backup', {});
      });
      output(
        command,
        result,
        () =>
          `Encrypted backup written to ${result.location} (${result.bytes} bytes). It opens with the same passphrase.`,
      );
    });

  vault
    .command('verify <path>')
    .description('check database integrity, the audit chain and every stored original')
    .action(async (path: string, _opts, command: Command) => {
      const report = await withServices(path, undefined, async (s) => {
        await unlockFromEnvOrPrompt(s);
        return invoke(s, 'vault.verify', {});
      });
      output(command, report, () => describeVerify(report));
      if (!report.ok) process.exitCode = 1;
    });

  program
    .command('import <vault> <paths...>')
    .description('import files and folders into a dossier; prints one JSON line per file')
    .requiredOption('--dossier <name>', 'dossier title or id (created when no dossier has this title)')
    .action(async (vaultPath: string, paths: string[], opts: { dossier: string }) => {
      const failed = await withServices(vaultPath, undefined, async (services) => {
        await unlockFromEnvOrPrompt(services);
        const store = services.vault.store();
        const dossier =
          store.dossiers
            .list({ includeArchived: true })
            .find((d) => d.id === opts.dossier || d.title === opts.dossier) ??
          store.dossiers.create({ title: opts.dossier });
        const files = await collectFiles(paths.map((p) => resolve(p)));
        const results = await importBatch({
          taskId: `cli-${process.pid}`,
          dossierId: dossier.id,
          files: files.map((f) => ({
            name: f.name,
            size: f.size,
            modifiedAt: f.modifiedAt,
            read: async () => new Uint8Array(await readFile(f.path)),
          })),
          vault: services.vault,
          signal: new AbortController().signal,
          onProgress: (progress) => {
            const r = progress.outcome;
            if (!r) return;
            const line =
              r.status === 'imported'
                ? { file: r.name, id: r.sourceId, title: r.title, pages: r.pages, sha256: r.sha256 }
                : {
                    file: r.name,
                    status: r.status,
                    error: r.error?.code,
                    message:
                      r.error && isErrorCode(r.error.code)
                        ? errorWords({ code: r.error.code, params: r.error.params })
                        : undefined,
                    ...(r.duplicateOf ? { duplicateOf: r.duplicateOf.sourceId } : {}),
                  };
            process.stdout.write(`${JSON.stringify(line)}\n`);
          },
        });
        return results.filter((r) => r.status === 'failed').length;
      });
      if (failed > 0) process.exitCode = 1;
    });

  program
    .command('search <vault> <query>')
    .description(
      'find words across sources (by page), excerpts, entities and drafts: "phrases", prefix*, AND/OR/NOT; Russian words in any inflection. With --json, one JSON line per hit',
    )
    .option('--dossier <name>', 'only in this dossier (title or id)')
    .option('--limit <n>', 'at most this many hits', '50')
    .action(async (vaultPath: string, query: string, opts: { dossier?: string; limit: string }, command: Command) => {
      const { json } = command.optsWithGlobals<GlobalOptions>();
      const wanted = Number(opts.limit);
      if (!Number.isInteger(wanted) || wanted < 1) throw new UprightError('INVALID_PARAMS', { fields: 'limit' });
      await withServices(vaultPath, undefined, async (services) => {
        await unlockFromEnvOrPrompt(services);
        let dossierId: string | undefined;
        if (opts.dossier) {
          const dossiers = await invoke(services, 'dossier.list', { includeArchived: true });
          const dossier = dossiers.find((d) => d.id === opts.dossier || d.title === opts.dossier);
          if (!dossier) throw new UprightError('DOSSIER_NOT_FOUND');
          dossierId = dossier.id;
        }
        let cursor: string | null = null;
        let printed = 0;
        let capped = false;
        do {
          const page: Result<'search.query'> = await invoke(services, 'search.query', {
            query,
            ...(dossierId ? { filters: { dossierId } } : {}),
            limit: Math.min(200, wanted - printed),
            cursor,
          });
          for (const hit of page.hits) {
            const line = json
              ? JSON.stringify({
                  kind: hit.kind,
                  id: hit.id,
                  sourceId: hit.sourceId,
                  title: hit.title,
                  page: hit.page,
                  dossier: hit.dossierTitle,
                  snippet: hit.snippet.text,
                })
              : `${hit.title}${hit.page ? `, p. ${hit.page}` : ''} [${hit.kind}]: ${hit.snippet.text}`;
            process.stdout.write(`${line}\n`);
          }
          printed += page.hits.length;
          cursor = page.nextCursor;
          capped ||= page.capped;
        } while (cursor && printed < wanted);
        if (capped) {
          // On stderr, so a script reading one JSON line per hit is not disturbed.
          const cap = SEARCH_CAP.toLocaleString('en');
          process.stderr.write(
            `upright: more than ${cap} matches of a kind; the newest ${cap} of each were taken, newest first (add words or --dossier to narrow the search)\n`,
          );
        }
      });
    });

  program
    .command('annotations <vault>')
    .description(
      'export a dossier\'s excerpts as W3C Web Annotation JSON or CSV ("never export" ones are left out, "restricted" ones unless --include-restricted)',
    )
    .requiredOption('--dossier <id>', 'dossier id')
    .option('--source <id>', "only this source's excerpts")
    .addOption(new Option('--format <format>', 'file format').choices(['w3c', 'csv']).makeOptionMandatory())
    .requiredOption('--out <file>', 'file to write (an existing file is kept unless --force)')
    .option('--force', 'replace the file if it exists')
    .option('--include-restricted', 'include excerpts marked "restricted" (for the team)')
    .action(
      async (
        vaultPath: string,
        opts: {
          dossier: string;
          source?: string;
          format: string;
          out: string;
          force?: boolean;
          includeRestricted?: boolean;
        },
        command: Command,
      ) => {
        const result = await withServices(vaultPath, undefined, async (services) => {
          await unlockFromEnvOrPrompt(services);
          return refuseToReplace(() =>
            invoke(services, 'annotation.export', {
              dossierId: opts.dossier,
              ...(opts.source ? { sourceId: opts.source } : {}),
              format: opts.format as 'w3c' | 'csv',
              includeRestricted: opts.includeRestricted ?? false,
              path: resolve(opts.out),
              overwrite: opts.force ?? false,
            }),
          );
        });
        output(command, result, () =>
          result.saved
            ? `Wrote ${result.count} excerpts to ${result.path}${leftOut(result.withheld, result.restrictedWithheld)}.`
            : 'Nothing written.',
        );
      },
    );

  program
    .command('timeline <vault>')
    .description("export a dossier's timeline of events as CSV (pseudonyms replace names)")
    .requiredOption('--dossier <id>', 'dossier id')
    .option('--entity <id>', 'only events this entity takes part in')
    .option('--code <id>', 'only events with evidence coded so')
    .option('--source-kind <kind>', 'only events with evidence from sources of this kind')
    .option('--locale <tag>', 'language the dates are printed in (en, ru, …)', 'en')
    .requiredOption('--out <file>', 'file to write (an existing file is kept unless --force)')
    .option('--force', 'replace the file if it exists')
    .action(
      async (
        vaultPath: string,
        opts: {
          dossier: string;
          entity?: string;
          code?: string;
          sourceKind?: string;
          locale: string;
          out: string;
          force?: boolean;
        },
        command: Command,
      ) => {
        const result = await withServices(vaultPath, undefined, async (services) => {
          await unlockFromEnvOrPrompt(services);
          return refuseToReplace(() =>
            invoke(services, 'event.export', {
              dossierId: opts.dossier,
              ...(opts.entity ? { entityId: opts.entity } : {}),
              ...(opts.code ? { codeId: opts.code } : {}),
              ...(opts.sourceKind ? { sourceKind: opts.sourceKind as Params<'event.export'>['sourceKind'] } : {}),
              locale: opts.locale,
              path: resolve(opts.out),
              overwrite: opts.force ?? false,
            }),
          );
        });
        output(command, result, () =>
          result.saved ? `Wrote ${result.count} events to ${result.path}.` : 'Nothing written.',
        );
      },
    );

  function leftOut(never: number, restricted: number): string {
    const parts = [
      never ? `${never} marked "never export"` : '',
      restricted ? `${restricted} marked "restricted" (add --include-restricted to include them)` : '',
    ].filter(Boolean);
    return parts.length ? ` (left out: ${parts.join('; ')})` : '';
  }

  addExportCommand(program, { withServices, unlockFromEnvOrPrompt, invoke, output });
  addRecommendationsCommand(program, { withServices, unlockFromEnvOrPrompt, invoke, output });
  addBundleCommands(program, { withServices, unlockFromEnvOrPrompt, invoke, output });

  return program;
}

function printError(error: ApiErrorPayload, json: boolean): void {
  // Scripts read the code and params; the words are for whoever watches the terminal.
  if (json) process.stdout.write(`${JSON.stringify({ error: { ...error, message: errorWords(error) } })}\n`);
  else process.stderr.write(`upright: ${errorWords(error)} (${error.code})\n`);
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode;
    }
    if (error instanceof UprightError) {
      printError(error.toPayload(), json);
      return 1;
    }
    printError({ code: 'INTERNAL', params: {} }, json);
    if (process.env.UPRIGHT_DEBUG && error instanceof Error) console.error(error.stack);
    return 1;
  }
}
