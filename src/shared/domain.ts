// Vocabularies in the users' words, shared by main (schemas, storage) and renderer (labels).

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

export const ENTITY_KINDS = ['person', 'organisation', 'place', 'legal_provision', 'instrument'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  legal_provision: 'Legal provision',
  instrument: 'International instrument',
};

/** Headings for lists of entities grouped by kind. */
export const ENTITY_KIND_PLURALS: Record<EntityKind, string> = {
  person: 'Persons',
  organisation: 'Organisations',
  place: 'Places',
  legal_provision: 'Legal provisions',
  instrument: 'International instruments',
};

/** Only persons and organisations are named by a pseudonym on export ("a local union leader"). */
export const PSEUDONYMOUS_KINDS: readonly EntityKind[] = ['person', 'organisation'];

export const ENTITY_SENSITIVITY = ['normal', 'sensitive', 'protected'] as const;
export type EntitySensitivity = (typeof ENTITY_SENSITIVITY)[number];

export const ENTITY_SENSITIVITY_LABELS: Record<EntitySensitivity, string> = {
  normal: 'Normal',
  sensitive: 'Sensitive',
  protected: 'Protected',
};

/**
 * How names are compared when looking an entity up by name or alias: case, accents and spacing
 * do not count ("Kharkova" = "KHARKOVA", "Ecole" = "École"), in any script.
 */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
