// Vocabularies in the users' words, shared by main (schemas, storage) and renderer (labels).
// The *_LABELS are English (exports, the CLI); the renderer shows the *_MESSAGES, from the catalog.
import { defineMessages, type MessageDescriptor } from './i18n/define.ts';

/** English labels of a vocabulary's messages, for what is not the interface (exports, the CLI). */
function englishOf<K extends string>(messages: Record<K, MessageDescriptor>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<MessageDescriptor>(messages).map(([k, m]) => [k, m.defaultMessage]),
  ) as Record<K, string>;
}

export const SOURCE_KINDS = [
  'government_reply',
  'ngo_report',
  'un_document',
  'ilo_document',
  'media',
  'web_page',
  'testimony',
  'court_decision',
  'letter',
  'law',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  government_reply: 'Government reply',
  ngo_report: 'NGO report',
  un_document: 'UN document',
  ilo_document: 'ILO document',
  media: 'Media',
  web_page: 'Web page',
  testimony: 'Interview / testimony',
  court_decision: 'Court decision',
  letter: 'Letter',
  law: 'Law or regulation',
  other: 'Other',
};

/** Source kinds in the interface language. */
export const SOURCE_KIND_MESSAGES = defineMessages({
  government_reply: { id: 'vocabulary.sourceKind.government_reply', defaultMessage: 'Government reply' },
  ngo_report: { id: 'vocabulary.sourceKind.ngo_report', defaultMessage: 'NGO report' },
  un_document: { id: 'vocabulary.sourceKind.un_document', defaultMessage: 'UN document' },
  ilo_document: { id: 'vocabulary.sourceKind.ilo_document', defaultMessage: 'ILO document' },
  media: { id: 'vocabulary.sourceKind.media', defaultMessage: 'Media' },
  web_page: { id: 'vocabulary.sourceKind.web_page', defaultMessage: 'Web page' },
  testimony: { id: 'vocabulary.sourceKind.testimony', defaultMessage: 'Interview / testimony' },
  court_decision: { id: 'vocabulary.sourceKind.court_decision', defaultMessage: 'Court decision' },
  letter: { id: 'vocabulary.sourceKind.letter', defaultMessage: 'Letter' },
  law: { id: 'vocabulary.sourceKind.law', defaultMessage: 'Law or regulation' },
  other: { id: 'vocabulary.sourceKind.other', defaultMessage: 'Other' },
});

/**
 * Where a source's access date comes from: the saved page's own record of when it was saved, the
 * file's modification time, the day it was imported, or a person who typed it.
 */
export const ACCESSED_SOURCES = ['saved_page', 'file_modified', 'imported', 'person'] as const;
export type AccessedSource = (typeof ACCESSED_SOURCES)[number];

/** Said beside the access date, so nobody mistakes a guess for a record. */
export const ACCESSED_SOURCE_LABELS: Record<AccessedSource, string> = {
  saved_page: 'Recorded by the saved page itself: the day it was saved.',
  file_modified: 'The day the saved file was last changed, probably the day it was read. Correct it if not.',
  imported: 'Only the day it was imported: the page records no date. Correct it if you know when it was read.',
  person: 'Given by a person.',
};

/** A web address a note may print: http(s) only, no spaces or control characters. */
export const WEB_ADDRESS = /^https?:\/\/[^\s\p{Cc}]+$/iu;

/** The access date's origin in the interface language. */
export const ACCESSED_SOURCE_MESSAGES = defineMessages({
  saved_page: {
    id: 'vocabulary.accessedSource.saved_page',
    defaultMessage: 'Recorded by the saved page itself: the day it was saved.',
  },
  file_modified: {
    id: 'vocabulary.accessedSource.file_modified',
    defaultMessage: 'The day the saved file was last changed, probably the day it was read. Correct it if not.',
  },
  imported: {
    id: 'vocabulary.accessedSource.imported',
    defaultMessage: 'Only the day it was imported: the page records no date. Correct it if you know when it was read.',
  },
  person: { id: 'vocabulary.accessedSource.person', defaultMessage: 'Given by a person.' },
});

