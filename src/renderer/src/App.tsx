import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../shared/api.ts';
import { invoke } from './api/client.ts';
import { answerLockRequests, lockVault } from './api/lock.ts';
import { ErrorNote } from './components/ErrorNote.tsx';
import { CodeBook } from './features/codes/CodeBook.tsx';
import { DossierList } from './features/dossiers/DossierList.tsx';
import { type DossierTab, DossierView } from './features/dossiers/DossierView.tsx';
import { DraftEditor } from './features/drafts/DraftEditor.tsx';
import { EntitiesPage } from './features/entities/EntitiesPage.tsx';
import { HelpPage } from './features/help/HelpPage.tsx';
import { Reader } from './features/reader/Reader.tsx';
import { Settings } from './features/settings/Settings.tsx';
import { CreateVault } from './features/vault/CreateVault.tsx';
import { RecoveryKeyNotice } from './features/vault/RecoveryKeyNotice.tsx';
import { SampleBanner } from './features/vault/SampleBanner.tsx';
import { UnlockVault } from './features/vault/UnlockVault.tsx';
import { useVaultStatus } from './features/vault/useVaultStatus.ts';

type View =
  | { area: 'dossiers' }
  | { area: 'dossier'; dossierId: string; title: string; tab?: DossierTab }
  | { area: 'draft'; dossierId: string; dossierTitle: string; draftId: string; title: string }
  | {
      area: 'source';
      dossierId: string;
      dossierTitle: string;
      sourceId: string;
      title: string;
      excerptId?: string;
      /** Words to show on opening (a linked mention). */
      range?: [number, number];
    }
  | { area: 'codes' }
  | { area: 'entities'; entityId?: string }
  | { area: 'settings' }
  | { area: 'help' };

const AREAS = [
  { area: 'dossiers', label: 'Dossiers' },
  { area: 'codes', label: 'Code book' },
  { area: 'entities', label: 'Entities' },
  { area: 'settings', label: 'Settings' },
  { area: 'help', label: 'Help' },
] as const;

function lock(): void {
  void lockVault();
}

function Breadcrumbs({ view, go }: { view: View; go: (v: View) => void }) {
  if (view.area !== 'dossier' && view.area !== 'source' && view.area !== 'draft') return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        <li>
          <button type="button" className="link" onClick={() => go({ area: 'dossiers' })}>
            Dossiers
          </button>
        </li>
        {view.area === 'dossier' && <li aria-current="page">{view.title}</li>}
        {view.area === 'source' && (
          <>
            <li>
              <button
                type="button"
                className="link"
                onClick={() => go({ area: 'dossier', dossierId: view.dossierId, title: view.dossierTitle })}
              >
                {view.dossierTitle}
              </button>
            </li>
            <li aria-current="page">{view.title}</li>
          </>
        )}
        {view.area === 'draft' && (
          <>
            <li>
              <button
                type="button"
                className="link"
                onClick={() =>
                  go({ area: 'dossier', dossierId: view.dossierId, title: view.dossierTitle, tab: 'drafts' })
                }
              >
                {view.dossierTitle}
              </button>
            </li>
            <li aria-current="page">{view.title}</li>
          </>
        )}
      </ol>
    </nav>
  );
}

