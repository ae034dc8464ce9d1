// Events: what happened, when (a fuzzy date), where, who did what to whom (participants with roles),
// and the excerpts that support it. The timeline lists them in order with how many sources support
// each and whether any of its evidence is contradicted.
import { z } from 'zod';
import { ENTITY_KINDS, SOURCE_KINDS } from '../domain.ts';
import { FuzzyDate, IsoDay } from '../fuzzy-date.ts';
import { Id } from './dossiers.ts';
import { method } from './method.ts';

export const EVENT_ROLES = ['victim', 'perpetrator', 'complainant', 'authority', 'court', 'witness', 'other'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

export const EventParticipant = z.object({
  entityId: Id,
  role: z.enum(EVENT_ROLES),
});
export type EventParticipant = z.infer<typeof EventParticipant>;

/** A participant as shown: the entity's name and kind with the role. */
export const EventParticipantView = EventParticipant.extend({
  name: z.string(),
  kind: z.enum(ENTITY_KINDS),
});

/** An excerpt supporting an event, with its source (to open it, and to count sources). */
export const EventEvidence = z.object({
  excerptId: Id,
  sourceId: Id,
  sourceTitle: z.string(),
  sourceKind: z.enum(SOURCE_KINDS),
  exact: z.string(),
  page: z.number().int().nullable(),
  /** Another excerpt contradicts this one (an excerpt link). */
  contradicted: z.boolean(),
});
export type EventEvidence = z.infer<typeof EventEvidence>;

export const Event = z.object({
  id: Id,
  dossierId: Id,
  title: z.string(),
  /** What happened. */
  description: z.string(),
  /** When; null when nobody knows yet. */
  date: FuzzyDate.nullable(),
  /** The words the date was typed or found as ("July to December 2011"). */
  dateText: z.string().nullable(),
  place: z.string().nullable(),
  participants: z.array(EventParticipantView),
  evidence: z.array(EventEvidence),
  /** Distinct sources among the evidence. */
  sourceCount: z.number().int(),
  /** Some of its evidence is contradicted by another excerpt. */
  disputed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Event = z.infer<typeof Event>;

const Title = z.string().trim().min(1).max(500);

const EventFields = z.object({
  title: Title,
  description: z.string().max(20_000),
  date: FuzzyDate.nullable(),
  /** Typed words ("since 2018", «июль–декабрь 2011»): read into `date` when no date is given. */
  when: z.string().max(200).nullable(),
  place: z.string().max(300).nullable(),
  participants: z.array(EventParticipant).max(200),
  excerptIds: z.array(Id).max(1000),
});

export const EventFilter = z
  .object({
    /** Events of one dossier; without it, every dossier's (an entity's page). */
    dossierId: Id.optional(),
    /** Events this entity takes part in. */
    entityId: Id.optional(),
    /** Events with evidence coded so. */
    codeId: Id.optional(),
    /** Events with evidence from a source of this kind. */
    sourceKind: z.enum(SOURCE_KINDS).optional(),
    /** Events that can fall within [from, to] (ISO days). */
    from: IsoDay.optional(),
    to: IsoDay.optional(),
  })
  .strict();
export type EventFilter = z.infer<typeof EventFilter>;

export const eventsApi = {
  'event.list': method({
    summary:
      'Events in chronological order (undated last), by dossier, participant entity, evidence code or source kind, or period.',
    params: EventFilter,
    result: z.array(Event),
  }),
  'event.get': method({
    summary: 'One event with its date, participants, evidence, source count and whether it is disputed.',
    params: z.object({ id: Id }).strict(),
    result: Event,
  }),
  'event.create': method({
    summary:
      'Record an event in a dossier: title, what happened, when (a date or typed words such as "July to December 2011"), where, participants with roles, evidence excerpts.',
    params: EventFields.partial().required({ title: true }).extend({ dossierId: Id }).strict(),
    result: Event,
  }),
  'event.update': method({
    summary:
      'Change an event: any field; `participants` and `excerptIds` replace the whole list; `date: null` clears the date.',
    params: EventFields.partial().extend({ id: Id }).strict(),
    result: Event,
  }),
  'event.delete': method({
    summary: 'Delete an event: its participants and evidence links go with it; the excerpts and entities stay.',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.boolean() }),
  }),
  'event.addParticipant': method({
    summary:
      'Add an entity to an event in a role (victim, perpetrator, complainant, authority, court, witness, other).',
    params: EventParticipant.extend({ id: Id }).strict(),
    result: Event,
  }),
  'event.removeParticipant': method({
    summary: 'Remove an entity’s role from an event.',
    params: EventParticipant.extend({ id: Id }).strict(),
    result: Event,
  }),
  'event.addEvidence': method({
    summary: 'Add an excerpt as evidence of an event (it must come from the event’s dossier).',
    params: z.object({ id: Id, excerptId: Id }).strict(),
    result: Event,
  }),
  'event.removeEvidence': method({
    summary: 'Remove an excerpt from an event’s evidence.',
    params: z.object({ id: Id, excerptId: Id }).strict(),
    result: Event,
  }),
  'event.prefill': method({
    summary:
      'What a new event made from an excerpt would hold: its suggested date, the excerpt’s linked entities as participants, the excerpt as evidence.',
    params: z.object({ excerptId: Id }).strict(),
    result: z.object({
      dossierId: Id,
      title: z.string(),
      date: FuzzyDate.nullable(),
      dateText: z.string().nullable(),
      participants: z.array(EventParticipantView),
      excerptIds: z.array(Id),
    }),
  }),
  'event.export': method({
    summary:
      'Export a dossier’s timeline (with the same filters as event.list) as CSV: date, event, what happened, place, participants, sources, disputed. Pseudonyms replace names.',
    params: EventFilter.extend({
      dossierId: Id,
      /** The language the dates are printed in (BCP 47); English by default. */
      locale: z.string().max(35).optional(),
      /** Write here instead of asking (CLI, tests). */
      path: z.string().min(1).optional(),
      /** Replace a file already at `path` (the CLI's --force). */
      overwrite: z.boolean().optional(),
    }).strict(),
    result: z.union([
      z.object({ saved: z.literal(true), path: z.string(), count: z.number().int() }),
      z.object({ saved: z.literal(false) }),
    ]),
  }),
};
