// Links between excerpts and the Claims view.
import { claimsOf } from '../annotate/claims.ts';
import type { Handlers } from './registry.ts';

export const linkHandlers = {
  'excerpt.link': (params, { services }) => services.vault.store().links.create(params),
  'excerpt.links': ({ excerptId }, { services }) => {
    const store = services.vault.store();
    store.excerpts.require(excerptId);
    return store.links.forExcerpt(excerptId);
  },
  'excerpt.unlink': ({ id }, { services }) => {
    const store = services.vault.store();
    store.links.require(id);
    store.links.remove(id);
    return { deleted: true as const };
  },
  'excerpt.claims': (filter, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(filter.dossierId);
    return claimsOf(store, filter);
  },
} satisfies Partial<Handlers>;
