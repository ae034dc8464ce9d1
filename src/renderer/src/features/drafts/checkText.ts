// A check result in the interface language: main returns only `{ code, params }`; the words are the
// catalog's (`check.<CODE>`, declared in src/shared/check-messages.ts). The app speaks the person's
// language even about a draft written in another: a Russian-speaking lawyer filing in English reads
// the advice in Russian; what is printed for the submission follows the draft (see README).
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { type CheckParams, wordCheck } from '../../../../shared/check-messages.ts';
import { formatPartialDateIn } from '../../i18n/partialDate.ts';

export interface WordedCheck {
  code: string;
  params?: CheckParams;
}

export function useCheckText(): (result: WordedCheck) => string {
  const intl = useIntl();
  return useCallback(
    (result: WordedCheck) => {
      const names = new Intl.DisplayNames([intl.locale], { type: 'language' });
      return wordCheck(result, {
        format: (message, params) => intl.formatMessage(message, params),
        list: (items) => intl.formatList(items, { type: 'conjunction' }),
        date: (iso) => formatPartialDateIn(intl, iso) || iso,
        languageName: (code) => names.of(code) ?? code,
      });
    },
    [intl],
  );
}
