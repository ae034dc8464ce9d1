// Importing recommendations (issue 14): which of a file's recommendations a dossier already holds,
// by import key (src/shared/recommendations.ts), for the preview's "new" and "already there". The
// import itself writes through RecommendationRepository.create, one transaction for the whole file.
import { Repository } from './repository.ts';

export class RecommendationImportRepository extends Repository {
  /** The import keys among `keys` that the dossier already holds (live recommendations only). */
  presentKeys(dossierId: string, keys: readonly string[]): Set<string> {
    const present = new Set<string>();
    const lookup = this.sql.get(
      'SELECT 1 FROM recommendation WHERE dossier_id = ? AND import_key = ? AND deleted_at IS NULL',
    );
    for (const key of new Set(keys)) if (lookup.pluck().get(dossierId, key)) present.add(key);
    return present;
  }
}
