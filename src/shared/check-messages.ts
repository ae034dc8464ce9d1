// The words of the submission checks. The main process judges and returns `{ code, params }` only;
// the words are said where they are read: the interface in the person's language (react-intl, the
// interface catalogs), the CLI and anything printed for a submission in the draft's own language.
// The messages are declared once here, as interface messages (so `i18n:extract` and `i18n:check`
// keep English and Russian complete); French and Spanish, which the interface does not offer but a
// submission may be written in, have print-only catalogs of these messages (i18n/printed/*.json).
import { z } from 'zod';
import { defineMessages, type MessageDescriptor, type MessageParams } from './i18n/define.ts';

/** What a note lacks for a citation in the field's form (UPR-SUBMISSION.md, "Citation formats"). */
export const NOTE_PARTS = ['organisation', 'date', 'url', 'accessed'] as const;
export type NotePart = (typeof NOTE_PARTS)[number];

// "Here" in a message is the paragraph, note or cover field the result points at, shown beside it.

export const CHECK_MESSAGES = defineMessages({
  WORD_LIMIT_OVER: {
    id: 'check.WORD_LIMIT_OVER',
    defaultMessage: 'The text has {words, number} words: {over, number} over the limit of {limit, number}.',
  },
  WORD_LIMIT_WITH_NOTES: {
    id: 'check.WORD_LIMIT_WITH_NOTES',
    defaultMessage:
      'With its notes the submission has {words, number} words, over the limit of {limit, number}. Whether notes count is not confirmed; shorten to be safe.',
  },
  WORD_LIMIT_WITH_COVER: {
    id: 'check.WORD_LIMIT_WITH_COVER',
    defaultMessage:
      'With its notes and cover page the submission has {words, number} words, over the limit of {limit, number}. Whether they count is not confirmed.',
  },
  NOTE_TOO_LONG: {
    id: 'check.NOTE_TOO_LONG',
    defaultMessage:
      'This note has {words, number} words. Notes are for references only; move any argument into the text.',
  },
  NO_NUMBERED_PARAGRAPHS: {
    id: 'check.NO_NUMBERED_PARAGRAPHS',
    defaultMessage: 'The submission has no numbered paragraphs yet. OHCHR cites submissions by paragraph number.',
  },
  TYPED_NUMBER: {
    id: 'check.TYPED_NUMBER',
    defaultMessage:
      'The paragraph starts with a typed number. Paragraphs are numbered automatically; remove the typed one.',
  },
  LONG_UNNUMBERED: {
    id: 'check.LONG_UNNUMBERED',
    defaultMessage: 'A long unnumbered paragraph here cannot be cited by number. Number it unless it is a quotation.',
  },
  NOT_DOCX: {
    id: 'check.NOT_DOCX',
    defaultMessage:
      'OHCHR accepts submissions as Word documents (.docx) only, with numbered pages. Use this file for reading or printing, not for submitting.',
  },
  PROVENANCE_ANNEX: {
    id: 'check.PROVENANCE_ANNEX',
    defaultMessage:
      'The provenance annex is for your own records: OHCHR wants annexes in a separate file. Do not submit this copy as it is.',
  },
  LANGUAGE_NOT_UN: {
    id: 'check.LANGUAGE_NOT_UN',
    defaultMessage:
      'Write the submission in a UN official language: English, French, Spanish, Russian, Arabic or Chinese.',
  },
  LANGUAGE_NOT_WORKING: {
    id: 'check.LANGUAGE_NOT_WORKING',
    defaultMessage:
      'The UPR Working Group works in English, French and Spanish: a submission in another UN language may be summarised later or less fully.',
  },
  LANGUAGE_MISMATCH: {
    id: 'check.LANGUAGE_MISMATCH',
    defaultMessage: 'The cover says the submission is in {cover}, but the text reads as {detected}.',
    description: '{cover} and {detected} are language names, e.g. “English”, “Russian”',
  },
  STATE_MISSING: { id: 'check.STATE_MISSING', defaultMessage: 'Name the State under review on the cover.' },
  STATE_SEVERAL: {
    id: 'check.STATE_SEVERAL',
    defaultMessage: 'A submission covers one State under review; the cover names {count, number}: {states}.',
  },
  STATE_NOT_DOSSIER: {
    id: 'check.STATE_NOT_DOSSIER',
    defaultMessage: 'The cover names “{state}”, but the dossier is about {expected}.',
  },
  ORGANISATION_MISSING: {
    id: 'check.ORGANISATION_MISSING',
    defaultMessage: 'Name the organisation that submits on the cover.',
  },
  INDIVIDUAL_SEVERAL: {
    id: 'check.INDIVIDUAL_SEVERAL',
    defaultMessage:
      'An individual submission comes from exactly one organisation; the cover lists {count, number}. Make it a joint submission or remove the others.',
  },
  JOINT_TOO_FEW: {
    id: 'check.JOINT_TOO_FEW',
    defaultMessage:
      'A joint submission lists every organisation that joins it, at least two, before paragraph 1. Add them on the cover, or make it an individual submission.',
  },
  ORGANISATION_NAME: {
    id: 'check.ORGANISATION_NAME',
    defaultMessage:
      '{named, select, no {Organisation {index}} other {{organisation}}}: give the organisation’s full name.',
    description: '{named} is “no” when the organisation has neither name nor acronym yet; {index} counts from 1',
  },
  ORGANISATION_ACTIVITIES: {
    id: 'check.ORGANISATION_ACTIVITIES',
    defaultMessage:
      '{named, select, no {Organisation {index}} other {{organisation}}}: add a paragraph on what the organisation does.',
  },
  ORGANISATION_FOUNDED: {
    id: 'check.ORGANISATION_FOUNDED',
    defaultMessage:
      '{named, select, no {Organisation {index}} other {{organisation}}}: add the year the organisation was founded.',
  },
  SESSION_MISSING: {
    id: 'check.SESSION_MISSING',
    defaultMessage: 'Give the UPR Working Group session the State is reviewed at.',
  },
  CYCLE_MISSING: { id: 'check.CYCLE_MISSING', defaultMessage: 'Give the UPR cycle of the review.' },
  SESSION_NOT_IN_CYCLE: {
    id: 'check.SESSION_NOT_IN_CYCLE',
    defaultMessage:
      'Session {session} is not in the {cycle, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} cycle (sessions {first}–{last}).',
  },
  MONTH_YEAR_MISSING: {
    id: 'check.MONTH_YEAR_MISSING',
    defaultMessage: 'Give the month and year of the submission, e.g. “March 2027”.',
  },
  CONTACT_NAME_MISSING: { id: 'check.CONTACT_NAME_MISSING', defaultMessage: 'Name a contact person.' },
  CONTACT_EMAIL_MISSING: {
    id: 'check.CONTACT_EMAIL_MISSING',
    defaultMessage: 'Give the contact person’s e-mail address.',
  },
  CONTACT_EMAIL_INVALID: {
    id: 'check.CONTACT_EMAIL_INVALID',
    defaultMessage: 'The contact e-mail address does not look right.',
  },
  KEYWORDS_MISSING: {
    id: 'check.KEYWORDS_MISSING',
    defaultMessage: 'Add keywords (the themes of the submission) to the cover.',
  },
  COVER_CYCLE_DIFFERS: {
    id: 'check.COVER_CYCLE_DIFFERS',
    defaultMessage:
      'The cover names the {cover, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} cycle, the dossier the {dossier, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}. Correct the one that is out of date.',
  },
  COVER_SESSION_DIFFERS: {
    id: 'check.COVER_SESSION_DIFFERS',
    defaultMessage:
      'The cover names session {cover}, the dossier session {dossier}. Correct the one that is out of date.',
  },
  FOLLOW_UP_MISSING: {
    id: 'check.FOLLOW_UP_MISSING',
    defaultMessage: 'There is no section on the follow-up to the previous review (a heading such as “{heading}”).',
    description: '{heading} is the template’s heading in the draft’s language',
  },
  SUMMARY_MISSING: {
    id: 'check.SUMMARY_MISSING',
    defaultMessage:
      'Open with a summary: at least one numbered paragraph (scope, method, period covered) before the follow-up to the previous review.',
  },
  CITATION_EXCERPT_DELETED: {
    id: 'check.CITATION_EXCERPT_DELETED',
    defaultMessage:
      'Cites an excerpt that is no longer in the vault; it will be left out. Cite another excerpt or remove the citation.',
  },
  CITATION_NEVER_EXPORT: {
    id: 'check.CITATION_NEVER_EXPORT',
    defaultMessage:
      'Cites an excerpt marked “never export”; it will be left out. Cite a public source for this point or remove the citation.',
  },
  NEVER_EXPORT_QUOTED: {
    id: 'check.NEVER_EXPORT_QUOTED',
    defaultMessage: 'Quotes an excerpt marked “never export”. Rephrase it from a public source.',
  },
  PSEUDONYM_MISSING: {
    id: 'check.PSEUDONYM_MISSING',
    defaultMessage:
      '“{name}” is protected but has no pseudonym{others, plural, =0 {} one { (here and in # other place)} other { (here and in # other places)}}. Give it one under Entities; until then it is exported as “{withheld}”.',
  },
  PSEUDONYM_NEEDS_REDACTION: {
    id: 'check.PSEUDONYM_NEEDS_REDACTION',
    defaultMessage:
      '“{name}” appears here{others, plural, =0 {} one { and in # other place} other { and in # other places}} and has a pseudonym. Export with redaction to replace it by “{pseudonym}”.',
  },
  PSEUDONYM_REPLACED: {
    id: 'check.PSEUDONYM_REPLACED',
    defaultMessage:
      '“{name}”{others, plural, =0 {} one { (here and in # other place)} other { (here and in # other places)}} is replaced by “{pseudonym}” when you export with redaction.',
  },
  RECOMMENDATION_MISSING: {
    id: 'check.RECOMMENDATION_MISSING',
    defaultMessage: 'Refers to a recommendation that is no longer in the vault.',
  },
  RECOMMENDATION_OTHER_DOSSIER: {
    id: 'check.RECOMMENDATION_OTHER_DOSSIER',
    defaultMessage:
      'Refers to a recommendation tracked in another dossier, not in this review’s list of recommendations.',
  },
  RECOMMENDATION_UNNUMBERED: {
    id: 'check.RECOMMENDATION_UNNUMBERED',
    defaultMessage: 'Refers to a recommendation without a number such as 140.12.',
  },
  RECOMMENDATION_NO_STATE: {
    id: 'check.RECOMMENDATION_NO_STATE',
    defaultMessage:
      '{numbered, select, no {The recommendation} other {Recommendation {paragraph}}} does not say which State made it.',
    description: '{numbered} is “no” when the recommendation has no paragraph number; {paragraph} is e.g. 140.12',
  },
  RECOMMENDATION_NO_SYMBOL: {
    id: 'check.RECOMMENDATION_NO_SYMBOL',
    defaultMessage:
      '{numbered, select, no {The recommendation} other {Recommendation {paragraph}}} lacks the symbol of the Working Group report, such as A/HRC/43/10.',
  },
  RECOMMENDATION_NO_RESPONSE: {
    id: 'check.RECOMMENDATION_NO_RESPONSE',
    defaultMessage:
      '{numbered, select, no {The recommendation} other {Recommendation {paragraph}}} does not say whether it was supported or noted.',
  },
  RECOMMENDATION_SESSION_NOT_IN_CYCLE: {
    id: 'check.RECOMMENDATION_SESSION_NOT_IN_CYCLE',
    defaultMessage:
      '{numbered, select, no {The recommendation} other {Recommendation {paragraph}}} is from session {session}, which is not in the {cycle, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} cycle it is filed under.',
  },
  RECOMMENDATION_NOT_PREVIOUS: {
    id: 'check.RECOMMENDATION_NOT_PREVIOUS',
    defaultMessage:
      '{numbered, select, no {The recommendation} other {Recommendation {paragraph}}} is not from a previous cycle of the review.',
  },
  SMART_VAGUE_VERB: {
    id: 'check.SMART_VAGUE_VERB',
    defaultMessage: '“{verb}” is hard to measure; name the concrete action (amend, repeal, establish, investigate…).',
    description: 'Only for drafts in English: {verb} and the examples are English verbs, to be kept in English',
  },
  SMART_NO_ACTION_VERB: {
    id: 'check.SMART_NO_ACTION_VERB',
    defaultMessage: 'Start the recommendation with an action verb (ratify, amend, repeal, establish, investigate…).',
    description: 'Only for drafts in English: keep the example verbs in English',
  },
  SMART_SEVERAL_ACTIONS: {
    id: 'check.SMART_SEVERAL_ACTIONS',
    defaultMessage: 'One action per recommendation; split this one.',
  },
  SMART_NO_TIME: {
    id: 'check.SMART_NO_TIME',
    defaultMessage: 'Say by when (a year, “within 12 months”, “before the next review”).',
  },
  SMART_PREVIOUSLY_UNREFERENCED: {
    id: 'check.SMART_PREVIOUSLY_UNREFERENCED',
    defaultMessage: 'It says it was recommended previously; refer to the earlier recommendation itself.',
  },
  SMART_REPEAT_UNSAID: {
    id: 'check.SMART_REPEAT_UNSAID',
    defaultMessage: 'It repeats an earlier recommendation; say “as recommended previously”.',
  },
  DEADLINE_PASSED: {
    id: 'check.DEADLINE_PASSED',
    defaultMessage: 'The deadline for this review ({date}) has passed.',
  },
  DEADLINE_SOON: {
    id: 'check.DEADLINE_SOON',
    defaultMessage: 'The submission is due {days, plural, =0 {today} =1 {tomorrow} other {in # days}} ({date}).',
  },
  // Shown beside the note it concerns ("Note 2: …"), so the sentence does not repeat the number.
  RESTRICTED_CITATION_WITHHELD: {
    id: 'check.RESTRICTED_CITATION_WITHHELD',
    defaultMessage:
      'Cites a restricted excerpt of “{source}”, meant for the team: left out of the export unless you confirm, in the export dialog, that this source may be named.',
  },
  RESTRICTED_CITATION_NAMED: {
    id: 'check.RESTRICTED_CITATION_NAMED',
    defaultMessage:
      'Cites a restricted excerpt of “{source}”, meant for the team. You confirmed this source may be named: make sure the people it protects agree.',
  },
  NOTE_ADDRESS_NAMES_PERSON: {
    id: 'check.NOTE_ADDRESS_NAMES_PERSON',
    defaultMessage:
      'Note {note} prints the web address of “{source}”, and the address contains a name this export replaces with a pseudonym. Shorten the address (for example to the site’s page listing the news) or remove it in the source’s details.',
  },
  NOTE_INCOMPLETE: {
    id: 'check.NOTE_INCOMPLETE',
    defaultMessage:
      'Note {note} names “{source}” without {missing}. Add what is missing under the source’s details so the note can be checked.',
    description: '{missing} is a list of what the note lacks, e.g. “its date and the web address it was saved from”',
  },
});

