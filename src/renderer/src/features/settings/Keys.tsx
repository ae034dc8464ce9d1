// Passphrase and keys: change the passphrase, optionally re-encrypting the vault under a new key,
// and issue a new recovery key. Each new recovery key is shown here once, then forgotten.
import { type FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { RecoveryKeyGroups } from '../vault/RecoveryKeyNotice.tsx';
import { MIN_LENGTH } from '../vault/strength.ts';

/** A new recovery key, shown until the person confirms they wrote it down. */
function NewRecoveryKeyShown({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [confirmed, setConfirmed] = useState(false);
  return (
    <div className="new-recovery-key" role="status">
      <p>
        <FormattedMessage
          id="settings.keys.newKeyShown"
          defaultMessage="<b>Your new recovery key</b> — shown only now. Write it on paper and keep it apart from this computer. The old recovery key no longer opens this vault."
          values={{ b: (chunks) => <strong>{chunks}</strong> }}
        />
      </p>
      <RecoveryKeyGroups recoveryKey={recoveryKey} />
      <label className="check">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        <FormattedMessage
          id="settings.keys.newKeyConfirm"
          defaultMessage="I wrote the new recovery key down and stored it safely"
        />
      </label>
      <button type="button" className="primary" disabled={!confirmed} onClick={onDone}>
        <FormattedMessage id="settings.keys.done" defaultMessage="Done" />
      </button>
    </div>
  );
}

export function ChangePassphrase() {
  const intl = useIntl();
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [reencrypt, setReencrypt] = useState(false);
  const [done, setDone] = useState<'changed' | 'rotated' | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const change = useApiMutation('vault.changePassphrase');
  const rotate = useApiMutation('vault.rotateKeys');
  const explanationId = useId();
  const busy = change.isPending || rotate.isPending;
  const failure = change.error ?? rotate.error;

  function clear() {
    setCurrent('');
    setNext('');
    setRepeat('');
    setReencrypt(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    change.reset();
    rotate.reset();
    setDone(null);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    if (reencrypt) {
      rotate.mutate(
        { current, next },
        {
          onSuccess: (rotated) => {
            setRecoveryKey(rotated.recoveryKey);
            setDone('rotated');
            clear();
          },
        },
      );
    } else {
      change.mutate(
        { current, next },
        {
          onSuccess: () => {
            setDone('changed');
            clear();
          },
        },
      );
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">
        <FormattedMessage id="settings.keys.changeTitle" defaultMessage="Change passphrase" />
      </h2>
      <PassphraseField
        label={intl.formatMessage({ id: 'settings.keys.current', defaultMessage: 'Current passphrase' })}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <PassphraseField
        label={intl.formatMessage(
          { id: 'vault.newPassphrase', defaultMessage: 'New passphrase (at least {min} characters)' },
          { min: MIN_LENGTH },
        )}
        value={next}
        onChange={setNext}
        autoComplete="new-password"
      />
      <PassphraseField
        label={intl.formatMessage({ id: 'settings.keys.repeat', defaultMessage: 'Repeat the new passphrase' })}
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
      />
      <label className="check">
        <input
          type="checkbox"
          checked={reencrypt}
          onChange={(e) => setReencrypt(e.target.checked)}
          aria-describedby={explanationId}
        />
        <FormattedMessage
          id="settings.keys.reencrypt"
          defaultMessage="Also re-encrypt the vault (new key and new recovery key)"
        />
      </label>
      <div id={explanationId} className="hint key-explanation">
        <p>
          <FormattedMessage
            id="settings.keys.reencryptWhy"
            defaultMessage="A new passphrase alone does not lock out a copy of the old key file: every backup carries one, and with the old passphrase it would still open this vault. Re-encrypting gives the vault a new key: no earlier key file, passphrase or recovery key opens it again. It takes a moment for a large vault."
          />
        </p>
        <p>
          <FormattedMessage
            id="settings.keys.backupsUnchanged"
            defaultMessage="<b>Backups already made are not changed.</b> They still open with the old passphrase and the old recovery key. After re-encrypting, make a new backup and destroy the old ones if they could fall into the wrong hands."
            values={{ b: (chunks) => <strong>{chunks}</strong> }}
          />
        </p>
      </div>
      <ErrorNote
        message={
          mismatch
            ? intl.formatMessage({
                id: 'settings.keys.mismatch',
                defaultMessage: 'The two new passphrases differ. Nothing was changed.',
              })
            : failure
              ? errorText(failure)
              : null
        }
      />
      {done && (
        <p className="ok-note" role="status">
          {done === 'rotated' ? (
            <FormattedMessage
              id="settings.keys.rotated"
              defaultMessage="Passphrase changed and vault re-encrypted. Old key files, the old passphrase and the old recovery key no longer open it. Make a new backup now."
            />
          ) : (
            <FormattedMessage
              id="settings.keys.changed"
              defaultMessage="Passphrase changed. Use the new one from now on; your recovery key still works."
            />
          )}
        </p>
      )}
      {recoveryKey && <NewRecoveryKeyShown recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
      <button type="submit" className="primary" disabled={busy || !current || next.length < MIN_LENGTH || !repeat}>
        {busy ? (
          reencrypt ? (
            <FormattedMessage id="settings.keys.reencrypting" defaultMessage="Re-encrypting…" />
          ) : (
            <FormattedMessage id="settings.keys.changing" defaultMessage="Changing…" />
          )
        ) : reencrypt ? (
          <FormattedMessage id="settings.keys.changeAndReencrypt" defaultMessage="Change passphrase and re-encrypt" />
        ) : (
          <FormattedMessage id="settings.keys.change" defaultMessage="Change passphrase" />
        )}
      </button>
    </form>
  );
}

export function NewRecoveryKey() {
  const intl = useIntl();
  const errorText = useErrorText();
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const issue = useApiMutation('vault.newRecoveryKey');

  function submit(event: FormEvent) {
    event.preventDefault();
    issue.mutate(
      { passphrase },
      {
        onSuccess: (issued) => {
          setPassphrase('');
          setRecoveryKey(issued.recoveryKey);
        },
      },
    );
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="recovery-key-title">
      <h2 id="recovery-key-title">
        <FormattedMessage id="settings.recoveryKey.title" defaultMessage="Recovery key" />
      </h2>
      <p className="hint">
        <FormattedMessage
          id="settings.recoveryKey.hint"
          defaultMessage="Lost the paper, or someone saw it? Issue a new recovery key: the old one stops opening this vault. It still opens backups made before, and copies of the old key file — to lock those out, change the passphrase with “re-encrypt the vault”, which also issues a new recovery key."
        />
      </p>
      <PassphraseField
        label={intl.formatMessage({ id: 'vault.passphrase', defaultMessage: 'Passphrase' })}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="current-password"
      />
      <ErrorNote message={issue.error ? errorText(issue.error) : null} />
      {recoveryKey && <NewRecoveryKeyShown recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
      <button type="submit" disabled={issue.isPending || !passphrase}>
        {issue.isPending ? (
          <FormattedMessage id="settings.recoveryKey.busy" defaultMessage="Issuing…" />
        ) : (
          <FormattedMessage id="settings.recoveryKey.issue" defaultMessage="Issue a new recovery key" />
        )}
      </button>
    </form>
  );
}
