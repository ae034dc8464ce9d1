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

/** What the interface shows in a language: its catalog over the ones it falls back to. */
export function messagesFor(language: UiLanguage): Record<string, string> {
  return mergedCatalog(language, CATALOGS);
}

/**
 * A message in words outside React (the CLI, logs): the catalog's text for the language, else the
 * code's English default.
 */
export function formatText(language: UiLanguage, message: MessageDescriptor, params: MessageParams = {}): string {
  const source = messagesFor(language)[message.id] ?? message.defaultMessage;
  return String(new IntlMessageFormat(source, language).format(params));
}