export type CheckCode = keyof typeof CHECK_MESSAGES;
export const CHECK_CODES = Object.keys(CHECK_MESSAGES) as [CheckCode, ...CheckCode[]];
/** The check codes, for the API's results. */
export const CheckCodeSchema = z.enum(CHECK_CODES);
/** A check's values: counts, numbers, names and ISO dates; lists travel comma-separated. */
export const CheckParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type CheckParams = z.infer<typeof CheckParams>;

/** What a note can lack (NOTE_INCOMPLETE's `missing`, comma-separated). */
export const NOTE_PART_MESSAGES: Record<NotePart, MessageDescriptor> = defineMessages({
  organisation: { id: 'check.notePart.organisation', defaultMessage: 'the organisation that wrote it' },
  date: { id: 'check.notePart.date', defaultMessage: 'its date' },
  url: { id: 'check.notePart.url', defaultMessage: 'the web address it was saved from' },
  accessed: { id: 'check.notePart.accessed', defaultMessage: 'the date it was read or saved' },
});

/** Where a result points, for printed lists of results (the CLI); the interface has its own labels. */
export const CHECK_TARGET_MESSAGES = defineMessages({
  paragraph: { id: 'check.target.paragraph', defaultMessage: 'paragraph {number}' },
  note: { id: 'check.target.note', defaultMessage: 'note {number}' },
  cover: {
    id: 'check.target.cover',
    defaultMessage: 'cover: {field}',
    description: '{field} is the cover field’s key as scripts know it: organisations, contactEmail…',
  },
  draft: { id: 'check.target.draft', defaultMessage: 'whole draft' },
});

