// Importing recommendations from a CSV file or pasted report text (issue 14): the preview writes
// nothing; the import writes every good row in one transaction or none, and a file with a problem
// that makes it unreliable (an unclosed quote, a row with extra cells) writes nothing at all.
import { UprightError } from '../../shared/errors.ts';
import { type RecommendationResponse, recommendationImportKey } from '../../shared/recommendations.ts';
import { readImport } from '../recommendations/read.ts';
import type { Handlers } from './registry.ts';

/**
 * Whether an import gives a recommendation already in the dossier the State's answer it lacked: the
 * report said "will be examined", the State's later position (the UN's thematic list, the addendum)
 * says supported or noted. A response already given is never changed by an import.
 */
function answers(stored: RecommendationResponse | null, imported: RecommendationResponse | null): boolean {
  return (stored === null || stored === 'no_response') && imported !== null && imported !== 'no_response';
}

export const recommendationImportHandlers = {
  'recommendation.importPreview': ({ dossierId, source }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    const reading = readImport(source);
    const present = store.recommendationImport.presentKeys(
      dossierId,
      reading.rows.map((row) => recommendationImportKey(row.fields)),
    );
    const seen = new Set<string>();
    let answered = 0;
    const rows = reading.rows.map((row) => {
      const key = recommendationImportKey(row.fields);
      const isPresent = present.has(key) || seen.has(key);
      if (present.has(key) && !seen.has(key) && answers(present.get(key) ?? null, row.fields.response)) answered++;
      seen.add(key);
      return { ...row, present: isPresent };
    });
    const skipped = reading.problems.filter((p) => p.severity === 'row').length;
    return {
      kind: reading.kind,
      encoding: reading.encoding,
      delimiter: reading.delimiter,
      mapping: reading.mapping,
      sections: reading.sections,
      documentSymbol: reading.documentSymbol,
      rows,
      problems: reading.problems,
      counts: {
        read: reading.read,
        new: rows.filter((row) => !row.present).length,
        present: rows.filter((row) => row.present).length,
        answered,
        skipped,
      },
      importable: reading.importable,
    };
  },
  'recommendation.import': ({ dossierId, source }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    const reading = readImport(source);
    const fatal = reading.problems.find((p) => p.severity === 'fatal');
    if (fatal) throw new UprightError('RECOMMENDATION_IMPORT_UNRELIABLE', { line: fatal.line, problem: fatal.code });
    // One transaction: every new recommendation is written and every missing answer filled in, or —
    // on any failure — nothing.
    let answered = 0;
    const outcomes = store.transaction(() =>
      reading.rows.map((row) => {
        const outcome = store.recommendations.create(dossierId, row.fields, { imported: true });
        if (!outcome.created && answers(outcome.recommendation.response, row.fields.response)) {
          store.recommendations.update(outcome.recommendation.id, { response: row.fields.response });
          answered++;
        }
        return outcome;
      }),
    );
    const added = outcomes.filter((o) => o.created).map((o) => o.recommendation.id);
    return {
      added: added.length,
      present: outcomes.length - added.length,
      answered,
      skipped: reading.problems.filter((p) => p.severity === 'row').length,
      problems: reading.problems,
      ids: added,
    };
  },
} satisfies Partial<Handlers>;
