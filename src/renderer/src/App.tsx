import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../shared/api.ts';
import { invoke } from './api/client.ts';
import { ErrorNote } from './components/ErrorNote.tsx';
import { Overview } from './features/home/Overview.tsx';
import { Settings } from './features/settings/Settings.tsx';
import { CreateVault } from './features/vault/CreateVault.tsx';
import { UnlockVault } from './features/vault/UnlockVault.tsx';
import { useVaultStatus } from './features/vault/useVaultStatus.ts';

const AREAS = [
  { id: 'overview', label: 'Overview' },
  { id: 'settings', label: 'Settings' },
] as const;
type Area = (typeof AREAS)[number]['id'];

function lockVault(): void {
  void invoke('vault.lock', {});
}

/** The frame around an unlocked vault: navigation, the current area, a status bar. */
function Workspace({ status, setStatus }: { status: VaultStatus; setStatus: (s: VaultStatus) => void }) {
  const [area, setArea] = useState<Area>('overview');
  return (
    <div className="frame">
      <header className="topbar">
        <span className="brand">Upright</span>
        <nav aria-label="Main">
          <ul>
            {AREAS.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={area === a.id ? 'page' : undefined}
                  onClick={() => setArea(a.id)}
                >
                  {a.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="lock-button" onClick={lockVault} title="Lock the vault (Ctrl+L)">
          Lock
        </button>
      </header>
      <main className="content">
        {area === 'overview' && <Overview status={status} />}
        {area === 'settings' && (
          <Settings
            autoLockMinutes={status.autoLockMinutes}
            onAutoLockChanged={(m) => setStatus({ ...status, autoLockMinutes: m })}
          />
        )}
      </main>
      <footer className="statusbar">
        <span>
          <span className="dot unlocked" aria-hidden="true" /> Vault unlocked
        </span>
        <span>Auto-lock after {status.autoLockMinutes} min</span>
        <span>Offline · no network connections</span>
      </footer>
    </div>
  );
}

export function App() {
  const { status, error, setStatus } = useVaultStatus();

  // Ctrl/Cmd+L locks from anywhere (the Electron menu has the same accelerator).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l' && status?.state === 'unlocked') {
        event.preventDefault();
        lockVault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [status?.state]);

  if (error) {
    return (
      <main className="gate">
        <section className="card gate-card">
          <h1>Upright cannot start</h1>
          <ErrorNote message={error} />
        </section>
      </main>
    );
  }
  if (!status) return <main className="gate" aria-busy="true" />;
  if (status.state === 'absent') return <CreateVault onCreated={setStatus} />;
  // Locking unmounts the workspace: no case data stays in the page.
  if (status.state === 'locked') return <UnlockVault status={status} onUnlocked={setStatus} />;
  return <Workspace status={status} setStatus={setStatus} />;
}