/** How a place that words check results says the values that are not plain text. */
export interface CheckWords {
  format(message: MessageDescriptor, params: MessageParams): string;
  /** "a, b and c" in the language. */
  list(items: string[]): string;
  /** An ISO date (possibly "2027-03" or "2027") as the language writes it. */
  date(iso: string): string;
  /** A language's name from its code ("ru" → "Russian"). */
  languageName(code: string): string;
}

/** A check result in words: the one place that turns a result's values into a message's. */
export function wordCheck(result: { code: string; params?: CheckParams }, words: CheckWords): string {
  const message = (CHECK_MESSAGES as Record<string, MessageDescriptor>)[result.code];
  if (!message) return result.code;
  const params: MessageParams = { ...(result.params ?? {}) };
  if (result.code === 'NOTE_INCOMPLETE') {
    const parts = String(params.missing ?? '')
      .split(',')
      .flatMap((part) => {
        const word = NOTE_PART_MESSAGES[part.trim() as NotePart];
        return word ? [words.format(word, {})] : [];
      });
    params.missing = words.list(parts);
  }
  if (result.code === 'LANGUAGE_MISMATCH') {
    params.cover = words.languageName(String(params.cover));
    params.detected = words.languageName(String(params.detected));
  }
  if (typeof params.date === 'string') params.date = words.date(params.date);
  return words.format(message, params);
}

/** A target in words, for printed lists of results. */
export function wordTarget(
  target: { kind: string; number?: number; field?: string },
  format: CheckWords['format'],
): string {
  if (target.kind === 'paragraph') return format(CHECK_TARGET_MESSAGES.paragraph, { number: target.number ?? 0 });
  if (target.kind === 'note') return format(CHECK_TARGET_MESSAGES.note, { number: target.number ?? 0 });
  if (target.kind === 'cover') return format(CHECK_TARGET_MESSAGES.cover, { field: target.field ?? '' });
  return format(CHECK_TARGET_MESSAGES.draft, {});
}
