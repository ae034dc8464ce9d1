// The interface language: the person's choice (kept beside the vault, so the unlock screen already
// speaks it), else the system's at first run. Words come from the message catalogs; dates and
// numbers from Intl in the same locale.
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { IntlProvider } from 'react-intl';
import { messagesFor } from '../../../shared/i18n/catalogs.ts';
import { languageFromLocales, type UiLanguage } from '../../../shared/i18n/languages.ts';
import { useApi, useApiMutation } from '../api/queries.ts';
import { intlErrorReporter } from './missing.ts';

interface LanguageChoice {
  /** The language shown now. */
  language: UiLanguage;
  /** What the person chose; null while the system's language is followed. */
  chosen: UiLanguage | null;
  choose(language: UiLanguage | null): Promise<void>;
}

const LanguageContext = createContext<LanguageChoice | null>(null);

export function systemLanguage(): UiLanguage {
  return languageFromLocales(typeof navigator === 'undefined' ? [] : navigator.languages);
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const preferences = useApi('app.preferences', {});
  const save = useApiMutation('app.setPreferences');
  const chosen = preferences.data?.language ?? null;
  const language = chosen ?? systemLanguage();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const onError = useMemo(() => intlErrorReporter(language), [language]);

  // A moment at start-up, before the choice is read: nothing is shown rather than the wrong language.
  if (preferences.isPending) return null;
  const choice: LanguageChoice = {
    language,
    chosen,
    choose: async (next) => {
      await save.mutateAsync({ language: next });
    },
  };
  return (
    <LanguageContext.Provider value={choice}>
      <IntlProvider locale={language} defaultLocale="en" messages={messagesFor(language)} onError={onError}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageChoice {
  const choice = useContext(LanguageContext);
  if (!choice) throw new Error('useLanguage outside LanguageProvider');
  return choice;
}
