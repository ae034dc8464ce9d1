// Importing recommendations (issue 14): which of a file's recommendations a dossier already holds
// (by import key, src/shared/recommendations.ts), and writing the new ones in one transaction at the
// end of the dossier's list. Importing the same file twice adds nothing. The audit log gets one entry
// per import with the dossier's id and how many were added — never the words.
import { UprightError } from '../../shared/errors.ts';
import { type RecommendationFields, recommendationImportKey } from '../../shared/recommendations.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

/** Trimmed, no blanks, no repeats (in the order given). */
function tidyList(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

const blankOrTrim = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

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

  /**
   * Adds the recommendations the dossier does not hold yet, in the order given, after its last one:
   * all of them or — on any failure — none. A recommendation given twice is added once.
   */
  addImported(dossierId: string, list: readonly RecommendationFields[]): { added: string[]; present: number } {
    return this.db.transaction(() => {
      const live = this.sql.get('SELECT 1 FROM dossier WHERE id = ? AND deleted_at IS NULL').pluck().get(dossierId);
      if (!live) throw new UprightError('DOSSIER_NOT_FOUND');
      const keys = list.map((fields) => recommendationImportKey(fields));
      const present = this.presentKeys(dossierId, keys);
      let position = Number(
        this.sql.get('SELECT max(position) FROM recommendation WHERE dossier_id = ?').pluck().get(dossierId) ?? 0,
      );
      const insert = this.sql.get(
        `INSERT INTO recommendation (id, dossier_id, mechanism, text, recommending_states, cycle, session,
           document_symbol, paragraph, response, themes, ilo_body, ilo_year, ilo_convention, import_key, position,
           created_at, updated_at)
         VALUES (@id, @dossierId, @mechanism, @text, @states, @cycle, @session, @symbol, @paragraph, @response,
           @themes, @iloBody, @iloYear, @iloConvention, @importKey, @position, @now, @now)`,
      );
      const now = nowIso();
      const added: string[] = [];
      let alreadyThere = 0;
      list.forEach((fields, i) => {
        const importKey = keys[i] as string;
        if (present.has(importKey)) {
          alreadyThere++;
          return;
        }
        present.add(importKey);
        const id = uuidv7();
        position++;
        insert.run({
          id,
          dossierId,
          mechanism: fields.mechanism,
          text: fields.text.trim(),
          states: JSON.stringify(tidyList(fields.recommendingStates)),
          cycle: fields.cycle,
          session: blankOrTrim(fields.session),
          symbol: blankOrTrim(fields.documentSymbol),
          paragraph: blankOrTrim(fields.paragraph),
          response: fields.response,
          themes: JSON.stringify(tidyList(fields.themes)),
          iloBody: fields.iloBody,
          iloYear: fields.iloYear,
          iloConvention: blankOrTrim(fields.iloConvention),
          importKey,
          position,
          now,
        });
        added.push(id);
      });
      if (added.length > 0) {
        this.audit.append({
          action: 'recommendation.import',
          entityType: 'dossier',
          entityId: dossierId,
          summary: `${added.length} recommendations imported`,
        });
      }
      return { added, present: alreadyThere };
    })();
  }
}
