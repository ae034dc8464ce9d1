// The command line words errors from their codes, as the window does: in Russian when the terminal's
// locale is Russian (LC_ALL, LC_MESSAGES, LANG — the first one set), otherwise in English.
import { type ApiErrorPayload, ERROR_MESSAGES } from '../shared/errors.ts';
import { formatText } from '../shared/i18n/catalogs.ts';

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): 'en' | 'ru' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ru([_.@-]|$)/i.test(locale) ? 'ru' : 'en';
}

/** An error's sentence for the terminal; a payload whose params do not fit gets its code's plain words. */
export function errorWords(error: ApiErrorPayload, language = cliLanguage()): string {
  const message = ERROR_MESSAGES[error.code] ?? ERROR_MESSAGES.INTERNAL;
  try {
    return formatText(language, message, error.params ?? {});
  } catch {
    return message.defaultMessage;
  }
}
