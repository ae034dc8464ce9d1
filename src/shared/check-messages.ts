// Words for the check results that speak codes ({ code, params }): the main process judges, the
// renderer and the CLI say it. Older checks still carry their own sentence in `message`.
import type { CheckResult } from './api/drafts.ts';

/** What a note lacks for a citation in the field's form (UPR-SUBMISSION.md, "Citation formats"). */
export const NOTE_PARTS = ['organisation', 'date', 'url', 'accessed'] as const;
export type NotePart = (typeof NOTE_PARTS)[number];

const NOTE_PART_WORDS: Record<NotePart, string> = {
  organisation: 'the organisation that wrote it',
  date: 'its date',
  url: 'the web address it was saved from',
  accessed: 'the date it was read or saved',
};

type Params = Record<string, string | number>;

const CHECK_MESSAGES = {
  // Shown beside the note it concerns ("Note 2: …"), so the sentence does not repeat the number.
  RESTRICTED_CITATION_WITHHELD: (p: Params) =>
    `Cites a restricted excerpt of “${p.source}”, meant for the team: left out of the export unless you confirm, in the export dialog, that this source may be named.`,
  RESTRICTED_CITATION_NAMED: (p: Params) =>
    `Cites a restricted excerpt of “${p.source}”, meant for the team. You confirmed this source may be named: make sure the people it protects agree.`,
  NOTE_INCOMPLETE: (p: Params) => {
    const missing = String(p.missing ?? '')
      .split(',')
      .filter((part): part is NotePart => (NOTE_PARTS as readonly string[]).includes(part))
      .map((part) => NOTE_PART_WORDS[part]);
    const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : missing[0];
    return `Note ${p.note} names “${p.source}” without ${list}. Add ${missing.length > 1 ? 'them' : 'it'} under the source’s details so the note can be checked.`;
  },
  NOTE_ADDRESS_NAMES_PERSON: (p: Params) =>
    `Note ${p.note} prints the web address of “${p.source}”, and the address contains a name this export replaces with a pseudonym. Shorten the address (for example to the site’s page listing the news) or remove it in the source’s details.`,
} satisfies Record<string, (params: Params) => string>;

export type CheckCode = keyof typeof CHECK_MESSAGES;

/** The sentence for a check result, in English. */
export function checkMessage(result: Pick<CheckResult, 'message' | 'code' | 'params'>): string {
  if (result.message) return result.message;
  const word = result.code ? (CHECK_MESSAGES as Record<string, (p: Params) => string>)[result.code] : undefined;
  return word ? word(result.params ?? {}) : (result.code ?? '');
}
