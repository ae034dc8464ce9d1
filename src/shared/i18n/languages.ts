// The interface languages and how one falls back to another. Kazakh is translated from Russian by
// the people who use it, so a message not yet in Kazakh is shown in Russian, then English.
import { z } from 'zod';

export const UI_LANGUAGES = ['en', 'ru', 'kk'] as const;
export const UiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguage>;

/** Each language's own name for itself: what a person looks for in a language menu, never translated. */
export const LANGUAGE_ENDONYMS: Record<UiLanguage, string> = {
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
};

/** The catalogs a language reads, first match wins. */
export const FALLBACK_CHAIN: Record<UiLanguage, readonly UiLanguage[]> = {
  en: ['en'],
  ru: ['ru', 'en'],
  kk: ['kk', 'ru', 'en'],
};

/**
 * The language for a first run, from the system's preferred locales (navigator.languages, or
 * Electron's app.getPreferredSystemLanguages()). A Kazakh or Russian system gets its language; any
 * other gets English, the source language.
 */
export function languageFromLocales(locales: readonly string[]): UiLanguage {
  for (const locale of locales) {
    const base = locale.toLowerCase().split(/[-_]/)[0];
    const match = UI_LANGUAGES.find((language) => language === base);
    if (match) return match;
  }
  return 'en';
}

/** One flat catalog for a language: its own messages over those of the languages it falls back to. */
export function mergedCatalog(
  language: UiLanguage,
  catalogs: Record<UiLanguage, Record<string, string>>,
): Record<string, string> {
  const chain = [...FALLBACK_CHAIN[language]].reverse();
  return Object.assign({}, ...chain.map((each) => catalogs[each]));
}