/** The frame around an unlocked vault: navigation, the current area, a status bar. */
function Workspace({ status, setStatus }: { status: VaultStatus; setStatus: (s: VaultStatus) => void }) {
  const [view, setView] = useState<View>({ area: 'dossiers' });
  const top =
    view.area === 'settings' || view.area === 'codes' || view.area === 'entities' || view.area === 'help'
      ? view.area
      : 'dossiers';
  return (
    <div className="frame">
      {status.sample && <SampleBanner onLeft={setStatus} />}
      <header className="topbar">
        <span className="brand">Upright</span>
        <nav aria-label="Main">
          <ul>
            {AREAS.map((a) => (
              <li key={a.area}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={top === a.area ? 'page' : undefined}
                  onClick={() => setView({ area: a.area })}
                >
                  {a.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="lock-button" onClick={lock} title="Lock the vault (Ctrl+L)">
          Lock
        </button>
      </header>
      <main className="content">
        <Breadcrumbs view={view} go={setView} />
        {view.area === 'dossiers' && (
          <DossierList onOpen={(d) => setView({ area: 'dossier', dossierId: d.id, title: d.title })} />
        )}
        {view.area === 'dossier' && (
          <DossierView
            dossierId={view.dossierId}
            initialTab={view.tab}
            onOpenDraft={(d) =>
              setView({
                area: 'draft',
                dossierId: view.dossierId,
                dossierTitle: view.title,
                draftId: d.id,
                title: d.title,
              })
            }
            onOpenSource={(s) =>
              setView({
                area: 'source',
                dossierId: view.dossierId,
                dossierTitle: view.title,
                sourceId: s.id,
                title: s.title,
              })
            }
            onOpenExcerpt={(e) =>
              setView({
                area: 'source',
                dossierId: view.dossierId,
                dossierTitle: view.title,
                sourceId: e.sourceId,
                title: e.sourceTitle,
                excerptId: e.id,
              })
            }
          />
        )}
        {view.area === 'source' && (
          <Reader
            key={`${view.sourceId}-${view.excerptId ?? ''}-${view.range?.join('-') ?? ''}`}
            sourceId={view.sourceId}
            initialExcerpt={view.excerptId ?? null}
            initialRange={view.range ?? null}
          />
        )}
        {view.area === 'draft' && (
          <DraftEditor
            draftId={view.draftId}
            onRenamed={(title) => setView((v) => (v.area === 'draft' ? { ...v, title } : v))}
          />
        )}
        {view.area === 'codes' && <CodeBook />}
        {view.area === 'entities' && (
          <EntitiesPage
            entityId={view.entityId ?? null}
            onOpenEntity={(entityId) => setView(entityId ? { area: 'entities', entityId } : { area: 'entities' })}
            onOpenExcerpt={(e) =>
              setView({
                area: 'source',
                dossierId: e.dossierId,
                dossierTitle: e.dossierTitle,
                sourceId: e.sourceId,
                title: e.sourceTitle,
                excerptId: e.id,
              })
            }
            onOpenSource={(s) =>
              setView({
                area: 'source',
                dossierId: s.dossierId,
                dossierTitle: s.dossierTitle,
                sourceId: s.id,
                title: s.title,
              })
            }
            onOpenMention={(m) =>
              setView({
                area: 'source',
                dossierId: m.dossierId,
                dossierTitle: m.dossierTitle,
                sourceId: m.sourceId,
                title: m.sourceTitle,
                range: [m.start, m.end],
              })
            }
          />
        )}
        {view.area === 'help' && <HelpPage status={status} />}
        {view.area === 'settings' && (
          <Settings status={status} onAutoLockChanged={(m) => setStatus({ ...status, autoLockMinutes: m })} />
        )}
      </main>
      <footer className="statusbar">
        <span>
          <span className="dot unlocked" aria-hidden="true" />{' '}
          {status.sample ? 'Sample vault unlocked' : 'Vault unlocked'}
        </span>
        <span>Auto-lock after {status.autoLockMinutes} min</span>
        <span>Offline · no network connections</span>
      </footer>
    </div>
  );
}

/** The sample vault has a passphrase nobody knows: once locked, it is left, not unlocked. */
function SampleClosed({ onLeft }: { onLeft: (s: VaultStatus) => void }) {
  return (
    <main className="gate">
      <section className="card gate-card" aria-labelledby="sample-closed">
        <h1 id="sample-closed">The sample vault is closed</h1>
        <p className="lede">
          It was locked, so its contents are gone from this window. Leave it to return to your own vault.
        </p>
        <button type="button" className="primary" onClick={() => void invoke('sample.leave', {}).then(onLeft)}>
          Leave the sample
        </button>
      </section>
    </main>
  );
}

export function App() {
  const { status, error, setStatus } = useVaultStatus();
  // Shown once, right after creation, before the workspace (even though the vault is already open).
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  // However the vault is locked, main first asks this page to save what it holds.
  useEffect(() => answerLockRequests(), []);

  // Ctrl/Cmd+L locks from anywhere (the Electron menu has the same accelerator), without leaving
  // the field being typed in: the lock path saves it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l' && status?.state === 'unlocked') {
        event.preventDefault();
        lock();
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
  if (recoveryKey && status.state !== 'absent') {
    return <RecoveryKeyNotice recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />;
  }
  if (status.state === 'absent') {
    return (
      <CreateVault
        onCreated={(created) => {
          setRecoveryKey(created.recoveryKey);
          setStatus(created.status);
        }}
        onSample={setStatus}
      />
    );
  }
  // Locking unmounts the workspace: no case data stays in the page.
  if (status.state === 'locked' && status.sample) return <SampleClosed onLeft={setStatus} />;
  if (status.state === 'locked') return <UnlockVault status={status} onUnlocked={setStatus} />;
  return <Workspace status={status} setStatus={setStatus} />;
}
