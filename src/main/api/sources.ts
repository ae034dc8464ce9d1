import { readFile } from 'node:fs/promises';
import { UprightError } from '../../shared/errors.ts';
import { renormaliseSource } from '../annotate/renormalise.ts';
import { collectFiles } from '../import/files.ts';
import { importBatch, type PendingFile } from '../import/pipeline.ts';
import type { Store } from '../store/index.ts';
import type { Context, Handlers } from './registry.ts';

async function runImport(ctx: Context, taskId: string, dossierId: string, files: PendingFile[]) {
  const { services } = ctx;
  services.vault.store(); // VAULT_LOCKED before any work
  const signal = services.imports.start(taskId);
  try {
    const results = await importBatch({
      taskId,
      dossierId,
      files,
      vault: services.vault,
      signal,
      onProgress: (progress) => {
        services.events.emit('import.progress', progress);
        // Each stored source's suggestions are found in the background, ready when it is opened.
        if (progress.outcome?.status === 'imported' && progress.outcome.sourceId)
          services.suggestions.enqueue(services.vault.store(), progress.outcome.sourceId);
      },
    });
    return { results };
  } finally {
    services.imports.finish(taskId);
  }
}

function renditionsOf(store: Store, id: string) {
  return { linked: store.sources.renditions(id), sameText: store.sources.sameText(id) };
}

export const sourceHandlers = {
  'source.list': ({ dossierId, limit, cursor }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    return store.sources.page(dossierId, limit, cursor);
  },
  'source.get': ({ id }, { services }) => services.vault.store().sources.detail(id),
  'source.update': ({ id, ...patch }, { services }) => services.vault.store().sources.update(id, patch),
  'source.original': ({ id }, { services }) => {
    const original = services.vault.store().sources.originalFile(id);
    if (!original) throw new UprightError('SOURCE_NO_ORIGINAL');
    return { fileName: original.fileName, mediaType: original.mediaType, data: original.bytes.toString('base64') };
  },
  'source.delete': ({ id }, { services }) => ({ deleted: services.vault.store().sources.remove(id) }),
  'source.renormalise': async ({ id }, { services }) => {
    const store = services.vault.store();
    const result = await renormaliseSource(store, id);
    services.suggestions.enqueue(store, id);
    return result;
  },
  'source.renditions': ({ id }, { services }) => renditionsOf(services.vault.store(), id),
  'source.linkRendition': ({ id, otherId }, { services }) => {
    const store = services.vault.store();
    store.sources.linkRenditions(id, otherId);
    return renditionsOf(store, id);
  },
  'source.unlinkRendition': ({ id }, { services }) => {
    const store = services.vault.store();
    store.sources.unlinkRendition(id);
    return renditionsOf(store, id);
  },
  'import.files': (params, ctx) =>
    runImport(
      ctx,
      params.taskId,
      params.dossierId,
      // Each file is decoded when its turn comes, not the whole batch at once on the main process.
      params.files.map((file) => ({
        name: file.name,
        size: Buffer.byteLength(file.data, 'base64'),
        ...(file.modifiedAt !== undefined ? { modifiedAt: file.modifiedAt } : {}),
        read: async () => Buffer.from(file.data, 'base64'),
      })),
    ),
  'import.pick': async ({ taskId, dossierId, what }, ctx) => {
    ctx.services.vault.store().dossiers.require(dossierId);
    const paths = await ctx.services.dialogs.chooseImportPaths(what);
    if (paths.length === 0) return { results: [] };
    const files = await collectFiles(paths);
    return runImport(
      ctx,
      taskId,
      dossierId,
      files.map((f) => ({
        name: f.name,
        size: f.size,
        modifiedAt: f.modifiedAt,
        read: async () => new Uint8Array(await readFile(f.path)),
      })),
    );
  },
  'import.cancel': ({ taskId }, { services }) => ({ cancelled: services.imports.cancel(taskId) }),
} satisfies Partial<Handlers>;
