import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { FormattedMessage, useIntl } from 'react-intl';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import type { VaultStatus } from '../../shared/api.ts';
import { invoke, subscribe } from './api/client.ts';
import { answerLockRequests, lockVault } from './api/lock.ts';
import { followMainEvents, mutate, queryClient, useApi } from './api/queries.ts';
import { ErrorNote } from './components/ErrorNote.tsx';
import { ScreenFailed } from './components/ScreenFailed.tsx';
import { CodeBook } from './features/codes/CodeBook.tsx';
import { DossierList } from './features/dossiers/DossierList.tsx';
import { DossierView } from './features/dossiers/DossierView.tsx';
import { DraftEditor } from './features/drafts/DraftEditor.tsx';
import { EntitiesPage } from './features/entities/EntitiesPage.tsx';
import { HelpPage } from './features/help/HelpPage.tsx';
import { Reader } from './features/reader/Reader.tsx';
import { placeOfHit } from './features/search/results.ts';
import { SearchPage } from './features/search/SearchPage.tsx';
import { SearchPalette } from './features/search/SearchPalette.tsx';
import { Settings } from './features/settings/Settings.tsx';
import { CreateVault } from './features/vault/CreateVault.tsx';
import { RecoveryKeyNotice } from './features/vault/RecoveryKeyNotice.tsx';
import { SampleBanner } from './features/vault/SampleBanner.tsx';
import { UnlockVault } from './features/vault/UnlockVault.tsx';
import { useVaultStatus } from './features/vault/useVaultStatus.ts';
import { useErrorText } from './i18n/errors.ts';
import { LanguageProvider } from './i18n/LanguageProvider.tsx';
import { useGo, useHistoryButtons, usePlace } from './routes/navigation.ts';
import { type Place, pathFor } from './routes/places.ts';

function lock(): void {
  void lockVault();
}

/** A title from the cache (the screen below asks for the same record), or nothing while it loads. */
function useTitle(method: 'dossier.get' | 'source.get' | 'draft.get', id: string | undefined): string {
  const result = useApi(method, { id: id ?? '' }, { enabled: id !== undefined });
  return result.data?.title ?? '…';
}

function Breadcrumbs({ place }: { place: Place }) {
  const go = useGo();
  const intl = useIntl();
  const inDossier = place.area === 'dossier' || place.area === 'source' || place.area === 'draft';
  const dossierTitle = useTitle('dossier.get', inDossier ? place.dossierId : undefined);
  const sourceTitle = useTitle('source.get', place.area === 'source' ? place.sourceId : undefined);
  const draftTitle = useTitle('draft.get', place.area === 'draft' ? place.draftId : undefined);
  if (!inDossier) return null;
  return (
    <nav
      aria-label={intl.formatMessage({ id: 'shell.breadcrumb', defaultMessage: 'Breadcrumb' })}
      className="breadcrumbs"
    >
      <ol>
        <li>
          <button type="button" className="link" onClick={() => go({ area: 'dossiers' })}>
            <FormattedMessage id="shell.area.dossiers" defaultMessage="Dossiers" />
          </button>
        </li>
        {place.area === 'dossier' ? (
          <li aria-current="page">{dossierTitle}</li>
        ) : (
          <>
            <li>
              <button
                type="button"
                className="link"
                onClick={() =>
                  go({
                    area: 'dossier',
                    dossierId: place.dossierId,
                    tab: place.area === 'draft' ? 'drafts' : 'sources',
                  })
                }
              >
                {dossierTitle}
              </button>
            </li>
            <li aria-current="page">{place.area === 'source' ? sourceTitle : draftTitle}</li>
          </>
        )}
      </ol>
    </nav>
  );
}