export const DOSSIER_STATUSES = ['active', 'submitted', 'archived'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** A full or partial date as the field writes it: "2021", "2021-06", "2021-06-30". */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * Formats a partial date for people: "2021", "June 2021", "30 June 2021"; "" for anything else.
 * Written out rather than through Intl: an export formats one per note, and the output must not
 * depend on the machine's locale data.
 */
export function formatPartialDate(value: string | null | undefined): string {
  const match = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  const name = month ? MONTH_NAMES[Number(month) - 1] : undefined;
  if (!name) return year as string;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** "1st", "2nd", "3rd", "11th", "48th": how UPR sessions and cycles are numbered in prose. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

export const CONFIDENTIALITY = ['public', 'restricted', 'never_export'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = {
  public: 'Public',
  restricted: 'Restricted',
  never_export: 'Never export',
};

/** Excerpt confidentiality in the interface language. */
export const CONFIDENTIALITY_MESSAGES = defineMessages({
  public: { id: 'vocabulary.confidentiality.public', defaultMessage: 'Public' },
  restricted: { id: 'vocabulary.confidentiality.restricted', defaultMessage: 'Restricted' },
  never_export: { id: 'vocabulary.confidentiality.never_export', defaultMessage: 'Never export' },
});

export const STANCES = [
  'state_claim',
  'allegation',
  'corroboration',
  'official_finding',
  'denial',
  'acknowledgement',
  'other',
] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  state_claim: 'Claim by the State',
  allegation: 'Allegation',
  corroboration: 'Corroboration',
  official_finding: 'Official finding',
  denial: 'Denial',
  acknowledgement: 'Acknowledgement',
  other: 'Other',
};

/** Excerpt stances in the interface language. */
export const STANCE_MESSAGES = defineMessages({
  state_claim: { id: 'vocabulary.stance.state_claim', defaultMessage: 'Claim by the State' },
  allegation: { id: 'vocabulary.stance.allegation', defaultMessage: 'Allegation' },
  corroboration: { id: 'vocabulary.stance.corroboration', defaultMessage: 'Corroboration' },
  official_finding: { id: 'vocabulary.stance.official_finding', defaultMessage: 'Official finding' },
  denial: { id: 'vocabulary.stance.denial', defaultMessage: 'Denial' },
  acknowledgement: { id: 'vocabulary.stance.acknowledgement', defaultMessage: 'Acknowledgement' },
  other: { id: 'vocabulary.stance.other', defaultMessage: 'Other' },
});

export const ENTITY_KINDS = ['person', 'organisation', 'place', 'legal_provision', 'instrument'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The interface words each kind through intl; the English text stays for exports and the CLI. */
export const ENTITY_KIND_MESSAGES = defineMessages({
  person: { id: 'entity.kind.person', defaultMessage: 'Person' },
  organisation: { id: 'entity.kind.organisation', defaultMessage: 'Organisation' },
  place: { id: 'entity.kind.place', defaultMessage: 'Place' },
  legal_provision: { id: 'entity.kind.legal_provision', defaultMessage: 'Legal provision' },
  instrument: { id: 'entity.kind.instrument', defaultMessage: 'International instrument' },
});

/** Headings for lists of entities grouped by kind. */
export const ENTITY_KIND_PLURAL_MESSAGES = defineMessages({
  person: { id: 'entity.kinds.person', defaultMessage: 'Persons' },
  organisation: { id: 'entity.kinds.organisation', defaultMessage: 'Organisations' },
  place: { id: 'entity.kinds.place', defaultMessage: 'Places' },
  legal_provision: { id: 'entity.kinds.legal_provision', defaultMessage: 'Legal provisions' },
  instrument: { id: 'entity.kinds.instrument', defaultMessage: 'International instruments' },
});

/** A kind in the interface's "add as" phrases ("add as a new person"): lower case, where the language uses it. */
export const ENTITY_KIND_LOWER_MESSAGES = defineMessages({
  person: { id: 'entity.kindLower.person', defaultMessage: 'person' },
  organisation: { id: 'entity.kindLower.organisation', defaultMessage: 'organisation' },
  place: { id: 'entity.kindLower.place', defaultMessage: 'place' },
  legal_provision: { id: 'entity.kindLower.legal_provision', defaultMessage: 'legal provision' },
  instrument: { id: 'entity.kindLower.instrument', defaultMessage: 'international instrument' },
});

export const ENTITY_KIND_LABELS = englishOf(ENTITY_KIND_MESSAGES);
export const ENTITY_KIND_PLURALS = englishOf(ENTITY_KIND_PLURAL_MESSAGES);

/** Only persons and organisations are named by a pseudonym on export ("a local union leader"). */
export const PSEUDONYMOUS_KINDS: readonly EntityKind[] = ['person', 'organisation'];

export const ENTITY_SENSITIVITY = ['normal', 'sensitive', 'protected'] as const;
export type EntitySensitivity = (typeof ENTITY_SENSITIVITY)[number];

export const ENTITY_SENSITIVITY_MESSAGES = defineMessages({
  normal: { id: 'entity.sensitivity.normal', defaultMessage: 'Normal' },
  sensitive: { id: 'entity.sensitivity.sensitive', defaultMessage: 'Sensitive' },
  protected: { id: 'entity.sensitivity.protected', defaultMessage: 'Protected' },
});

export const ENTITY_SENSITIVITY_LABELS = englishOf(ENTITY_SENSITIVITY_MESSAGES);

/**
 * How names are compared when looking an entity up by name or alias: case, accents and spacing
 * do not count ("Kharkova" = "KHARKOVA", "Ecole" = "École"), in any script.
 */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * How one excerpt bears on another: "the NGO's count contradicts the State's reply". A link is one
 * per pair of excerpts and kind, whichever way it was drawn.
 */
export const LINK_KINDS = ['contradicts', 'corroborates', 'responds_to', 'same_fact_as'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Link kinds in the interface language, read as "this excerpt … that one". */
export const LINK_KIND_MESSAGES = defineMessages({
  contradicts: { id: 'vocabulary.linkKind.contradicts', defaultMessage: 'Contradicts' },
  corroborates: { id: 'vocabulary.linkKind.corroborates', defaultMessage: 'Corroborates' },
  responds_to: { id: 'vocabulary.linkKind.responds_to', defaultMessage: 'Responds to' },
  same_fact_as: { id: 'vocabulary.linkKind.same_fact_as', defaultMessage: 'Same fact as' },
});

/** The stances that say what the State holds: the claims the Claims view sets against the evidence. */
export const CLAIM_STANCES = ['state_claim', 'denial', 'acknowledgement'] as const satisfies readonly Stance[];
export type ClaimStance = (typeof CLAIM_STANCES)[number];
