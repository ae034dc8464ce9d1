import { type FormEvent, useState } from 'react';
import type { VaultStatus } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { ExploreSample } from './ExploreSample.tsx';
import { MIN_LENGTH } from './strength.ts';

/** The lock screen: passphrase, or the recovery key plus a new passphrase. */
export function UnlockVault({ status, onUnlocked }: { status: VaultStatus; onUnlocked: (s: VaultStatus) => void }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result =
        mode === 'passphrase'
          ? await invoke('vault.unlock', { passphrase })
          : await invoke('vault.recover', { recoveryKey, newPassphrase: next });
      setPassphrase('');
      setRecoveryKey('');
      setNext('');
      onUnlocked(result);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit} aria-labelledby="unlock-title">
        <h1 id="unlock-title">{mode === 'passphrase' ? 'Unlock your vault' : 'Open with the recovery key'}</h1>
        <p className="hint">Vault: {status.location}</p>
        {mode === 'passphrase' ? (
          <PassphraseField
            label="Passphrase"
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            autoFocus
          />
        ) : (
          <>
            <div className="field">
              <label htmlFor="recovery-key">Recovery key</label>
              <input
                id="recovery-key"
                className="mono"
                value={recoveryKey}
                onChange={(e) => setRecoveryKey(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                placeholder="XXXXX-XXXXX-…"
                autoFocus
              />
            </div>
            <PassphraseField
              label={`New passphrase (at least ${MIN_LENGTH} characters)`}
              value={next}
              onChange={setNext}
              autoComplete="new-password"
            />
          </>
        )}
        <ErrorNote message={error} />
        <button
          type="submit"
          className="primary"
          disabled={
            busy ||
            (mode === 'passphrase' ? passphrase.length === 0 : recoveryKey.length === 0 || next.length < MIN_LENGTH)
          }
        >
          {busy ? 'Opening…' : mode === 'passphrase' ? 'Unlock' : 'Open and set new passphrase'}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => {
            setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
            setError(null);
          }}
        >
          {mode === 'passphrase' ? 'Forgot the passphrase? Use the recovery key' : 'Back to the passphrase'}
        </button>
      </form>
      <ExploreSample onOpened={onUnlocked} vaultExists />
    </main>
  );
}
