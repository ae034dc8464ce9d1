// Links between excerpts ("the campaign page contradicts the State's reply") and the Claims view
// built on them: each claim, denial or acknowledgement by the State beside the evidence linked to it.
import { z } from 'zod';
import { CONFIDENTIALITY, LINK_KINDS, STANCES } from '../domain.ts';
import { ExcerptListItem } from './annotate.ts';
import { Id } from './dossiers.ts';
import { method } from './method.ts';

export const ExcerptLink = z.object({
  id: Id,
  fromExcerptId: Id,
  toExcerptId: Id,
  kind: z.enum(LINK_KINDS),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExcerptLink = z.infer<typeof ExcerptLink>;

/** The excerpt at the other end of a link, with what a list shows of its source. */
export const LinkEnd = z.object({
  id: Id,
  sourceId: Id,
  exact: z.string(),
  note: z.string(),
  page: z.number().int().nullable(),
  start: z.number().int(),
  stance: z.enum(STANCES).nullable(),
  confidentiality: z.enum(CONFIDENTIALITY),
  sourceTitle: z.string(),
  sourceKind: z.string(),
  /** The source's date as recorded (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  sourceDate: z.string().nullable(),
});
export type LinkEnd = z.infer<typeof LinkEnd>;

/** A link seen from one excerpt. outgoing: drawn from it ("this contradicts that"); incoming: drawn to it. */
export const ExcerptLinkView = ExcerptLink.extend({
  direction: z.enum(['outgoing', 'incoming']),
  other: LinkEnd,
});
export type ExcerptLinkView = z.infer<typeof ExcerptLinkView>;

/** A claim by the State with the excerpts linked to it as contradicting or corroborating it. */
export const Claim = z.object({
  excerpt: ExcerptListItem.extend({ sourceDate: z.string().nullable() }),
  contradicting: z.array(ExcerptLinkView),
  corroborating: z.array(ExcerptLinkView),
});
export type Claim = z.infer<typeof Claim>;

const LinkNote = z.string().trim().max(1000);

export const linksApi = {
  'excerpt.link': method({
    summary:
      'Link two excerpts of a dossier: the first contradicts, corroborates, responds to or records the same fact as the second.',
    params: z
      .object({ fromExcerptId: Id, toExcerptId: Id, kind: z.enum(LINK_KINDS), note: LinkNote.optional() })
      .strict(),
    result: ExcerptLink,
  }),
  'excerpt.links': method({
    summary: "An excerpt's links, each with the excerpt at the other end and its source.",
    params: z.object({ excerptId: Id }).strict(),
    result: z.array(ExcerptLinkView),
  }),
  'excerpt.unlink': method({
    summary: 'Remove a link between two excerpts (the excerpts stay).',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.literal(true) }),
  }),
  'excerpt.claims': method({
    summary:
      "A dossier's claims, denials and acknowledgements by the State, each with the excerpts that contradict or corroborate it; filter by code or entity.",
    params: z.object({ dossierId: Id, codeId: Id.optional(), entityId: Id.optional() }).strict(),
    result: z.array(Claim),
  }),
};
