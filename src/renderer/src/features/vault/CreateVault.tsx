import { type FormEvent, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { VaultStatus } from '../../../../shared/api.ts';
import { useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { LanguageChoice } from '../settings/LanguageChoice.tsx';
import { ExploreSample } from './ExploreSample.tsx';
import { estimateStrength, MIN_LENGTH, type Strength } from './strength.ts';
import { adviceText, strengthLevel } from './strengthMessages.ts';

/** First run: choose a passphrase (twice, with a strength meter), then see the recovery key once. */
export function CreateVault({
  onCreated,
  onSample,
}: {
  /** Called with the recovery key, which the app shows once before anything else. */
  onCreated: (created: { recoveryKey: string; status: VaultStatus }) => void;
  onSample: (status: VaultStatus) => void;
}) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  // On the hook, not on the call: the new vault's status may replace this screen before the call's
  // own callbacks would run, and the recovery key must still reach the notice.
  const create = useApiMutation('vault.create', { onSuccess: onCreated });

  useEffect(() => {
    let current = true;
    void estimateStrength(passphrase).then((s) => current && setStrength(s));
    return () => {
      current = false;
    };
  }, [passphrase]);

  const busy = create.isPending;
  const mismatch = repeat.length > 0 && repeat !== passphrase;
  const canSubmit = passphrase.length >= MIN_LENGTH && repeat === passphrase && (strength?.score ?? 0) >= 2 && !busy;

  function forget() {
    setPassphrase('');
    setRepeat('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    create.mutate({ passphrase }, { onSuccess: () => forget() });
  }

  return (
    <main className="gate">
      <LanguageChoice compact />
      <form className="card gate-card" onSubmit={submit} aria-labelledby="create-title">
        <h1 id="create-title">
          <FormattedMessage id="vault.create.title" defaultMessage="Create your vault" />
        </h1>
        <p className="lede">
          <FormattedMessage
            id="vault.create.lede"
            defaultMessage="Everything you keep in Upright — documents, excerpts, notes and drafts — is stored encrypted on this computer and opens only with your passphrase. Nothing is sent anywhere."
          />
        </p>
        <PassphraseField
          label={intl.formatMessage({ id: 'vault.passphrase', defaultMessage: 'Passphrase' })}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          autoFocus
          describedBy="strength"
        />
        <div id="strength" className="strength" aria-live="polite">
          <meter
            min={0}
            max={4}
            low={2}
            high={3}
            optimum={4}
            value={strength?.score ?? 0}
            aria-label={intl.formatMessage({ id: 'vault.strength.meter', defaultMessage: 'Passphrase strength' })}
          />
          <span className={`strength-label s${strength?.score ?? 0}`}>
            {strength ? strengthLevel(intl, strength.score) : ' '}
          </span>
          <span className="hint">{strength ? adviceText(intl, strength.advice) : null}</span>
        </div>
        <PassphraseField
          label={intl.formatMessage({ id: 'vault.create.repeat', defaultMessage: 'Repeat the passphrase' })}
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
        />
        {mismatch && (
          <p className="hint warn">
            <FormattedMessage id="vault.create.mismatch" defaultMessage="The two passphrases differ." />
          </p>
        )}
        <ErrorNote message={create.error ? errorText(create.error) : null} />
        <button type="submit" className="primary" disabled={!canSubmit}>
          {busy ? (
            <FormattedMessage id="vault.create.busy" defaultMessage="Creating the vault…" />
          ) : (
            <FormattedMessage id="vault.create.submit" defaultMessage="Create vault" />
          )}
        </button>
        <p className="hint">
          <FormattedMessage
            id="vault.create.forgetHint"
            defaultMessage="If you forget the passphrase, only the recovery key shown next can open the vault. No one else can recover it."
          />
        </p>
      </form>
      <ExploreSample onOpened={onSample} />
    </main>
  );
}
