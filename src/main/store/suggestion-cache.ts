// The suggestion cache: what the extractors found in a source, kept with the fingerprint of what it
// was computed from. A reader that finds a matching fingerprint lists and accepts from here; any
// other fingerprint (text read again, language or date corrected, rules changed) is a miss.
import { nowIso } from './ids.ts';
import { Repository } from './repository.ts';

export interface CachedSuggestions<T> {
  fingerprint: string;
  suggestions: T[];
  computedAt: string;
}

export class SuggestionCacheRepository extends Repository {
  /** The cached suggestions of a source when they were computed from this fingerprint, else null. */
  read<T>(sourceId: string, fingerprint: string): CachedSuggestions<T> | null {
    const row = this.sql
      .get('SELECT fingerprint, suggestions, computed_at FROM suggestion_cache WHERE source_id = ? AND fingerprint = ?')
      .get(sourceId, fingerprint) as { fingerprint: string; suggestions: string; computed_at: string } | undefined;
    if (!row) return null;
    return {
      fingerprint: row.fingerprint,
      suggestions: JSON.parse(row.suggestions) as T[],
      computedAt: row.computed_at,
    };
  }

  /** Stores a computation, replacing any older one; nothing is written for a source deleted meanwhile. */
  write(sourceId: string, fingerprint: string, suggestions: unknown[]): boolean {
    const changes = this.sql
      .get(
        `INSERT INTO suggestion_cache (source_id, fingerprint, suggestions, computed_at)
         SELECT id, ?, ?, ? FROM source WHERE id = ? AND deleted_at IS NULL
         ON CONFLICT (source_id) DO UPDATE SET fingerprint = excluded.fingerprint,
           suggestions = excluded.suggestions, computed_at = excluded.computed_at`,
      )
      .run(fingerprint, JSON.stringify(suggestions), nowIso(), sourceId).changes;
    return changes > 0;
  }

  invalidate(sourceId: string): void {
    this.sql.get('DELETE FROM suggestion_cache WHERE source_id = ?').run(sourceId);
  }
}
