import { useEffect, useState } from 'react';
import type { AppInfo, VaultStatus } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Diagnostics } from './Diagnostics.tsx';

/** What this vault is, where it lives, and what Upright runs on. */
export function AboutVault({ status }: { status: VaultStatus }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invoke('app.info', {})
      .then(setInfo)
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <>
      <ErrorNote message={error} />
      <article className="card" aria-labelledby="vault-card">
        <h2 id="vault-card">This vault</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd data-testid="vault-state">{status.state === 'unlocked' ? 'Unlocked' : 'Locked'}</dd>
          <dt>Location</dt>
          <dd className="mono">{status.location}</dd>
          <dt>Locks itself after</dt>
          <dd>
            {status.autoLockMinutes} {status.autoLockMinutes === 1 ? 'minute' : 'minutes'} without activity, and when
            the computer sleeps or its screen locks
          </dd>
        </dl>
      </article>
      <article className="card" aria-labelledby="about-card">
        <h2 id="about-card">About Upright</h2>
        {info ? (
          <dl className="facts">
            <dt>Version</dt>
            <dd data-testid="app-version">{info.version}</dd>
            <dt>Encryption</dt>
            <dd>{info.sqlcipher ?? 'unavailable'}</dd>
            <dt>Runtime</dt>
            <dd>
              {info.electron ? `Electron ${info.electron}, ` : ''}Node {info.node} ({info.platform})
            </dd>
            <dt>Network</dt>
            <dd>None. Upright makes no connections.</dd>
          </dl>
        ) : (
          <p className="hint">Loading…</p>
        )}
        <Diagnostics />
      </article>
    </>
  );
}
