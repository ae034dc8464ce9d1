// The interface's message catalogs: English extracted from the code (with translators' context),
// Russian complete, Kazakh growing (it falls back to Russian). See README › "Translating Upright".
import { IntlMessageFormat } from 'intl-messageformat';
import en from './catalogs/en.json' with { type: 'json' };
import kk from './catalogs/kk.json' with { type: 'json' };
import ru from './catalogs/ru.json' with { type: 'json' };
import type { MessageDescriptor, MessageParams } from './define.ts';
import { mergedCatalog, type UiLanguage } from './languages.ts';

type Extracted = Record<string, { defaultMessage: string; description?: string }>;

/** Every catalog as id → ICU message. */
export const CATALOGS: Record<UiLanguage, Record<string, string>> = {
  en: Object.fromEntries(Object.entries(en as Extracted).map(([id, entry]) => [id, entry.defaultMessage])),
  ru: ru as Record<string, string>,
  kk: kk as Record<string, string>,
};

const merged = new Map<UiLanguage, Readonly<Record<string, string>>>();

/** What the interface shows in a language: its catalog over the ones it falls back to (merged once). */
export function messagesFor(language: UiLanguage): Readonly<Record<string, string>> {
  let messages = merged.get(language);
  if (!messages) {
    messages = Object.freeze(mergedCatalog(language, CATALOGS));
    merged.set(language, messages);
  }
  return messages;
}

/**
 * Parsed messages by language and text. Every UprightError words its English message when it is made
 * (for logs and the CLI): parsing the message and resolving its locale each time cost the main
 * process milliseconds per error — tens for the first.
 */
const formats = new Map<string, IntlMessageFormat>();

/**
 * A message in words outside React (the CLI, logs): the catalog's text for the language, else the
 * code's English default.
 */
export function formatText(language: UiLanguage, message: MessageDescriptor, params: MessageParams = {}): string {
  const source = messagesFor(language)[message.id] ?? message.defaultMessage;
  const key = `${language}\u0000${source}`;
  let format = formats.get(key);
  if (!format) {
    format = new IntlMessageFormat(source, language);
    formats.set(key, format);
  }
  return String(format.format(params));
}
