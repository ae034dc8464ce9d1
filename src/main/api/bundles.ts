// Identity, colleagues and bundles (issue 15). Bundles are made and opened in memory; only the
// encrypted file is written (0600, through the save dialog) or read.
import { readFile, stat } from 'node:fs/promises';
import { AGE_RECIPIENT } from '../../shared/bundles.ts';
import { UprightError } from '../../shared/errors.ts';
import { exportBundle, merge, openBundle } from '../bundles/exchange.ts';
import { identityOf } from '../bundles/keys.ts';
import { hold, release, take } from '../bundles/pending.ts';
import { previewOf } from '../bundles/preview.ts';
import type { Context, Handlers } from './registry.ts';
import { chooseExportPath, writeExport } from './save-path.ts';

/** Bundles larger than this are refused before reading (originals travel inside; 2 GiB). */
const MAX_BUNDLE_BYTES = 2 * 1024 * 1024 * 1024;

/** "Kazakhstan 2026" → "Kazakhstan-2026.upright.age": a file name from the dossier's title. */
function bundleFileName(title: string): string {
  const stem = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/ /g, '-')
    .slice(0, 60);
  return `${stem || 'dossier'}.upright.age`;
}

async function choosePath(ctx: Context, path: string | undefined): Promise<string | null> {
  if (path !== undefined) {
    if (ctx.transport !== 'cli' && ctx.transport !== 'test') throw new UprightError('SAVE_PATH_FROM_DIALOG');
    return path;
  }
  return (await ctx.services.dialogs.chooseBundleFile?.()) ?? null;
}

async function readBundle(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.size > MAX_BUNDLE_BYTES) throw new UprightError('FILE_TOO_LARGE');
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof UprightError) throw error;
    throw new UprightError('FILE_UNREADABLE');
  }
}

export const bundleHandlers = {
  'identity.show': async (_params, { services }) => {
    const keys = await identityOf(services.vault.store());
    return { ageRecipient: keys.ageRecipient, signingKey: keys.signingPublic };
  },
  'colleague.list': (_params, { services }) => services.vault.store().identity.colleagues(),
  'colleague.add': async ({ name, ageRecipient }, { services }) => {
    const store = services.vault.store();
    const key = ageRecipient.replace(/\s+/g, '').toLowerCase();
    if (!AGE_RECIPIENT.test(key)) throw new UprightError('AGE_KEY_INVALID');
    await identityOf(store);
    return store.identity.addColleague({ name, ageRecipient: key });
  },
  'colleague.rename': ({ id, name }, { services }) => services.vault.store().identity.renameColleague(id, name),
  'colleague.remove': ({ id }, { services }) => {
    services.vault.store().identity.removeColleague(id);
    return { deleted: true as const };
  },
  'bundle.export': async ({ dossierId, to = [], passphrase, includeNeverExport = false, path, overwrite }, ctx) => {
    const store = ctx.services.vault.store();
    const dossier = store.dossiers.require(dossierId);
    if (passphrase === undefined && to.length === 0) throw new UprightError('BUNDLE_NO_RECIPIENT');
    const target = await chooseExportPath(ctx, path, bundleFileName(dossier.title), {
      name: 'Upright bundle',
      extensions: ['age'],
    });
    if (!target) return { saved: false as const };
    const bundle = await exportBundle(store, {
      dossierId,
      recipients: passphrase === undefined ? to : [],
      ...(passphrase !== undefined ? { passphrase } : {}),
      includeNeverExport,
    });
    await writeExport(target, bundle.bytes, path === undefined || (overwrite ?? false));
    bundle.commit();
    const all = store.bundles.select({ dossierId, includeNeverExport: true });
    const sent = new Set(bundle.manifest.records.map((r) => `${r.kind}:${r.id}`));
    return {
      saved: true as const,
      path: target,
      bundleId: bundle.manifest.bundleId,
      records: bundle.manifest.records.length,
      originals: bundle.manifest.originals.length,
      tombstones: bundle.manifest.tombstones.length,
      neverExportLeftOut: all.filter((r) => r.kind === 'excerpt' && !sent.has(`excerpt:${r.id}`)).length,
    };
  },
  'bundle.preview': async ({ path, token, passphrase }, ctx) => {
    const { services } = ctx;
    const store = services.vault.store();
    let bytes: Uint8Array;
    if (token !== undefined) {
      const pending = take(services, token);
      if (pending.state === 'open') return previewOf(store, pending.opened, token);
      bytes = pending.bytes;
    } else {
      const chosen = await choosePath(ctx, path);
      if (!chosen) return { state: 'cancelled' as const };
      bytes = await readBundle(chosen);
    }
    try {
      const opened = await openBundle(store, bytes, passphrase);
      const key = hold(services, { state: 'open', opened }, token);
      return previewOf(store, opened, key);
    } catch (error) {
      if (error instanceof UprightError && error.code === 'BUNDLE_PASSPHRASE_NEEDED') {
        return { state: 'passphrase' as const, token: hold(services, { state: 'locked', bytes }, token) };
      }
      throw error;
    }
  },
  'bundle.import': ({ token, resolutions = {} }, { services }) => {
    const pending = take(services, token);
    if (pending.state !== 'open') throw new UprightError('BUNDLE_PASSPHRASE_NEEDED');
    const outcome = merge(services.vault.store(), pending.opened, resolutions);
    release(services, token);
    return outcome;
  },
} satisfies Partial<Handlers>;
