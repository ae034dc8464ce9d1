// Passphrase and keys: change the passphrase, optionally re-encrypting the vault under a new key,
// and issue a new recovery key. Each new recovery key is shown here once, then forgotten.
import { type FormEvent, useId, useState } from 'react';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { RecoveryKeyGroups } from '../vault/RecoveryKeyNotice.tsx';
import { MIN_LENGTH } from '../vault/strength.ts';

/** A new recovery key, shown until the person confirms they wrote it down. */
function NewRecoveryKeyShown({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [confirmed, setConfirmed] = useState(false);
  return (
    <div className="new-recovery-key" role="status">
      <p>
        <strong>Your new recovery key</strong> — shown only now. Write it on paper and keep it apart from this computer.
        The old recovery key no longer opens this vault.
      </p>
      <RecoveryKeyGroups recoveryKey={recoveryKey} />
      <label className="check">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />I wrote the new
        recovery key down and stored it safely
      </label>
      <button type="button" className="primary" disabled={!confirmed} onClick={onDone}>
        Done
      </button>
    </div>
  );
}

export function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [reencrypt, setReencrypt] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const explanationId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) return setError('The two new passphrases differ. Nothing was changed.');
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      if (reencrypt) {
        const rotated = await invoke('vault.rotateKeys', { current, next });
        setRecoveryKey(rotated.recoveryKey);
        setMessage(
          'Passphrase changed and vault re-encrypted. Old key files, the old passphrase and the old recovery key no longer open it. Make a new backup now.',
        );
      } else {
        await invoke('vault.changePassphrase', { current, next });
        setMessage('Passphrase changed. Use the new one from now on; your recovery key still works.');
      }
      setCurrent('');
      setNext('');
      setRepeat('');
      setReencrypt(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">Change passphrase</h2>
      <PassphraseField
        label="Current passphrase"
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <PassphraseField
        label={`New passphrase (at least ${MIN_LENGTH} characters)`}
        value={next}
        onChange={setNext}
        autoComplete="new-password"
      />
      <PassphraseField
        label="Repeat the new passphrase"
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
        Also re-encrypt the vault (new key and new recovery key)
      </label>
      <div id={explanationId} className="hint key-explanation">
        <p>
          A new passphrase alone does not lock out a copy of the old key file: every backup carries one, and with the
          old passphrase it would still open this vault. Re-encrypting gives the vault a new key: no earlier key file,
          passphrase or recovery key opens it again. It takes a moment for a large vault.
        </p>
        <p>
          <strong>Backups already made are not changed.</strong> They still open with the old passphrase and the old
          recovery key. After re-encrypting, make a new backup and destroy the old ones if they could fall into the
          wrong hands.
        </p>
      </div>
      <ErrorNote message={error} />
      {message && (
        <p className="ok-note" role="status">
          {message}
        </p>
      )}
      {recoveryKey && <NewRecoveryKeyShown recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
      <button type="submit" className="primary" disabled={busy || !current || next.length < MIN_LENGTH || !repeat}>
        {busy
          ? reencrypt
            ? 'Re-encrypting…'
            : 'Changing…'
          : reencrypt
            ? 'Change passphrase and re-encrypt'
            : 'Change passphrase'}
      </button>
    </form>
  );
}

export function NewRecoveryKey() {
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const issued = await invoke('vault.newRecoveryKey', { passphrase });
      setPassphrase('');
      setRecoveryKey(issued.recoveryKey);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="recovery-key-title">
      <h2 id="recovery-key-title">Recovery key</h2>
      <p className="hint">
        Lost the paper, or someone saw it? Issue a new recovery key: the old one stops opening this vault. It still
        opens backups made before, and copies of the old key file — to lock those out, change the passphrase with
        “re-encrypt the vault”, which also issues a new recovery key.
      </p>
      <PassphraseField label="Passphrase" value={passphrase} onChange={setPassphrase} autoComplete="current-password" />
      <ErrorNote message={error} />
      {recoveryKey && <NewRecoveryKeyShown recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}
      <button type="submit" disabled={busy || !passphrase}>
        {busy ? 'Issuing…' : 'Issue a new recovery key'}
      </button>
    </form>
  );
}
