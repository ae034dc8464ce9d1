import { type FormEvent, useEffect, useState } from 'react';
import type { VaultStatus, VerifyReport } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { MIN_LENGTH } from '../vault/strength.ts';
import { AboutVault } from './AboutVault.tsx';

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) return setError('The two new passphrases differ. Nothing was changed.');
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await invoke('vault.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setMessage('Passphrase changed. Use the new one from now on; your recovery key still works.');
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
      <ErrorNote message={error} />
      {message && (
        <p className="ok-note" role="status">
          {message}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !current || next.length < MIN_LENGTH || !repeat}>
        {busy ? 'Changing…' : 'Change passphrase'}
      </button>
    </form>
  );
}

function AutoLockSetting({ minutes, onSaved }: { minutes: number; onSaved: (m: number) => void }) {
  const [value, setValue] = useState(String(minutes));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setValue(String(minutes)), [minutes]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 240) return setError('Enter a whole number of minutes from 1 to 240.');
    try {
      const settings = await invoke('settings.update', { autoLockMinutes: n });
      onSaved(settings.autoLockMinutes);
      setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="autolock-title" noValidate>
      <h2 id="autolock-title">Auto-lock</h2>
      <p className="hint">The vault also locks when the computer sleeps or its screen locks, and with Ctrl+L (⌘L).</p>
      <div className="field inline">
        <label htmlFor="autolock-minutes">Lock after this many minutes without activity</label>
        <input
          id="autolock-minutes"
          type="number"
          min={1}
          max={240}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit">Save</button>
      </div>
      <ErrorNote message={error} />
      {saved && (
        <p className="ok-note" role="status">
          Saved.
        </p>
      )}
    </form>
  );
}

function BackupAndVerify() {
  const [backup, setBackup] = useState<string | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'backup' | 'verify' | null>(null);

  async function run(kind: 'backup' | 'verify') {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'backup') {
        const result = await invoke('vault.backup', {});
        setBackup(
          `Encrypted backup written to ${result.location} (${(result.bytes / 1024).toFixed(0)} KiB). It opens with your passphrase.`,
        );
      } else {
        setReport(await invoke('vault.verify', {}));
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="safety-title">
      <h2 id="safety-title">Backup and verification</h2>
      <p className="hint">A backup is an encrypted copy of the whole vault. Keep it on a separate drive.</p>
      <div className="actions">
        <button type="button" onClick={() => run('backup')} disabled={busy !== null}>
          {busy === 'backup' ? 'Backing up…' : 'Back up now…'}
        </button>
        <button type="button" onClick={() => run('verify')} disabled={busy !== null}>
          {busy === 'verify' ? 'Verifying…' : 'Verify vault'}
        </button>
      </div>
      <ErrorNote message={error} />
      {backup && (
        <p className="ok-note" role="status">
          {backup}
        </p>
      )}
      {report && (
        <div role="status" className={report.ok ? 'ok-note' : 'error-note'} data-testid="verify-report">
          <p>
            <strong>{report.ok ? 'Everything is intact.' : 'Problems were found.'}</strong>
          </p>
          <ul>
            <li>Database integrity: {report.integrity.join('; ')}</li>
            <li>
              Audit log: {report.audit.entries} entries,{' '}
              {report.audit.ok ? 'chain intact' : `chain broken at entry ${report.audit.brokenAtSeq}`}
            </li>
            <li>
              Stored originals: {report.originals.checked} checked, {report.originals.mismatched.length} changed
            </li>
            {report.originals.mismatched.map((m) => (
              <li key={m.sourceId}>Changed since import: {m.title}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function Settings({
  status,
  onAutoLockChanged,
}: {
  status: VaultStatus;
  onAutoLockChanged: (m: number) => void;
}) {
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="cards">
        <AboutVault status={status} />
        <AutoLockSetting minutes={status.autoLockMinutes} onSaved={onAutoLockChanged} />
        <BackupAndVerify />
        <ChangePassphrase />
      </div>
    </section>
  );
}
