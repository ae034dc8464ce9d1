import { acceptSuggestion, suggestionsFor } from '../annotate/suggestions.ts';
import type { Handlers } from './registry.ts';

export const suggestionHandlers = {
  'suggestion.list': ({ sourceId }, { services }) => suggestionsFor(services.vault.store(), sourceId),
  'suggestion.accept': ({ sourceId, key }, { services }) => acceptSuggestion(services.vault.store(), sourceId, key),
  'suggestion.dismiss': ({ sourceId, key }, { services }) => {
    const store = services.vault.store();
    store.sources.detail(sourceId);
    store.sources.dismissSuggestion(sourceId, key);
    return { dismissed: true as const };
  },
} satisfies Partial<Handlers>;
