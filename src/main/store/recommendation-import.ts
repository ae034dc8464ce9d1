// Importing recommendations (issue 14): which of a file's recommendations a dossier already holds,
// by import key (src/shared/recommendations.ts), with the response stored for each — for the preview's
// "new", "already there" and "response filled in". The import itself writes through
// RecommendationRepository.create and .update, one transaction for the whole file.
import type { RecommendationResponse } from '../../shared/recommendations.ts';
import { Repository } from './repository.ts';

export class RecommendationImportRepository extends Repository {
  /** The import keys among `keys` that the dossier already holds (live ones), with their stored response. */
  presentKeys(dossierId: string, keys: readonly string[]): Map<string, RecommendationResponse | null> {
    const present = new Map<string, RecommendationResponse | null>();
    const lookup = this.sql.get(
      'SELECT response FROM recommendation WHERE dossier_id = ? AND import_key = ? AND deleted_at IS NULL',
    );
    for (const key of new Set(keys)) {
      const row = lookup.get(dossierId, key) as { response: RecommendationResponse | null } | undefined;
      if (row) present.set(key, row.response);
    }
    return present;
  }
}
