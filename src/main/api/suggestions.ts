import {
  acceptSuggestions,
  dismissSuggestions,
  groupSuggestions,
  reviewable,
  toSuggestion,
} from '../annotate/suggestions.ts';
import type { Handlers } from './registry.ts';

export const suggestionHandlers = {
  'suggestion.review': ({ sourceId, retry }, { services }) => {
    const store = services.vault.store();
    const source = store.sources.detail(sourceId);
    const found = reviewable(store, source);
    if (found) return { status: 'ready' as const, reason: null, groups: groupSuggestions(store, source, found) };
    const state = services.suggestions.request(store, source, { retry: retry ?? false });
    return state.status === 'failed'
      ? { status: 'failed' as const, reason: state.reason, groups: [] }
      : { status: 'computing' as const, reason: null, groups: [] };
  },
  'suggestion.list': async ({ sourceId }, { services }) => {
    const store = services.vault.store();
    for (let attempt = 0; attempt < 3; attempt++) {
      const source = store.sources.detail(sourceId);
      const found = reviewable(store, source);
      if (found) return found.map((s) => toSuggestion(source, s));
      const state = services.suggestions.request(store, source);
      if (state.status === 'failed') return [];
      await state.done;
    }
    return [];
  },
  'suggestion.accept': ({ sourceId, keys, markExcerpts }, { services }) =>
    acceptSuggestions(services.vault.store(), sourceId, keys, { markExcerpts: markExcerpts ?? false }),
  'suggestion.dismiss': ({ sourceId, keys, groups }, { services }) => ({
    dismissed: dismissSuggestions(services.vault.store(), sourceId, { keys: keys ?? [], groups: groups ?? [] }),
  }),
} satisfies Partial<Handlers>;
