import { describeSelection } from '../annotate/anchor.ts';
import type { Handlers } from './registry.ts';

export const annotateHandlers = {
  'excerpt.create': ({ sourceId, start, end, note, codeIds }, { services }) => {
    const store = services.vault.store();
    const source = store.sources.detail(sourceId);
    // Anchored in main, from the stored text: the renderer only says which offsets were selected.
    const anchor = describeSelection(source.text, start, end, source.pages);
    return store.excerpts.add({
      sourceId,
      ...anchor,
      ...(note !== undefined ? { note } : {}),
      ...(codeIds ? { codeIds } : {}),
    });
  },
  'excerpt.update': ({ id, ...patch }, { services }) => services.vault.store().excerpts.update(id, patch),
  'excerpt.delete': ({ id }, { services }) => ({ deleted: services.vault.store().excerpts.remove(id) }),
  'excerpt.forSource': ({ sourceId }, { services }) => {
    const store = services.vault.store();
    store.sources.detail(sourceId);
    return store.excerpts.listForSource(sourceId);
  },
  'excerpt.list': (filter, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(filter.dossierId);
    return store.excerpts.list(filter);
  },
  'code.list': (_params, { services }) => services.vault.store().codes.list(),
  'code.create': (params, { services }) => services.vault.store().codes.create(params),
  'code.update': ({ id, ...patch }, { services }) => services.vault.store().codes.update(id, patch),
  'code.merge': ({ fromId, intoId }, { services }) => services.vault.store().codes.merge(fromId, intoId),
  'code.delete': ({ id, moveTo }, { services }) => {
    services.vault.store().codes.remove(id, moveTo);
    return { deleted: true };
  },
} satisfies Partial<Handlers>;
