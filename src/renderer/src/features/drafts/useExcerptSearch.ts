import { keepPreviousData } from '@tanstack/react-query';
import { useApi } from '../../api/queries.ts';
import { useDebounced } from '../../components/useDebounced.ts';

/**
 * The dossier's excerpts to cite, fetched after typing pauses: all of them in source order while
 * nothing is typed; then those whose quote, note or source title holds the words, quote matches first
 * (excerpt.search), so the first row — the one Enter cites — is the passage that says it. The rows of
 * the previous words stay while the next load; `settled` says the rows answer the words typed now.
 */
export function useExcerptSearch(dossierId: string, text: string) {
  const typed = text.trim();
  const query = useDebounced(typed, 200);
  const listed = useApi('excerpt.list', { dossierId }, { enabled: query === '' });
  const searched = useApi(
    'excerpt.search',
    { dossierId, text: query },
    { enabled: query !== '', placeholderData: keepPreviousData },
  );
  const found = query === '' ? listed : searched;
  return {
    excerpts: found.data ?? null,
    settled: query === typed && found.data !== undefined && !found.isPlaceholderData,
    error: found.error,
  };
}
