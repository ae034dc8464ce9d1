// The shape of a submission draft, shared by the editor (renderer), export and checks (main).
// The body is a TipTap/ProseMirror JSON document so the editor stores exactly what it edits; the
// export walks the same tree. Nothing here may import Node or DOM code.

import { z } from 'zod';

export const DRAFT_TEMPLATES = ['individual', 'joint'] as const;
export type DraftTemplate = (typeof DRAFT_TEMPLATES)[number];

/** OHCHR's limits for stakeholder submissions (words in the body). */
export const WORD_LIMITS: Record<DraftTemplate, number> = { individual: 2815, joint: 5630 };

/** The six UN official languages (BCP 47 primary subtags). */
export const UN_LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export const SubmittingOrganisation = z.object({
  name: z.string().max(300),
  acronym: z.string().max(40),
  city: z.string().max(120),
  country: z.string().max(120),
  /** One paragraph on what the organisation does. */
  activities: z.string().max(4000),
  foundedYear: z.number().int().min(1800).max(2100).nullable(),
  /** Shown on the cover when given. */
  website: z.string().max(300),
});
export type SubmittingOrganisation = z.infer<typeof SubmittingOrganisation>;

/** The cover page / front matter of a UPR stakeholder submission. */
export const DraftCover = z.object({
  /** State under review, as the UN writes it: "Kazakhstan". */
  state: z.string().max(120),
  /** UPR Working Group session number (e.g. 48) and cycle (e.g. 5). */
  session: z.number().int().min(1).max(200).nullable(),
  cycle: z.number().int().min(1).max(20).nullable(),
  /** Month and year of submission, as printed: "March 2027". */
  monthYear: z.string().max(40),
  organisations: z.array(SubmittingOrganisation).max(100),
  contactName: z.string().max(200),
  contactEmail: z.string().max(200),
  keywords: z.array(z.string().max(80)).max(40),
  /** BCP 47 primary language subtag of the submission. */
  language: z.string().max(10),
});
export type DraftCover = z.infer<typeof DraftCover>;

export const EMPTY_COVER: DraftCover = {
  state: '',
  session: null,
  cycle: null,
  monthYear: '',
  organisations: [],
  contactName: '',
  contactEmail: '',
  keywords: [],
  language: 'en',
};

/**
 * A ProseMirror JSON node. The schema the editor and the export agree on:
 * - block nodes: `heading` (attrs.level 1–3), `paragraph` (attrs.numbered: true for body paragraphs
 *   that carry a UPR paragraph number — the default — false for unnumbered lines such as a
 *   recommendation's quoted text), `bulletList`/`orderedList` > `listItem` > paragraph,
 *   `blockquote` > paragraph;
 *   `table` > `tableRow` > (`tableHeader` | `tableCell`) > paragraph (attrs.numbered: false): a
 *   table (the timeline's events, last cycle's recommendations) is not a numbered paragraph; its
 *   first row holds the headers; its cells may carry citations like any paragraph;
 * - inline nodes: `text` (marks `bold`, `italic`), `hardBreak`,
 *   `citation` (attrs.excerptId: the cited excerpt; its footnote is generated, never typed),
 *   `recommendationRef` (attrs.recommendationId: a cross-reference to an earlier UPR recommendation).
 */
export interface DraftNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DraftNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export const DraftNodeSchema: z.ZodType<DraftNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(40),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(DraftNodeSchema).optional(),
    text: z.string().optional(),
    marks: z
      .array(z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
  }),
);

/** The whole body: `{ type: 'doc', content: [...] }`. */
export const DraftBody = z.object({ type: z.literal('doc'), content: z.array(DraftNodeSchema) });
export type DraftBody = z.infer<typeof DraftBody>;
