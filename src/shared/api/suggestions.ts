import { z } from 'zod';
import { Excerpt } from './annotate.ts';
import { Id } from './dossiers.ts';
import { method } from './method.ts';

export const SUGGESTION_KINDS = ['date', 'legal_reference', 'person', 'organisation', 'amount'] as const;

export const SUGGESTION_KIND_LABELS: Record<(typeof SUGGESTION_KINDS)[number], string> = {
  date: 'Dates',
  legal_reference: 'Legal references',
  person: 'Persons',
  organisation: 'Organisations',
  amount: 'Amounts',
};

export const Suggestion = z.object({
  /** Stable for the same mention in the same text: "date:120:135". */
  key: z.string(),
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

export const suggestionsApi = {
  'suggestion.list': method({
    summary:
      'Offline suggestions for a source (dates, legal references, persons, organisations, amounts), minus those accepted or dismissed.',
    params: z.object({ sourceId: Id }).strict(),
    result: z.array(Suggestion),
  }),
  'suggestion.accept': method({
    summary:
      'Accept a suggestion: an excerpt is marked on the mention, noting its value; a person, organisation or legal reference is linked as an entity (found by name or alias, or created).',
    params: z.object({ sourceId: Id, key: z.string().max(200) }).strict(),
    result: z.object({ excerpt: Excerpt, entityId: Id.nullable() }),
  }),
  'suggestion.dismiss': method({
    summary: 'Dismiss a suggestion for this source; it is not offered again.',
    params: z.object({ sourceId: Id, key: z.string().max(200) }).strict(),
    result: z.object({ dismissed: z.literal(true) }),
  }),
};
