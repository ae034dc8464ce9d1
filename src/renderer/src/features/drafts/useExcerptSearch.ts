import { keepPreviousData } from '@tanstack/react-query';
import { useApi } from '../../api/queries.ts';
import { useDebounced } from '../../components/useDebounced.ts';

/**
 * The dossier's excerpts whose quote or note contains `text`, fetched after typing pauses. The rows
 * of the previous words stay while the next load, as they did before the cache.
 */
export function useExcerptSearch(dossierId: string, text: string) {
  const query = useDebounced(text.trim(), 200);
  const found = useApi(
    'excerpt.list',
    { dossierId, ...(query ? { text: query } : {}) },
    { placeholderData: keepPreviousData },
  );
  return { excerpts: found.data ?? null, error: found.error };
}
