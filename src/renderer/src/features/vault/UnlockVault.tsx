import { type FormEvent, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MigrationProgress, VaultStatus } from '../../../../shared/api.ts';
import { subscribe } from '../../api/client.ts';
import { useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { LanguageChoice } from '../settings/LanguageChoice.tsx';
import { ExploreSample } from './ExploreSample.tsx';
import { MIN_LENGTH } from './strength.ts';

/** The shape of a recovery key (groups of five), not words. */
const RECOVERY_KEY_SHAPE = 'XXXXX-XXXXX-…';

/** The schema update an unlock is running on an older vault (vault.migrating); null when none runs. */
function useMigration(): MigrationProgress | null {
  const [migration, setMigration] = useState<MigrationProgress | null>(null);
  useEffect(() => subscribe('vault.migrating', (progress) => setMigration(progress.finished ? null : progress)), []);
  return migration;
}

/** The lock screen: passphrase, or the recovery key plus a new passphrase. */
export function UnlockVault({ status, onUnlocked }: { status: VaultStatus; onUnlocked: (s: VaultStatus) => void }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState('');
  // The status goes to the gate from the hook: the unlocked vault may replace this screen first.
  const unlock = useApiMutation('vault.unlock', { onSuccess: onUnlocked });
  const recover = useApiMutation('vault.recover', { onSuccess: onUnlocked });
  const busy = unlock.isPending || recover.isPending;
  const migration = useMigration();
  const error = mode === 'passphrase' ? unlock.error : recover.error;

  function done() {
    setPassphrase('');
    setRecoveryKey('');
    setNext('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'passphrase') unlock.mutate({ passphrase }, { onSuccess: done });
    else recover.mutate({ recoveryKey, newPassphrase: next }, { onSuccess: done });
  }

  return (
    <main className="gate">
      <LanguageChoice compact />
      <form className="card gate-card" onSubmit={submit} aria-labelledby="unlock-title">
        <h1 id="unlock-title">
          {mode === 'passphrase' ? (
            <FormattedMessage id="vault.unlock.title" defaultMessage="Unlock your vault" />
          ) : (
            <FormattedMessage id="vault.recover.title" defaultMessage="Open with the recovery key" />
          )}
        </h1>
        <p className="hint">
          <FormattedMessage
            id="vault.unlock.location"
            defaultMessage="Vault: {location}"
            values={{ location: status.location }}
          />
        </p>
        {mode === 'passphrase' ? (
          <PassphraseField
            label={intl.formatMessage({ id: 'vault.passphrase', defaultMessage: 'Passphrase' })}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            autoFocus
          />
        ) : (
          <>
            <div className="field">
              <label htmlFor="recovery-key">
                <FormattedMessage id="vault.recover.key" defaultMessage="Recovery key" />
              </label>
              <input
                id="recovery-key"
                className="mono"
                value={recoveryKey}
                onChange={(e) => setRecoveryKey(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                placeholder={RECOVERY_KEY_SHAPE}
                autoFocus
              />
            </div>
            <PassphraseField
              label={intl.formatMessage(
                { id: 'vault.newPassphrase', defaultMessage: 'New passphrase (at least {min} characters)' },
                { min: MIN_LENGTH },
              )}
              value={next}
              onChange={setNext}
              autoComplete="new-password"
            />
          </>
        )}
        <ErrorNote message={error ? errorText(error) : null} />
        {busy && migration ? (
          <div className="progress" role="status" aria-live="polite" data-testid="migration-progress">
            <p className="hint">
              <FormattedMessage
                id="vault.unlock.migrating"
                defaultMessage="Updating the vault for this version of Upright: step {step} of {total}"
                description="Shown while an unlock brings a vault made by an older Upright up to date."
                values={{ step: migration.step, total: migration.total }}
              />
            </p>
            <progress value={migration.step - 1} max={migration.total} />
          </div>
        ) : null}
        <button
          type="submit"
          className="primary"
          disabled={
            busy ||
            (mode === 'passphrase' ? passphrase.length === 0 : recoveryKey.length === 0 || next.length < MIN_LENGTH)
          }
        >
          {busy ? (
            <FormattedMessage id="vault.unlock.busy" defaultMessage="Opening…" />
          ) : mode === 'passphrase' ? (
            <FormattedMessage id="vault.unlock.submit" defaultMessage="Unlock" />
          ) : (
            <FormattedMessage id="vault.recover.submit" defaultMessage="Open and set new passphrase" />
          )}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => {
            setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
            unlock.reset();
            recover.reset();
          }}
        >
          {mode === 'passphrase' ? (
            <FormattedMessage
              id="vault.unlock.useRecovery"
              defaultMessage="Forgot the passphrase? Use the recovery key"
            />
          ) : (
            <FormattedMessage id="vault.recover.back" defaultMessage="Back to the passphrase" />
          )}
        </button>
      </form>
      <ExploreSample onOpened={onUnlocked} vaultExists />
    </main>
  );
}
