// The recommendations tracker (issue 14): a dossier's earlier UPR recommendations (and ILO
// supervisory bodies' requests in the same shape), what the State answered, our assessment of
// implementation with the excerpts that show it, a theme × assessment matrix, and the table of last
// cycle's recommendations for a draft.
import { z } from 'zod';
import { CONFIDENTIALITY, SOURCE_KINDS } from '../domain.ts';
import { DraftNodeSchema } from '../draft.ts';
import {
  RECOMMENDATION_ASSESSMENTS,
  RECOMMENDATION_MECHANISMS,
  RECOMMENDATION_RESPONSES,
  RecommendationFields,
} from '../recommendations.ts';
import { Id } from './dossiers.ts';
import { Draft } from './drafts.ts';
import { method } from './method.ts';
import { PageParams, pageOf } from './paging.ts';

/** An excerpt showing how far a recommendation was implemented, with its source (to open it). */
export const RecommendationEvidence = z.object({
  excerptId: Id,
  sourceId: Id,
  sourceTitle: z.string(),
  sourceKind: z.enum(SOURCE_KINDS),
  exact: z.string(),
  page: z.number().int().nullable(),
  /** A "never export" excerpt is shown here but left out of the draft's table. */
  confidentiality: z.enum(CONFIDENTIALITY),
});
export type RecommendationEvidence = z.infer<typeof RecommendationEvidence>;

/** A dossier code a recommendation is filed under, beside the UPR themes. */
export const RecommendationCode = z.object({ id: Id, name: z.string(), color: z.string().nullable() });