/** The screen for the current address; each screen asks to go elsewhere through `go`. */
function Screen({
  place,
  status,
  setStatus,
  searchRun,
}: {
  place: Place | null;
  status: VaultStatus;
  setStatus: (s: VaultStatus) => void;
  /** Bumped when the palette opens the search screen: a fresh screen with the palette's words. */
  searchRun: number;
}) {
  const go = useGo();
  if (!place) {
    return (
      <p role="alert">
        <FormattedMessage id="shell.placeNotFound" defaultMessage="This place does not exist (any more)." />{' '}
        <button type="button" className="link" onClick={() => go({ area: 'dossiers' })}>
          <FormattedMessage id="shell.backToDossiers" defaultMessage="Back to the dossiers" />
        </button>
      </p>
    );
  }
  switch (place.area) {
    case 'dossiers':
      return <DossierList onOpen={(d) => go({ area: 'dossier', dossierId: d.id })} />;
    case 'dossier':
      return (
        <DossierView
          key={place.dossierId}
          dossierId={place.dossierId}
          tab={place.tab}
          recommendationId={place.recommendationId}
          onTab={(tab) => go({ area: 'dossier', dossierId: place.dossierId, tab }, { replace: true })}
          onOpenRecommendation={(recommendationId) =>
            go({
              area: 'dossier',
              dossierId: place.dossierId,
              tab: 'recommendations',
              ...(recommendationId ? { recommendationId } : {}),
            })
          }
          onOpenDraft={(d) => go({ area: 'draft', dossierId: place.dossierId, draftId: d.id })}
          onOpenSource={(s) => go({ area: 'source', dossierId: place.dossierId, sourceId: s.id })}
          onOpenExcerpt={(e) =>
            go({ area: 'source', dossierId: place.dossierId, sourceId: e.sourceId, excerptId: e.id })
          }
          onSearch={() => go({ area: 'search', dossierId: place.dossierId })}
        />
      );
    case 'search':
      return (
        <SearchPage
          key={searchRun}
          dossierId={place.dossierId}
          query={place.query}
          filters={place.filters}
          onQueryChange={(query, { dossierId, ...filters }) => {
            const next: Place = { area: 'search' };
            if (dossierId) next.dossierId = dossierId;
            if (query) next.query = query;
            if (Object.keys(filters).length > 0) next.filters = filters;
            if (pathFor(next) !== pathFor(place)) go(next, { replace: true });
          }}
          onOpen={(hit) => {
            const target = placeOfHit(hit);
            if (target) go(target);
          }}
        />
      );
    case 'source':
      return (
        <Reader
          key={`${place.sourceId}-${place.excerptId ?? ''}-${place.range?.join('-') ?? ''}`}
          sourceId={place.sourceId}
          initialExcerpt={place.excerptId ?? null}
          initialRange={place.range ?? null}
        />
      );
    case 'draft':
      return (
        <DraftEditor
          key={place.draftId}
          draftId={place.draftId}
          onRenamed={() => void queryClient.invalidateQueries({ queryKey: ['draft.get', { id: place.draftId }] })}
        />
      );
    case 'codes':
      return <CodeBook />;
    case 'entities':
      return (
        <EntitiesPage
          entityId={place.entityId ?? null}
          onOpenEntity={(entityId) => go(entityId ? { area: 'entities', entityId } : { area: 'entities' })}
          onOpenExcerpt={(e) => go({ area: 'source', dossierId: e.dossierId, sourceId: e.sourceId, excerptId: e.id })}
          onOpenSource={(s) => go({ area: 'source', dossierId: s.dossierId, sourceId: s.id })}
          onOpenMention={(m) =>
            go({ area: 'source', dossierId: m.dossierId, sourceId: m.sourceId, range: [m.start, m.end] })
          }
        />
      );
    case 'settings':
      return <Settings status={status} onAutoLockChanged={(m) => setStatus({ ...status, autoLockMinutes: m })} />;
    case 'help':
      return <HelpPage status={status} />;
  }
}

const AREAS = ['dossiers', 'search', 'codes', 'entities', 'settings', 'help'] as const;

