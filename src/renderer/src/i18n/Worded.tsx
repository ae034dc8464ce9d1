// Codes from main in the person's language, for screens that show them inline: an import warning
// stored with a source, or the error of one file in an import batch.
import { useIntl } from 'react-intl';
import { errorFromPayload, isErrorCode } from '../../../shared/errors.ts';
import type { MessageParams } from '../../../shared/i18n/define.ts';
import { type ImportWarning, WARNING_MESSAGES } from '../../../shared/warnings.ts';
import { useErrorText } from './errors.ts';

export function WarningText({ warning }: { warning: ImportWarning }) {
  const intl = useIntl();
  return <>{intl.formatMessage(WARNING_MESSAGES[warning.code], warning.params)}</>;
}

/** An error that arrived as data ({ code, params }) rather than thrown. */
export function ErrorText({ error }: { error: { code: string; params?: MessageParams } | null }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <>{errorText(errorFromPayload(isErrorCode(error.code) ? { code: error.code, params: error.params } : undefined))}</>
  );
}
