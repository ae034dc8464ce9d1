import { invoke } from '../../api/client.ts';
import { useAsync } from '../../components/useAsync.ts';
import { useDebounced } from '../../components/useDebounced.ts';

/** The dossier's excerpts whose quote or note contains `text`, fetched after typing pauses. */
export function useExcerptSearch(dossierId: string, text: string) {
  const query = useDebounced(text.trim(), 200);
  const found = useAsync(
    () => invoke('excerpt.list', { dossierId, ...(query ? { text: query } : {}) }),
    [dossierId, query],
  );
  return { excerpts: found.data, error: found.error };
}
