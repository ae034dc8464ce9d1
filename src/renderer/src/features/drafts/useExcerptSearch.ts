import { useEffect, useState } from 'react';
import type { ExcerptListItem } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';

/** The dossier's excerpts whose quote or note contains `text`, fetched after typing pauses. */
export function useExcerptSearch(dossierId: string, text: string) {
  const [excerpts, setExcerpts] = useState<ExcerptListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const query = text.trim();
    const timer = setTimeout(
      () => {
        invoke('excerpt.list', { dossierId, ...(query ? { text: query } : {}) })
          .then((found) => {
            if (!current) return;
            setExcerpts(found);
            setError(null);
          })
          .catch((e: Error) => current && setError(e.message));
      },
      query ? 200 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [dossierId, text]);
  return { excerpts, error };
}
