// The interface language: each language named in itself (a person who cannot read the current one
// still finds their own), or the system's. Kept beside the vault, so it can be changed while locked.
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LANGUAGE_ENDONYMS, UI_LANGUAGES, UiLanguage } from '../../../../shared/i18n/languages.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { systemLanguage, useLanguage } from '../../i18n/LanguageProvider.tsx';

const SYSTEM = 'system';

/** A labelled select; `compact` for the unlock and create screens, where it sits above the form. */
export function LanguageChoice({ compact = false }: { compact?: boolean }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const { chosen, choose } = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(value: string) {
    setError(null);
    setBusy(true);
    try {
      await choose(value === SYSTEM ? null : UiLanguage.parse(value));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={compact ? 'field inline language-choice compact' : 'field language-choice'}>
      <label htmlFor={id}>
        <FormattedMessage id="settings.language.label" defaultMessage="Language" />
      </label>
      <select id={id} value={chosen ?? SYSTEM} disabled={busy} onChange={(e) => void change(e.target.value)}>
        <option value={SYSTEM}>
          {intl.formatMessage(
            { id: 'settings.language.system', defaultMessage: 'Follow the system ({language})' },
            { language: LANGUAGE_ENDONYMS[systemLanguage()] },
          )}
        </option>
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_ENDONYMS[language]}
          </option>
        ))}
      </select>
      <ErrorNote message={error} />
    </div>
  );
}

/** The Settings card around the choice. */
export function LanguageSetting() {
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">
        <FormattedMessage id="settings.language.title" defaultMessage="Interface language" />
      </h2>
      <p className="hint">
        <FormattedMessage
          id="settings.language.hint"
          defaultMessage="The language of Upright’s screens, dates and numbers. It is kept on this computer beside the vault, so the unlock screen uses it too. Documents and drafts keep their own language."
        />
      </p>
      <LanguageChoice />
    </section>
  );
}
