// A failure in the person's language: the code's message from the catalog, filled with its params.
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { ERROR_MESSAGES, UprightError } from '../../../shared/errors.ts';

/** Words any thrown value: an UprightError by its code, anything else as Upright's internal error. */
export function useErrorText(): (error: unknown) => string {
  const intl = useIntl();
  return useCallback(
    (error: unknown) => {
      const known = error instanceof UprightError;
      const descriptor = ERROR_MESSAGES[known ? error.code : 'INTERNAL'];
      return intl.formatMessage(descriptor, known ? error.params : {});
    },
    [intl],
  );
}