/** A recommendation as listed: its fields, our assessment, its codes and how many excerpts show it. */
export const RecommendationListItem = RecommendationFields.extend({
  id: Id,
  dossierId: Id,
  assessment: z.enum(RECOMMENDATION_ASSESSMENTS).nullable(),
  assessmentNote: z.string(),
  codes: z.array(RecommendationCode),
  evidenceCount: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RecommendationListItem = z.infer<typeof RecommendationListItem>;

/** One recommendation with the excerpts that show its implementation. */
export const Recommendation = RecommendationListItem.extend({ evidence: z.array(RecommendationEvidence) });
export type Recommendation = z.infer<typeof Recommendation>;

/** "Not assessed yet": a filter value and a column of the matrix beside the four assessments. */
export const UNASSESSED = 'unassessed' as const;
export const AssessmentFilter = z.enum([...RECOMMENDATION_ASSESSMENTS, UNASSESSED]);
export type AssessmentFilter = z.infer<typeof AssessmentFilter>;

export const RecommendationFilter = z
  .object({
    dossierId: Id,
    mechanism: z.enum(RECOMMENDATION_MECHANISMS).optional(),
    cycle: z.number().int().min(1).max(20).optional(),
    response: z.enum(RECOMMENDATION_RESPONSES).optional(),
    /** A theme of the UPR issue list, as stored. */
    theme: z.string().trim().min(1).max(300).optional(),
    /** A dossier code the recommendation is filed under. */
    codeId: Id.optional(),
    assessment: AssessmentFilter.optional(),
    /** One recommending State. */
    state: z.string().trim().min(1).max(300).optional(),
    /** Recommendations this excerpt is evidence of. */
    excerptId: Id.optional(),
    /** Words in the text, the States, the report's symbol or the number (case, accents and ё folded). */
    text: z.string().max(500).optional(),
  })
  .strict();
export type RecommendationFilter = z.infer<typeof RecommendationFilter>;

/** A theme's row of the matrix: a UPR theme (`theme`) or a dossier code (`codeId`), with counts. */
export const MatrixRow = z.object({
  theme: z.string().nullable(),
  codeId: Id.nullable(),
  /** The theme as stored, or the code's name. */
  label: z.string(),
  counts: z.record(AssessmentFilter, z.number().int().min(0)),
  total: z.number().int().min(0),
});
export type MatrixRow = z.infer<typeof MatrixRow>;

const Editable = RecommendationFields.extend({
  /** Dossier codes as further themes; the whole list is replaced. */
  codeIds: z.array(Id).max(100),
});

/** Which recommendations a draft's table holds: the list's filters, in the draft's dossier. */
const TableParams = RecommendationFilter.omit({ dossierId: true, mechanism: true })
  .extend({
    draftId: Id,
    /** Every cycle's recommendations instead of the previous cycle's (when no cycle is given). */
    everyCycle: z.boolean().optional(),
  })
  .strict();

export const recommendationsApi = {
  'recommendation.list': method({
    summary:
      'A dossier’s recommendations in the order they were imported or typed, a page at a time (limit, cursor), filtered by mechanism, cycle, response, theme, code, assessment ("unassessed" for none yet), recommending State and words.',
    params: RecommendationFilter.extend(PageParams).strict(),
    result: pageOf(RecommendationListItem),
  }),
  'recommendation.get': method({
    summary: 'One recommendation with its assessment and the excerpts that show it.',
    params: z.object({ id: Id }).strict(),
    result: Recommendation,
  }),
  'recommendation.create': method({
    summary:
      'Add a recommendation to a dossier: UPR (text, recommending States, cycle, session, report symbol, number, response, themes) or an ILO body’s request (body, year, convention); codes as further themes.',
    params: Editable.partial().required({ text: true }).extend({ dossierId: Id }).strict(),
    result: Recommendation,
  }),
  'recommendation.update': method({
    summary: 'Change a recommendation’s fields; lists (States, themes, codes) replace the whole list.',
    params: Editable.partial().extend({ id: Id }).strict(),
    result: Recommendation,
  }),
  'recommendation.delete': method({
    summary: 'Delete a recommendation: its words are erased and its evidence links go; the excerpts stay.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
  }),
  'recommendation.assess': method({
    summary:
      'Set our assessment of a recommendation’s implementation (implemented, partially implemented, not implemented, no information; null clears it) with a note.',
    params: z
      .object({
        id: Id,
        assessment: z.enum(RECOMMENDATION_ASSESSMENTS).nullable(),
        note: z.string().max(20_000).optional(),
      })
      .strict(),
    result: Recommendation,
  }),
  'recommendation.addEvidence': method({
    summary: 'Add an excerpt (of the recommendation’s dossier) as evidence of its implementation or lack of it.',
    params: z.object({ id: Id, excerptId: Id }).strict(),
    result: Recommendation,
  }),
  'recommendation.removeEvidence': method({
    summary: 'Remove an excerpt from a recommendation’s evidence.',
    params: z.object({ id: Id, excerptId: Id }).strict(),
    result: Recommendation,
  }),
  'recommendation.matrix': method({
    summary:
      'How many of a dossier’s recommendations fall under each theme (UPR themes, then codes) by assessment, with a row for those under no theme.',
    params: z.object({ dossierId: Id, mechanism: z.enum(RECOMMENDATION_MECHANISMS).optional() }).strict(),
    result: z.object({
      rows: z.array(MatrixRow),
      /** Recommendations with no theme and no code. */
      unthemed: z.record(AssessmentFilter, z.number().int().min(0)),
      total: z.number().int().min(0),
    }),
  }),
  'recommendation.facets': method({
    summary:
      'What the filters of a dossier’s recommendations can choose: the cycles, States, themes and codes present.',
    params: z.object({ dossierId: Id }).strict(),
    result: z.object({
      cycles: z.array(z.number().int()),
      states: z.array(z.string()),
      themes: z.array(z.string()),
      codes: z.array(RecommendationCode),
    }),
  }),
  'recommendation.table': method({
    summary:
      'The table of the previous cycle’s recommendations as a draft would hold it (a title line, then the table), for the editor to insert at the cursor; filters as recommendation.insertTable.',
    params: TableParams,
    result: z.object({ nodes: z.array(DraftNodeSchema), count: z.number().int().min(0) }),
  }),
  'recommendation.followUp': method({
    summary:
      'A follow-up paragraph on one recommendation as a draft would hold it, in the draft’s language: the reference with the State’s position, its words quoted, and our assessment with its evidence cited — for the editor to insert at the cursor.',
    params: z.object({ id: Id, draftId: Id }).strict(),
    result: z.object({ nodes: z.array(DraftNodeSchema) }),
  }),
  'recommendation.insertTable': method({
    summary:
      'Add the table of the previous cycle’s recommendations at the end of a draft: number, text, recommending State(s), response and our assessment (its evidence as notes), headed in the draft’s language. Filters as recommendation.list; without a cycle, the latest cycle before the draft’s own (everyCycle: all of them).',
    params: TableParams,
    result: Draft,
  }),
};
