// Check results in the words of a submission's own language, for what is printed about a draft
// (the CLI's export log): English and Russian from the interface catalogs, so one Russian text
// serves the app and the print; French and Spanish from print-only catalogs of the check messages
// (printed/fr.json, printed/es.json), which a test keeps complete against the English catalog.
import { IntlMessageFormat } from 'intl-messageformat';
import { type CheckParams, type CheckWords, wordCheck, wordTarget } from '../check-messages.ts';
import { CATALOGS } from './catalogs.ts';
import type { MessageDescriptor, MessageParams } from './define.ts';
import es from './printed/es.json' with { type: 'json' };
import fr from './printed/fr.json' with { type: 'json' };

export const PRINTED_CATALOGS = {
  en: CATALOGS.en,
  ru: CATALOGS.ru,
  fr: fr as Record<string, string>,
  es: es as Record<string, string>,
} as const;
export type PrintedLanguage = keyof typeof PRINTED_CATALOGS;

/** Locales for Intl: British English as the UN writes it ("30 June 2021"). */
export const PRINTED_LOCALES: Record<PrintedLanguage, string> = { en: 'en-GB', ru: 'ru-RU', fr: 'fr-FR', es: 'es-ES' };

/** A draft's language among those printed ("ru-KZ" → "ru"); other languages print in English. */
export function printedLanguage(code: string | null | undefined): PrintedLanguage {
  const primary = (code ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(PRINTED_CATALOGS, primary) ? (primary as PrintedLanguage) : 'en';
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A possibly partial ISO date ("2022", "2022-06", "2022-06-30") as the locale writes it. */
export function partialDate(value: string | null | undefined, locale: string): string {
  const match = value ? PARTIAL_DATE.exec(value) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  const m = Number(month);
  if (!month || m < 1 || m > 12) return year as string;
  const when = new Date(Date.UTC(Number(year), m - 1, day ? Number(day) : 1));
  const options: Intl.DateTimeFormatOptions = day
    ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(when);
}

const compiled = new Map<string, IntlMessageFormat>();

/** The CheckWords of a printed language. */
export function printedWords(code: string | null | undefined): CheckWords {
  const language = printedLanguage(code);
  const locale = PRINTED_LOCALES[language];
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    format(message: MessageDescriptor, params: MessageParams) {
      const key = `${language}\u0000${message.id}`;
      let format = compiled.get(key);
      if (!format) {
        const source = PRINTED_CATALOGS[language][message.id] ?? message.defaultMessage;
        format = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
        compiled.set(key, format);
      }
      return String(format.format(params));
    },
    list: (items) => lists.format(items),
    date: (iso) => partialDate(iso, locale) || iso,
    languageName: (code) => names.of(code) ?? code,
  };
}

/** A check result in the words of the draft's language, with where it points ("paragraph 3"). */
export function printedCheck(
  language: string | null | undefined,
  result: { code: string; params?: CheckParams; target: { kind: string; number?: number; field?: string } },
): { where: string; message: string } {
  const words = printedWords(language);
  return { where: wordTarget(result.target, words.format), message: wordCheck(result, words) };
}
