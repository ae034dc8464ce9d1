// The interface's own words, read from the message catalogs, so a spec can walk the screens in any
// language by what a person sees there (no hand-copied translations to drift from the catalog).
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';

export type WalkLanguage = 'en' | 'ru';

const en = JSON.parse(readFileSync('src/shared/i18n/catalogs/en.json', 'utf8')) as Record<
  string,
  { defaultMessage: string }
>;
const ru = JSON.parse(readFileSync('src/shared/i18n/catalogs/ru.json', 'utf8')) as Record<string, string>;

/** A message of the catalog in a language, formatted with its values, as the interface shows it. */
export function wordsIn(language: WalkLanguage): (id: string, values?: Record<string, string | number>) => string {
  return (id, values = {}) => {
    const source = language === 'ru' ? ru[id] : en[id]?.defaultMessage;
    if (source === undefined) throw new Error(`no message ${id} in the ${language} catalog`);
    return String(new IntlMessageFormat(source, language).format(values));
  };
}

/** A string as an exact, anchored regular expression (for names that may carry a count after them). */
export function startingWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** A message with a number in it as a pattern matching any number there, e.g. “Errors (3)”. */
export function anyCount(message: (values: Record<string, number>) => string, name = 'count'): RegExp {
  const escaped = message({ [name]: 987654 }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/987[\s,.\u00a0\u202f]?654/, '[\\d\\s\\u00a0\\u202f,.]+')}$`);
}
