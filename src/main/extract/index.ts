// Offline suggestion extractors: pure functions that propose annotations in a source's normalised
// text — dates, legal references, persons, organisations and amounts — for the person to accept
// with one click in the reader. Nothing here is applied automatically, and nothing leaves the
// machine: no models, no network, only rules a lawyer can read and we can test.
import { findAmounts } from './amounts.ts';
import { findDates } from './dates.ts';
import { findLegalReferences } from './legal.ts';
import { findOrganisations } from './organisations.ts';
import { findPersons } from './persons.ts';
import type { Suggestion, SuggestOptions } from './types.ts';

export { findAmounts } from './amounts.ts';
export { findDates } from './dates.ts';
export { findLegalReferences } from './legal.ts';
export { findOrganisations } from './organisations.ts';
export { findPersons } from './persons.ts';
export type { Suggestion, SuggestionKind, SuggestOptions } from './types.ts';

/** The language of a text from its script: enough to choose date grammars and number formats. */
function languageOf(text: string): string {
  const cyrillic = (text.match(/[\u0400-\u04ff]/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cyrillic > latin ? 'ru' : 'en';
}

/**
 * Proposes annotations for a text. Suggestions of different kinds may overlap ("ILO" inside "ILO
 * Convention No. 87" is an organisation inside a legal reference); suggestions of one kind never
 * do. Sorted by position.
 */
export function suggest(text: string, options: SuggestOptions = {}): Suggestion[] {
  const language = options.language ?? languageOf(text);
  const legal = findLegalReferences(text);
  // A year inside an instrument's citation ("Convention, 1948 (No. 87)", "Trade Union Law 2014")
  // names the instrument, not a date in the case.
  const dates = findDates(text, { language, referenceDate: options.referenceDate }).filter(
    (date) => date.detail?.precision !== 'year' || !legal.some((ref) => ref.start <= date.start && date.end <= ref.end),
  );
  const all = [...dates, ...legal, ...findPersons(text), ...findOrganisations(text), ...findAmounts(text)];
  return all.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}
