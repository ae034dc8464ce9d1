// What a source's cached suggestions depend on, and the cache write that checks it: apart from
// suggestions.ts (the review, which needs the API's shapes) so that the vault worker, which writes
// the cache while an import runs, loads only this.
import { createHash } from 'node:crypto';
import packageJson from '../../../package.json' with { type: 'json' };
import type { SourceDetail, Store } from '../store/index.ts';
import type { ExtractionInput } from './suggestion-thread.ts';

/**
 * Part of every cache fingerprint besides the app's version: bump it when the extraction rules
 * change within one version (during development), so cached suggestions are computed afresh.
 */
export const SUGGESTION_RULES_VERSION = '2026-12-05.2';

/** What a source's suggestions are computed from (SourceDetail has all of it). */
export type SourceForSuggestions = Pick<SourceDetail, 'id' | 'text' | 'language' | 'date'>;

export function extractionInput(source: SourceForSuggestions): ExtractionInput {
  const referenceDate = source.date ? `${source.date.padEnd(10, '-01').slice(0, 10)}T00:00:00Z` : undefined;
  return {
    text: source.text,
    ...(source.language ? { language: source.language } : {}),
    ...(referenceDate && !Number.isNaN(new Date(referenceDate).getTime()) ? { referenceDate } : {}),
  };
}

/** Everything the suggestions depend on, hashed: a cache computed from anything else is stale. */
export function fingerprintOf(source: SourceForSuggestions): string {
  const input = extractionInput(source);
  return createHash('sha256')
    .update(`${packageJson.version}\u0000${SUGGESTION_RULES_VERSION}\u0000`)
    .update(`${input.language ?? ''}\u0000${input.referenceDate ?? ''}\u0000`)
    .update(input.text)
    .digest('hex');
}

/**
 * Caches what the extractors found, in one transaction, only if the source still has the text (and
 * language and date) they were computed from; false when it changed or is gone. Run by the
 * suggestion queue on the main connection, or in an import batch's vault worker while one is open.
 */
export function cacheSuggestions(store: Store, sourceId: string, fingerprint: string, found: unknown[]): boolean {
  return store.transaction(() => {
    const now = store.sources.textForSuggestions(sourceId);
    return now !== null && fingerprintOf(now) === fingerprint && store.suggestions.write(sourceId, fingerprint, found);
  });
}
