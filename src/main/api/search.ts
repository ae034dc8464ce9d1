// Search across the vault (issue 12): ranked hits by kind with snippets, and saved searches.
import type { Handlers } from './registry.ts';

export const searchHandlers = {
  'search.query': ({ query, filters, limit, cursor }, { services }) => {
    const store = services.vault.store();
    if (filters?.dossierId) store.dossiers.require(filters.dossierId);
    return store.search.query({ query, filters, limit, cursor });
  },
  'search.saved.list': ({ dossierId }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    return store.search.savedList(dossierId);
  },
  'search.saved.create': ({ dossierId, name, query, filters }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    return store.search.saveSearch({ dossierId, name, query, filters });
  },
  'search.saved.delete': ({ id }, { services }) => ({ deleted: services.vault.store().search.deleteSaved(id) }),
} satisfies Partial<Handlers>;
