// The recommendations tracker's shapes (issue 14), declared once for the store, the import parsers,
// the API table, the renderer and the CLI: an earlier UPR recommendation (or an ILO supervisory
// body's request in the same shape), what the State answered, and our assessment of what it has done.
import { z } from 'zod';

/** Which machinery made the request: a UPR recommendation, or an ILO supervisory body's request. */
export const RECOMMENDATION_MECHANISMS = ['upr', 'ilo'] as const;
export type RecommendationMechanism = (typeof RECOMMENDATION_MECHANISMS)[number];

/** The State's answer, as the Working Group report and its addendum record it. */
export const RECOMMENDATION_RESPONSES = ['supported', 'noted', 'partially_supported', 'no_response'] as const;
export type RecommendationResponse = (typeof RECOMMENDATION_RESPONSES)[number];

/** Our assessment of implementation since the review. */
export const RECOMMENDATION_ASSESSMENTS = [
  'implemented',
  'partially_implemented',
  'not_implemented',
  'no_information',
] as const;
export type RecommendationAssessment = (typeof RECOMMENDATION_ASSESSMENTS)[number];

/** The ILO supervisory bodies whose requests are tracked beside UPR recommendations. */
export const ILO_BODIES = ['CEACR', 'CAS', 'CFA'] as const;
export type IloBody = (typeof ILO_BODIES)[number];

const Line = z.string().trim().max(300);

/**
 * What a recommendation holds, as typed, imported from CSV or split from a pasted report. Every
 * import path produces exactly this and nothing else.
 */
export const RecommendationFields = z.object({
  mechanism: z.enum(RECOMMENDATION_MECHANISMS),
  /** The recommendation's words, as the report prints them. */
  text: z.string().trim().min(1).max(20_000),
  /** Recommending States, one per entry ("Norway", "Sweden"); several for a shared recommendation. */
  recommendingStates: z.array(Line.min(1)).max(200),
  /** UPR cycle (1st, 2nd…) and Working Group session ("34"); null when not known. */
  cycle: z.number().int().min(1).max(20).nullable(),
  session: Line.nullable(),
  /** The Working Group report ("A/HRC/28/10"); null when only the number is known. */
  documentSymbol: Line.nullable(),
  /** The recommendation's number in the report ("126.29"). */
  paragraph: Line.nullable(),
  response: z.enum(RECOMMENDATION_RESPONSES).nullable(),
  /** Themes from the UPR issue list (their English names as the UN's database spells them). */
  themes: z.array(Line.min(1)).max(50),
  /** ILO requests: the body, the year of the observation or conclusions, the convention ("C.87"). */
  iloBody: z.enum(ILO_BODIES).nullable(),
  iloYear: z.number().int().min(1919).max(2100).nullable(),
  iloConvention: Line.nullable(),
});
export type RecommendationFields = z.infer<typeof RecommendationFields>;

/** A recommendation as the import parsers hand it over: any field left out is empty / null. */
export const RECOMMENDATION_DEFAULTS: Omit<RecommendationFields, 'text'> = {
  mechanism: 'upr',
  recommendingStates: [],
  cycle: null,
  session: null,
  documentSymbol: null,
  paragraph: null,
  response: null,
  themes: [],
  iloBody: null,
  iloYear: null,
  iloConvention: null,
};

/**
 * The key that makes re-importing the same recommendation a no-op: its report, number and words,
 * folded (case, spacing, quotes and dashes) so a re-export with other typography matches.
 */
export function recommendationImportKey(
  fields: Pick<RecommendationFields, 'documentSymbol' | 'paragraph' | 'text'>,
): string {
  const fold = (s: string | null) =>
    (s ?? '')
      .normalize('NFKC')
      .toLocaleLowerCase('en')
      .replace(/[‘’‚‛′`´]/g, "'")
      .replace(/[“”„‟″«»]/g, '"')
      .replace(/[‐‑‒–—―]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  return [fold(fields.documentSymbol), fold(fields.paragraph), fold(fields.text)].join('\u241e');
}
