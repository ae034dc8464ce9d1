import { useApiPages } from '../../api/queries.ts';
import { useDebounced } from '../../components/useDebounced.ts';

/**
 * The dossier's excerpts to cite, fetched after typing pauses, a page at a time: all of them in source
 * order while nothing is typed; then those whose quote, note or source title holds the words, quote
 * matches first (excerpt.search), so the first row — the one Enter cites — is the passage that says it.
 * The rows of the previous words stay while the next load; `settled` says the rows answer the words
 * typed now; `loadMore` asks for the next page when the list is scrolled to its end.
 */
export function useExcerptSearch(dossierId: string, text: string) {
  const typed = text.trim();
  const query = useDebounced(typed, 200);
  const listed = useApiPages('excerpt.list', { dossierId }, { enabled: query === '', pageSize: 50 });
  const searched = useApiPages('excerpt.search', { dossierId, text: query }, { enabled: query !== '', pageSize: 50 });
  const found = query === '' ? listed : searched;
  return {
    excerpts: found.items ?? null,
    settled: query === typed && found.items !== undefined && !found.isPlaceholderData,
    error: found.error,
    hasMore: found.hasNextPage,
    loadingMore: found.isFetchingNextPage,
    loadMore: found.fetchNextPage,
  };
}
