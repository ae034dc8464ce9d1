// What an extractor proposes: a span of a source's normalised text, what it is, and a normalised value.
// Suggestions are offered to the person for one-click acceptance in the reader; nothing is applied
// without them, so every suggestion carries a confidence the reader can sort and threshold on.

export type SuggestionKind = 'date' | 'legal_reference' | 'person' | 'organisation' | 'amount';

export interface Suggestion {
  kind: SuggestionKind;
  /** UTF-16 offsets into the text: text.slice(start, end) is the mention. */
  start: number;
  end: number;
  /** The mention as written. */
  text: string;
  /**
   * Normalised value: an ISO date or range ("2021-06-09", "2022-01/2022-03", "--09-21" when the
   * year is unknown); a legal reference's canonical form ("Criminal Code, art. 402(1)"); a person's
   * name without honorific; an organisation's expansion when an acronym was defined; an amount as
   * "KZT 1595800".
   */
  value: string;
  /** Extra facts: acronym ↔ expansion, honorific, currency code, date precision… */
  detail?: Record<string, string>;
  /** 0..1. */
  confidence: number;
}

export interface SuggestOptions {
  /** ISO 639-1 code of the text ("en", "ru"); detected from the script when absent. */
  language?: string;
  /** The date the text was written: gives a year to dates written without one, when nothing else does. */
  referenceDate?: Date;
}
