import { type FormEvent, useEffect, useState } from 'react';
import type { VaultStatus, VerifyReport } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { AboutVault } from './AboutVault.tsx';
import { ChangePassphrase, NewRecoveryKey } from './Keys.tsx';

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

function auditWords(audit: VerifyReport['audit']): string {
  if (audit.brokenAtSeq !== null) return `chain broken at entry ${audit.brokenAtSeq}`;
  if (!audit.headOk) return 'entries are missing at the end, or the log was rebuilt';
  return 'chain intact';
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
          `Encrypted backup written to ${result.location} (${(result.bytes / 1024).toFixed(0)} KiB). It opens with your current passphrase and recovery key.`,
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
              Audit log: {report.audit.entries} entries, {auditWords(report.audit)}
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
        <NewRecoveryKey />
      </div>
    </section>
  );
}
