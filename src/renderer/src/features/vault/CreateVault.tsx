import { type FormEvent, useEffect, useState } from 'react';
import type { VaultStatus } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { ExploreSample } from './ExploreSample.tsx';
import { estimateStrength, MIN_LENGTH, type Strength } from './strength.ts';

/** First run: choose a passphrase (twice, with a strength meter), then see the recovery key once. */
export function CreateVault({
  onCreated,
  onSample,
}: {
  /** Called with the recovery key, which the app shows once before anything else. */
  onCreated: (created: { recoveryKey: string; status: VaultStatus }) => void;
  onSample: (status: VaultStatus) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void estimateStrength(passphrase).then((s) => current && setStrength(s));
    return () => {
      current = false;
    };
  }, [passphrase]);

  const mismatch = repeat.length > 0 && repeat !== passphrase;
  const canSubmit = passphrase.length >= MIN_LENGTH && repeat === passphrase && (strength?.score ?? 0) >= 2 && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      const result = await invoke('vault.create', { passphrase });
      setPassphrase('');
      setRepeat('');
      onCreated(result);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form className="card gate-card" onSubmit={submit} aria-labelledby="create-title">
        <h1 id="create-title">Create your vault</h1>
        <p className="lede">
          Everything you keep in Upright — documents, excerpts, notes and drafts — is stored encrypted on this computer
          and opens only with your passphrase. Nothing is sent anywhere.
        </p>
        <PassphraseField
          label="Passphrase"
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
            aria-label="Passphrase strength"
          />
          <span className={`strength-label s${strength?.score ?? 0}`}>{strength?.label ?? ' '}</span>
          <span className="hint">{strength?.advice}</span>
        </div>
        <PassphraseField
          label="Repeat the passphrase"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
        />
        {mismatch && <p className="hint warn">The two passphrases differ.</p>}
        <ErrorNote message={error} />
        <button type="submit" className="primary" disabled={!canSubmit}>
          {busy ? 'Creating the vault…' : 'Create vault'}
        </button>
        <p className="hint">
          If you forget the passphrase, only the recovery key shown next can open the vault. No one else can recover it.
        </p>
      </form>
      <ExploreSample onOpened={onSample} />
    </main>
  );
}