function AreaLabel({ area }: { area: (typeof AREAS)[number] }) {
  switch (area) {
    case 'dossiers':
      return <FormattedMessage id="shell.area.dossiers" defaultMessage="Dossiers" />;
    case 'search':
      return <FormattedMessage id="shell.area.search" defaultMessage="Search" />;
    case 'codes':
      return <FormattedMessage id="shell.area.codes" defaultMessage="Code book" />;
    case 'entities':
      return <FormattedMessage id="shell.area.entities" defaultMessage="Entities" />;
    case 'settings':
      return <FormattedMessage id="shell.area.settings" defaultMessage="Settings" />;
    case 'help':
      return <FormattedMessage id="shell.area.help" defaultMessage="Help" />;
  }
}

/** The frame around an unlocked vault: navigation, the current place, a status bar. */
function Workspace({ status, setStatus }: { status: VaultStatus; setStatus: (s: VaultStatus) => void }) {
  const intl = useIntl();
  const place = usePlace();
  const go = useGo();
  const history = useHistoryButtons();
  const location = useLocation();
  const top =
    place &&
    (place.area === 'settings' ||
      place.area === 'codes' ||
      place.area === 'entities' ||
      place.area === 'help' ||
      place.area === 'search')
      ? place.area
      : 'dossiers';
  const [palette, setPalette] = useState(false);
  const [searchRun, setSearchRun] = useState(0);
  // The palette searches the dossier open behind it first.
  const openDossier =
    place && (place.area === 'dossier' || place.area === 'source' || place.area === 'draft')
      ? place.dossierId
      : place?.area === 'search'
        ? (place.dossierId ?? null)
        : null;

  // Ctrl/Cmd+K opens the quick search palette from anywhere in the workspace (and closes it again).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPalette((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Alt+Left / Alt+Right and the mouse's back and forward buttons, as in a browser.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowLeft' && history.canBack) history.back();
      else if (event.key === 'ArrowRight' && history.canForward) history.forward();
      else return;
      event.preventDefault();
    };
    const onMouse = (event: MouseEvent) => {
      if (event.button === 3 && history.canBack) history.back();
      else if (event.button === 4 && history.canForward) history.forward();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mouseup', onMouse);
    };
  }, [history]);

  return (
    <div className="frame">
      {status.sample && <SampleBanner onLeft={setStatus} />}
      <header className="topbar">
        <span className="brand">Upright</span>
        <div className="history-buttons">
          <button
            type="button"
            className="icon-button"
            onClick={history.back}
            disabled={!history.canBack}
            aria-label={intl.formatMessage({ id: 'shell.back', defaultMessage: 'Back' })}
            title={intl.formatMessage({ id: 'shell.back.hint', defaultMessage: 'Back (Alt+Left)' })}
          >
            ←
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={history.forward}
            disabled={!history.canForward}
            aria-label={intl.formatMessage({ id: 'shell.forward', defaultMessage: 'Forward' })}
            title={intl.formatMessage({ id: 'shell.forward.hint', defaultMessage: 'Forward (Alt+Right)' })}
          >
            →
          </button>
        </div>
        <nav aria-label={intl.formatMessage({ id: 'shell.mainNav', defaultMessage: 'Main' })}>
          <ul>
            {AREAS.map((area) => (
              <li key={area}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={top === area ? 'page' : undefined}
                  onClick={() => go({ area })}
                >
                  <AreaLabel area={area} />
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          className="lock-button"
          onClick={lock}
          title={intl.formatMessage({ id: 'shell.lock.hint', defaultMessage: 'Lock the vault (Ctrl+L)' })}
        >
          <FormattedMessage id="shell.lock" defaultMessage="Lock" />
        </button>
      </header>
      <main className="content">
        {place && <Breadcrumbs place={place} />}
        {/* A screen that fails shows why and can be retried; the frame, navigation and Lock stay. */}
        <ErrorBoundary FallbackComponent={ScreenFailed} resetKeys={[location.key]}>
          <Screen place={place} status={status} setStatus={setStatus} searchRun={searchRun} />
        </ErrorBoundary>
      </main>
      {palette && (
        <SearchPalette
          dossierId={openDossier}
          onClose={() => setPalette(false)}
          onOpen={(hit) => {
            const target = placeOfHit(hit);
            setPalette(false);
            if (target) go(target);
          }}
          onShowAll={(query, dossierId) => {
            setPalette(false);
            setSearchRun((n) => n + 1);
            go(dossierId ? { area: 'search', dossierId, query } : { area: 'search', query });
          }}
        />
      )}
      <footer className="statusbar">
        <span>
          <span className="dot unlocked" aria-hidden="true" />{' '}
          {status.sample ? (
            <FormattedMessage id="shell.status.sampleUnlocked" defaultMessage="Sample vault unlocked" />
          ) : (
            <FormattedMessage id="shell.status.unlocked" defaultMessage="Vault unlocked" />
          )}
        </span>
        <span>
          <FormattedMessage
            id="shell.status.autoLock"
            defaultMessage="Auto-lock after {minutes} min"
            values={{ minutes: status.autoLockMinutes }}
          />
        </span>
        <span>
          <FormattedMessage id="shell.status.offline" defaultMessage="Offline · no network connections" />
        </span>
      </footer>
    </div>
  );
}

/** The sample vault has a passphrase nobody knows: once locked, it is left, not unlocked. */
function SampleClosed({ onLeft }: { onLeft: (s: VaultStatus) => void }) {
  return (
    <main className="gate">
      <section className="card gate-card" aria-labelledby="sample-closed">
        <h1 id="sample-closed">
          <FormattedMessage id="shell.sampleClosed.title" defaultMessage="The sample vault is closed" />
        </h1>
        <p className="lede">
          <FormattedMessage
            id="shell.sampleClosed.body"
            defaultMessage="It was locked, so its contents are gone from this window. Leave it to return to your own vault."
          />
        </p>
        <button type="button" className="primary" onClick={() => void mutate('sample.leave', {}).then(onLeft)}>
          <FormattedMessage id="shell.sample.leave" defaultMessage="Leave the sample" />
        </button>
      </section>
    </main>
  );
}

function Gate() {
  const { status, error, setStatus } = useVaultStatus();
  const errorText = useErrorText();
  // Shown once, right after creation, before the workspace (even though the vault is already open).
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

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
          <h1>
            <FormattedMessage id="shell.cannotStart" defaultMessage="Upright cannot start" />
          </h1>
          <ErrorNote message={errorText(error)} />
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

/** Counts switches between the person's vault and the sample, as main announces them. */
function useVaultSwitches(): number {
  const [switches, setSwitches] = useState(0);
  const sample = useRef<boolean | null>(null);
  useEffect(() => {
    const stop = subscribe('vault.changed', (status) => {
      if (sample.current !== null && sample.current !== status.sample) setSwitches((n) => n + 1);
      sample.current = status.sample;
    });
    invoke('vault.status', {})
      .then((status) => {
        sample.current ??= status.sample;
      })
      .catch(() => undefined);
    return stop;
  }, []);
  return switches;
}

export function App() {
  // However the vault is locked, main first asks this page to save what it holds; main's events
  // keep the query cache true (and empty it on lock).
  useEffect(() => answerLockRequests(), []);
  useEffect(() => followMainEvents(), []);
  // One router per vault shown: the workspace's back/forward history lives in memory only, and
  // entering or leaving the sample starts a fresh one (its places do not exist in the other vault).
  const vaultShown = useVaultSwitches();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new router for each vault shown
  const router = useMemo(() => createMemoryRouter([{ path: '*', element: <Gate /> }]), [vaultShown]);
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>
  );
}
