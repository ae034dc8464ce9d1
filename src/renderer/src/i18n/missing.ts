// What the message catalogs failed to give this page: each missing message or broken pattern is
// reported on the console and kept in a list the page exposes (ids and error codes only, never text
// the person wrote), so a test that walks every screen can read what it met. English reads the
// code's own default wording, so only an English message without a default is missing.

export interface MissingMessage {
  /** react-intl's error code: MISSING_TRANSLATION, FORMAT_ERROR, INVALID_CONFIG… */
  code: string;
  /** The message id, when the error concerns one. */
  id: string | null;
  locale: string;
}

interface IntlErrorLike {
  code?: string;
  message: string;
  descriptor?: { id?: unknown; defaultMessage?: unknown };
}

/** The page-wide list a test reads: `window.__uprightMissingMessages`. */
export function missingMessages(): MissingMessage[] {
  const w = globalThis as unknown as { __uprightMissingMessages?: MissingMessage[] };
  w.__uprightMissingMessages ??= [];
  return w.__uprightMissingMessages;
}

/** Is this react-intl error a message the person will not see in their language? */
export function isMissing(error: IntlErrorLike, locale: string): boolean {
  if (error.code !== 'MISSING_TRANSLATION') return true;
  return !(locale === 'en' && error.descriptor?.defaultMessage !== undefined);
}

/** The IntlProvider's onError for one language. */
export function intlErrorReporter(locale: string, into: MissingMessage[] = missingMessages()) {
  return (error: IntlErrorLike): void => {
    if (!isMissing(error, locale)) return;
    const id = error.descriptor?.id;
    into.push({ code: error.code ?? 'UNKNOWN', id: typeof id === 'string' ? id : null, locale });
    console.error(error.message);
  };
}
