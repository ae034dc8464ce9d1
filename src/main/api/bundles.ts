// Identity, colleagues and bundles (issue 15). Bundles are made and opened in memory; only the
// encrypted file is written (0600, through the save dialog) or read.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { AGE_RECIPIENT } from '../../shared/bundles.ts';
import { UprightError } from '../../shared/errors.ts';
import { exportBundle, merge, openBundle } from '../bundles/exchange.ts';
import { INBOX_NAME, inboxName, listInbox } from '../bundles/inbox.ts';
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
    const store = services.vault.store();
    const keys = await identityOf(store);
    return { ageRecipient: keys.ageRecipient, signingKey: keys.signingPublic, name: store.identity.ownName() };
  },
  'identity.rename': async ({ name }, { services }) => {
    const store = services.vault.store();
    const keys = await identityOf(store);
    if (name !== store.identity.ownName()) store.identity.setOwnName(name);
    return { ageRecipient: keys.ageRecipient, signingKey: keys.signingPublic, name: store.identity.ownName() };
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
  'bundle.export': async (
    { dossierId, to = [], passphrase, includeNeverExport = false, sourceIds, path, overwrite, toInbox = false },
    ctx,
  ) => {
    const store = ctx.services.vault.store();
    const dossier = store.dossiers.require(dossierId);
    if (passphrase === undefined && to.length === 0) throw new UprightError('BUNDLE_NO_RECIPIENT');
    const inbox = toInbox ? store.identity.inboxFolder() : null;
    if (toInbox && !inbox) throw new UprightError('INBOX_NOT_CHOSEN');
    const target = inbox
      ? null
      : await chooseExportPath(ctx, path, bundleFileName(dossier.title), {
          name: 'Upright bundle',
          extensions: ['age'],
        });
    if (!inbox && !target) return { saved: false as const };
    const bundle = await exportBundle(store, {
      dossierId,
      recipients: passphrase === undefined ? to : [],
      ...(passphrase !== undefined ? { passphrase } : {}),
      includeNeverExport,
      ...(sourceIds ? { sourceIds } : {}),
      senderName: store.identity.ownName(),
    });
    const written = inbox ? join(inbox, inboxName(bundle.bytes)) : (target as string);
    // A content-addressed name already there holds these very bytes: writing it again is a no-op.
    await writeExport(written, bundle.bytes, inbox !== null || path === undefined || (overwrite ?? false));
    bundle.commit();
    const all = store.bundles.select({ dossierId, includeNeverExport: true, ...(sourceIds ? { sourceIds } : {}) });
    const sent = new Set(bundle.manifest.records.map((r) => `${r.kind}:${r.id}`));
    return {
      saved: true as const,
      path: written,
      bundleId: bundle.manifest.bundleId,
      records: bundle.manifest.records.length,
      originals: bundle.manifest.originals.length,
      tombstones: bundle.manifest.tombstones.length,
      neverExportLeftOut: all.filter((r) => r.kind === 'excerpt' && !sent.has(`excerpt:${r.id}`)).length,
    };
  },
  'bundle.preview': async ({ path, inboxName: fromInbox, token, passphrase }, ctx) => {
    const { services } = ctx;
    const store = services.vault.store();
    let bytes: Uint8Array;
    let name = fromInbox ?? null;
    if (token !== undefined) {
      const pending = take(services, token);
      if (pending.state === 'open') return previewOf(store, pending.opened, token);
      bytes = pending.bytes;
      name = pending.inboxName;
    } else if (fromInbox !== undefined) {
      const folder = store.identity.inboxFolder();
      if (!folder || !INBOX_NAME.test(fromInbox)) throw new UprightError('INBOX_NOT_CHOSEN');
      bytes = await readBundle(join(folder, fromInbox));
    } else {
      const chosen = await choosePath(ctx, path);
      if (!chosen) return { state: 'cancelled' as const };
      bytes = await readBundle(chosen);
    }
    try {
      const opened = await openBundle(store, bytes, passphrase);
      const key = hold(services, { state: 'open', opened, inboxName: name }, token);
      return previewOf(store, opened, key);
    } catch (error) {
      if (error instanceof UprightError && error.code === 'BUNDLE_PASSPHRASE_NEEDED') {
        return {
          state: 'passphrase' as const,
          token: hold(services, { state: 'locked', bytes, inboxName: name }, token),
        };
      }
      throw error;
    }
  },
  'bundle.import': ({ token, resolutions = {} }, { services }) => {
    const pending = take(services, token);
    if (pending.state !== 'open') throw new UprightError('BUNDLE_PASSPHRASE_NEEDED');
    const store = services.vault.store();
    const outcome = merge(store, pending.opened, resolutions);
    if (pending.inboxName) store.identity.markInboxSeen(pending.inboxName);
    release(services, token);
    return outcome;
  },
  'inbox.get': (_params, { services }) => ({ folder: services.vault.store().identity.inboxFolder() }),
  'inbox.choose': async ({ path, forget }, ctx) => {
    const store = ctx.services.vault.store();
    if (forget) {
      store.identity.setInboxFolder(null);
      return { folder: null };
    }
    let folder: string | null;
    if (path !== undefined) {
      if (ctx.transport !== 'cli' && ctx.transport !== 'test') throw new UprightError('SAVE_PATH_FROM_DIALOG');
      folder = path;
    } else folder = (await ctx.services.dialogs.chooseInboxFolder?.()) ?? null;
    if (!folder) return { folder: store.identity.inboxFolder() };
    if (!isAbsolute(folder)) throw new UprightError('INBOX_NOT_CHOSEN');
    await mkdir(folder, { recursive: true, mode: 0o700 }).catch(() => {
      throw new UprightError('INBOX_UNREADABLE');
    });
    store.identity.setInboxFolder(folder);
    return { folder };
  },
  'inbox.list': async (_params, { services }) => {
    const store = services.vault.store();
    const folder = store.identity.inboxFolder();
    if (!folder) return { folder: null, bundles: [] };
    const keys = await identityOf(store);
    return { folder, bundles: await listInbox(folder, keys.ageSecret, store.identity.inboxSeen()) };
  },
} satisfies Partial<Handlers>;
