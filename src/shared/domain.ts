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
  other: 'Other',
};

export const DOSSIER_STATUSES = ['active', 'submitted', 'archived'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** A full or partial date as the field writes it: "2021", "2021-06", "2021-06-30". */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Formats a partial date for people: "2021", "June 2021", "30 June 2021". */
export function formatPartialDate(value: string | null | undefined): string {
  if (!value) return '';
  const [year, month, day] = value.split('-');
  if (!month) return year ?? '';
  const name = new Date(Date.UTC(2000, Number(month) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export const CONFIDENTIALITY = ['public', 'restricted', 'never_export'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = {
  public: 'Public',
  restricted: 'Restricted',
  never_export: 'Never export',
};

export const STANCES = ['state_claim', 'allegation', 'corroboration', 'denial', 'acknowledgement', 'other'] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  state_claim: 'Claim by the State',
  allegation: 'Allegation',
  corroboration: 'Corroboration',
  denial: 'Denial',
  acknowledgement: 'Acknowledgement',
  other: 'Other',
};
