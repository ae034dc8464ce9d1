import { z } from 'zod';
import { ENTITY_KINDS } from '../domain.ts';
import { defineMessages } from '../i18n/define.ts';
import { Excerpt } from './annotate.ts';
import { Id } from './dossiers.ts';
import { method } from './method.ts';

export const SUGGESTION_KINDS = ['date', 'legal_reference', 'person', 'organisation', 'amount'] as const;

/** The order suggestions are reviewed in: names first, where accepting a whole group saves the most work. */
export const SUGGESTION_REVIEW_ORDER = ['person', 'organisation', 'legal_reference', 'date', 'amount'] as const;

export const SUGGESTION_KIND_LABELS: Record<(typeof SUGGESTION_KINDS)[number], string> = {
  date: 'Dates',
  legal_reference: 'Legal references',
  person: 'Persons',
  organisation: 'Organisations',
  amount: 'Amounts',
};

/** Suggestion kinds in the interface language (headings of the review). */
export const SUGGESTION_KIND_MESSAGES = defineMessages({
  date: { id: 'vocabulary.suggestionKind.date', defaultMessage: 'Dates' },
  legal_reference: { id: 'vocabulary.suggestionKind.legal_reference', defaultMessage: 'Legal references' },
  person: { id: 'vocabulary.suggestionKind.person', defaultMessage: 'Persons' },
  organisation: { id: 'vocabulary.suggestionKind.organisation', defaultMessage: 'Organisations' },
  amount: { id: 'vocabulary.suggestionKind.amount', defaultMessage: 'Amounts' },
});

export const Suggestion = z.object({
  /** Stable for the same mention in the same text: "date:120:135". */
  key: z.string(),
  /** The same for every mention of one value: "person=baltabay". */
  group: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
  start: z.number().int(),
  end: z.number().int(),
  /** The mention as written. */
  text: z.string(),
  /** Normalised: an ISO date, "Criminal Code, art. 402(1)", a name without honorific, "KZT 1595800". */
  value: z.string(),
  confidence: z.number(),
  page: z.number().int().nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** One mention of a group's value, with the words around it. */
export const SuggestionMention = z.object({
  key: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  page: z.number().int().nullable(),
  /** A few words of the text before and after the mention. */
  before: z.string(),
  after: z.string(),
});
export type SuggestionMention = z.infer<typeof SuggestionMention>;

/** Every mention of one value in a source: one row to review. */
export const SuggestionGroup = z.object({
  key: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
  value: z.string(),
  /** How the value is written in the text, most frequent first ("Mr Baltabay", "Baltabay"). */
  forms: z.array(z.string()),
  mentions: z.array(SuggestionMention),
  /** For names and laws: the entity accepting links to — an existing one (id) or a new one (null). */
  entity: z.object({ kind: z.enum(ENTITY_KINDS), id: Id.nullable(), name: z.string() }).nullable(),
});
export type SuggestionGroup = z.infer<typeof SuggestionGroup>;

/** Why suggestions could not be computed: stopped after too long, or the extraction failed. */
export const SUGGESTION_FAILURES = ['timeout', 'error'] as const;

export const SuggestionReview = z.object({
  /** computing: found in the background, not ready yet (a suggestion.ready event follows). */
  status: z.enum(['ready', 'computing', 'failed']),
  reason: z.enum(SUGGESTION_FAILURES).nullable(),
  groups: z.array(SuggestionGroup),
});
export type SuggestionReview = z.infer<typeof SuggestionReview>;

const Keys = z.array(z.string().max(200)).max(20_000);

export const suggestionsApi = {
  'suggestion.review': method({
    summary:
      'Suggestions still to review in a source, grouped by value (each with its mentions in context), from the cache; "computing" while they are found in the background.',
    params: z.object({ sourceId: Id, retry: z.boolean().optional() }).strict(),
    result: SuggestionReview,
  }),
  'suggestion.list': method({
    summary:
      'Offline suggestions for a source (dates, legal references, persons, organisations, amounts), one per mention, minus those accepted or dismissed; waits for them to be computed.',
    params: z.object({ sourceId: Id }).strict(),
    result: z.array(Suggestion),
  }),
  'suggestion.accept': method({
    summary:
      'Accept mentions by key (a whole group, or one): persons, organisations and laws are linked to their entity (found by name or alias, or created) without excerpts unless markExcerpts; dates and amounts become excerpts noting their value.',
    params: z.object({ sourceId: Id, keys: Keys.min(1), markExcerpts: z.boolean().optional() }).strict(),
    result: z.object({ entityIds: z.array(Id), mentionsLinked: z.number().int(), excerpts: z.array(Excerpt) }),
  }),
  'suggestion.dismiss': method({
    summary:
      'Dismiss suggestions for this source — mentions by key, or whole groups (every mention of a value); they are not offered again.',
    params: z.object({ sourceId: Id, keys: Keys.optional(), groups: Keys.optional() }).strict(),
    result: z.object({ dismissed: z.number().int() }),
  }),
};

export const SuggestionReady = z.object({ sourceId: Id });
