// `upright identity show`, `upright bundle export` and `upright bundle import`: carrying a dossier
// between colleagues' vaults from a script, over the same API as the app (identity.show,
// bundle.export, bundle.preview, bundle.import). A bundle's passphrase comes from
// UPRIGHT_BUNDLE_PASSPHRASE or a hidden prompt, never from the command line.
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { Services } from '../main/services.ts';
import { RESOLUTIONS, type Resolution } from '../shared/bundles.ts';
import { UprightError } from '../shared/errors.ts';
import type { CliRuntime } from './export.ts';
import { refuseToReplace } from './export.ts';
import { secretFrom } from './prompt.ts';

const BUNDLE_PASSPHRASE = 'UPRIGHT_BUNDLE_PASSPHRASE';

async function dossierIdOf(cli: CliRuntime, services: Services, wanted: string): Promise<string> {
  const dossiers = await cli.invoke(services, 'dossier.list', { includeArchived: true });
  const dossier = dossiers.find((d) => d.id === wanted || d.title === wanted);
  if (!dossier) throw new UprightError('DOSSIER_NOT_FOUND');
  return dossier.id;
}

export function addBundleCommands(program: Command, cli: CliRuntime): void {
  const identity = program.command('identity').description("this vault's public key, to give to colleagues");
  identity
    .command('show <vault>')
    .description('print the public key (age1…) colleagues encrypt bundles to')
    .action(async (vaultPath: string, _opts, command: Command) => {
      const shown = await cli.withServices(vaultPath, undefined, async (services) => {
        await cli.unlockFromEnvOrPrompt(services);
        return cli.invoke(services, 'identity.show', {});
      });
      cli.output(command, shown, () => shown.ageRecipient);
    });

  const bundle = program.command('bundle').description('carry a dossier to a colleague’s vault in an encrypted bundle');
  bundle
    .command('export <vault>')
    .description(
      'write a dossier as an age-encrypted bundle for colleagues’ public keys (--to) or a passphrase (UPRIGHT_BUNDLE_PASSPHRASE or a prompt)',
    )
    .requiredOption('--dossier <name>', 'dossier title or id')
    .option('--to <key...>', 'a colleague’s public key, age1… (repeatable)')
    .option('--passphrase', 'lock the bundle with a passphrase instead of keys')
    .option('--source <id...>', 'only these sources, with their excerpts (events and drafts stay home)')
    .option('--include-never-export', 'also carry excerpts marked "never export" (they leave this vault)')
    .option('--out <file>', 'file to write (an existing file is kept unless --force)')
    .option('--inbox', 'write it into the shared inbox folder instead (see `upright bundle inbox`)')
    .option('--force', 'replace the file if it exists')
    .action(
      async (
        vaultPath: string,
        opts: {
          dossier: string;
          to?: string[];
          passphrase?: boolean;
          includeNeverExport?: boolean;
          source?: string[];
          out?: string;
          inbox?: boolean;
          force?: boolean;
        },
        command: Command,
      ) => {
        if (!opts.passphrase && !opts.to?.length) throw new UprightError('BUNDLE_NO_RECIPIENT');
        if (!opts.out && !opts.inbox) throw new UprightError('INVALID_PARAMS', { fields: 'out' });
        const passphrase = opts.passphrase ? await secretFrom(BUNDLE_PASSPHRASE, 'Bundle passphrase: ') : undefined;
        const result = await cli.withServices(vaultPath, undefined, async (services) => {
          await cli.unlockFromEnvOrPrompt(services);
          const dossierId = await dossierIdOf(cli, services, opts.dossier);
          return refuseToReplace(() =>
            cli.invoke(services, 'bundle.export', {
              dossierId,
              ...(passphrase !== undefined ? { passphrase } : { to: opts.to ?? [] }),
              includeNeverExport: opts.includeNeverExport ?? false,
              ...(opts.source?.length ? { sourceIds: opts.source } : {}),
              ...(opts.inbox
                ? { toInbox: true }
                : { path: resolve(opts.out as string), overwrite: opts.force ?? false }),
            }),
          );
        });
        cli.output(command, result, () =>
          result.saved
            ? `Wrote a bundle of ${result.records} records and ${result.originals} originals to ${result.path}` +
              (result.tombstones ? `, with ${result.tombstones} deletions` : '') +
              (result.neverExportLeftOut
                ? ` (left out: ${result.neverExportLeftOut} excerpts marked "never export")`
                : '') +
              '.'
            : 'Nothing written.',
        );
      },
    );

  bundle
    .command('import <vault> <file>')
    .description('merge a bundle into the vault; --dry-run only shows what would change')
    .option('--dry-run', 'show what would be added, changed, deleted and in conflict; write nothing')
    .option('--from-inbox', '<file> is the name of a bundle in the shared inbox folder')
    .addOption(
      new Option('--resolve <choice>', 'for records changed on both sides: keep mine, theirs or both').choices(
        RESOLUTIONS,
      ),
    )
    .action(
      async (
        vaultPath: string,
        file: string,
        opts: { dryRun?: boolean; resolve?: Resolution; fromInbox?: boolean },
        command: Command,
      ) => {
        const outcome = await cli.withServices(vaultPath, undefined, async (services) => {
          await cli.unlockFromEnvOrPrompt(services);
          let seen = await cli.invoke(
            services,
            'bundle.preview',
            opts.fromInbox ? { inboxName: file } : { path: resolve(file) },
          );
          if (seen.state === 'passphrase') {
            const passphrase = await secretFrom(BUNDLE_PASSPHRASE, 'Bundle passphrase: ');
            seen = await cli.invoke(services, 'bundle.preview', { token: seen.token, passphrase });
          }
          if (seen.state !== 'ready') throw new UprightError('CANCELLED');
          if (opts.dryRun) return { preview: seen, merged: null };
          const resolutions: Record<string, Resolution> = {};
          if (opts.resolve) for (const c of seen.conflicts) resolutions[c.key] = opts.resolve;
          const merged = await cli.invoke(services, 'bundle.import', { token: seen.token, resolutions });
          return { preview: seen, merged };
        });
        const { preview, merged } = outcome;
        const { token: _token, ...shown } = preview;
        cli.output(command, { preview: shown, merged }, () => {
          const c = preview.counts;
          const lines = [
            `Bundle from ${preview.sender.name || 'an unnamed sender'} (${preview.sender.ageRecipient}${preview.sender.verified ? ', signature known' : ''}), dossier “${preview.dossier.title}”.`,
            `  ${c.added} to add, ${c.changed} changed, ${c.tombstoned} deleted, ${c.conflicts} in conflict, ${c.unchanged} unchanged.`,
            ...preview.conflicts.map(
              (x) =>
                `  conflict ${x.key}: ${x.label}${x.differences.length ? ` (${x.differences.map((d) => d.field).join(', ')})` : ''}`,
            ),
          ];
          if (merged) {
            lines.push(
              `Merged: ${merged.added} added, ${merged.changed} changed, ${merged.tombstoned} deleted, ${merged.keptMine} kept as they were, ${merged.keptBoth} kept both.`,
            );
          } else lines.push('Dry run: nothing written.');
          return lines.join('\n');
        });
      },
    );

  bundle
    .command('inbox <vault>')
    .description('list the bundles for this vault in the shared inbox folder (--folder chooses the folder first)')
    .option('--folder <path>', 'use this folder as the shared inbox from now on')
    .action(async (vaultPath: string, opts: { folder?: string }, command: Command) => {
      const listed = await cli.withServices(vaultPath, undefined, async (services) => {
        await cli.unlockFromEnvOrPrompt(services);
        if (opts.folder) await cli.invoke(services, 'inbox.choose', { path: resolve(opts.folder) });
        return cli.invoke(services, 'inbox.list', {});
      });
      cli.output(command, listed, () =>
        listed.folder === null
          ? 'No shared inbox folder is chosen (use --folder).'
          : [
              `${listed.bundles.length} bundle(s) for this vault in ${listed.folder}:`,
              ...listed.bundles.map(
                (b) =>
                  `  ${b.name}  ${b.modifiedAt}  ${b.size} bytes${b.locked === 'passphrase' ? '  (passphrase)' : ''}`,
              ),
              listed.bundles.length ? 'Import one with: upright bundle import <vault> <name> --from-inbox' : '',
            ]
              .filter(Boolean)
              .join('\n'),
      );
    });
}
