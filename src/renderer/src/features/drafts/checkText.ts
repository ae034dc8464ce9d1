// A check result in the interface language. Checks that speak codes ({ code, params }) are worded
// from the catalog, id `check.<CODE>`; older checks still bring their own sentence from main in
// `message`, shown as it comes until main gives them codes too.
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { defineMessages, type MessageDescriptor } from '../../../../shared/i18n/define.ts';

export interface WordedCheck {
  message?: string;
  code?: string;
  params?: Record<string, string | number>;
}

const CHECK_MESSAGES: Record<string, MessageDescriptor> = defineMessages({
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

/** What a note can lack (NOTE_INCOMPLETE's `missing`, comma-separated). */
const NOTE_PARTS: Record<string, MessageDescriptor> = defineMessages({
  organisation: { id: 'check.notePart.organisation', defaultMessage: 'the organisation that wrote it' },
  date: { id: 'check.notePart.date', defaultMessage: 'its date' },
  url: { id: 'check.notePart.url', defaultMessage: 'the web address it was saved from' },
  accessed: { id: 'check.notePart.accessed', defaultMessage: 'the date it was read or saved' },
});

export function useCheckText(): (result: WordedCheck) => string {
  const intl = useIntl();
  return useCallback(
    (result: WordedCheck) => {
      const descriptor = result.code ? CHECK_MESSAGES[result.code] : undefined;
      if (!descriptor) return result.message ?? result.code ?? '';
      const params = { ...(result.params ?? {}) };
      if (result.code === 'NOTE_INCOMPLETE') {
        const parts = String(params.missing ?? '')
          .split(',')
          .flatMap((part) => {
            const word = NOTE_PARTS[part.trim()];
            return word ? [intl.formatMessage(word)] : [];
          });
        params.missing = intl.formatList(parts, { type: 'conjunction' });
      }
      return intl.formatMessage(descriptor, params);
    },
    [intl],
  );
}
