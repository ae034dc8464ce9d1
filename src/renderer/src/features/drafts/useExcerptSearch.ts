import type { ExcerptListItem, ExcerptSearchHit } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { useAsync } from '../../components/useAsync.ts';
import { useDebounced } from '../../components/useDebounced.ts';

/**
 * The dossier's excerpts to cite, fetched after typing pauses: all of them in source order while
 * nothing is typed; then those whose quote, note or source title holds the words, quote matches first
 * (excerpt.search), so the first row — the one Enter cites — is the passage that says it.
 * `settled` says the rows answer the words typed now, not words typed a moment ago.
 */
export function useExcerptSearch(dossierId: string, text: string) {
  const typed = text.trim();
  const query = useDebounced(typed, 200);
  const found = useAsync<{ query: string; items: (ExcerptListItem | ExcerptSearchHit)[] }>(
    async () => ({
      query,
      items: query
        ? await invoke('excerpt.search', { dossierId, text: query })
        : await invoke('excerpt.list', { dossierId }),
    }),
    [dossierId, query],
  );
  return {
    excerpts: found.data?.items ?? null,
    settled: found.data?.query === typed,
    error: found.error,
  };
}
