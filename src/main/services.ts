// The services every handler reaches through its context. Each transport builds one set:
// Electron main with native dialogs, the CLI with paths from its arguments, the test bridge
// with a folder chosen by the test.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import type { EventPayload, VaultStatus } from '../shared/api.ts';
import { SuggestionQueue } from './annotate/suggestion-queue.ts';
import { type ComputeSuggestions, ExtractionThread } from './annotate/suggestion-thread.ts';
import { DiagnosticsLog } from './diagnostics/log.ts';
import { EventBus } from './events.ts';
import { ImportTasks } from './import/pipeline.ts';
import { PreferencesFileStore } from './preferences.ts';
import { createSampleVault, removeSampleVault, sampleLocation } from './sample.ts';
import { cipherEngineVersion } from './store/engine-version.ts';
import type { KdfParams } from './vault/keyslots.ts';
import { Locker } from './vault/locker.ts';
import { Vault } from './vault/vault.ts';

/** Questions only a person at the machine can answer (where to save a file). */
export interface Dialogs {
  /** A folder path for a new backup, or null when the person cancelled. */
  chooseBackupFolder(suggestedName: string): Promise<string | null>;
  /** Files, or one folder, to import; empty when the person cancelled. */
  chooseImportPaths(what: 'files' | 'folder'): Promise<string[]>;
  /** Where to write an exported file (a submission, annotations), or null when cancelled. */
  chooseSavePath(suggestedName: string, filter: SaveFilter): Promise<string | null>;
  /** A bundle file to open (an encrypted .age file from a colleague), or null when cancelled. */
  chooseBundleFile?(): Promise<string | null>;
  /** The shared inbox folder for bundles (one Syncthing or a share keeps in step), or null when cancelled. */
  chooseInboxFolder?(): Promise<string | null>;
}

/** What kind of file a save dialog offers: "Word document" with extensions ["docx"]. */
export interface SaveFilter {
  name: string;
  extensions: string[];
}

export interface RuntimeInfo {
  runtime: 'electron' | 'node';
  electron: string | null;
}

export interface Services {
  readonly app: { name: string; version: string; cipher: string | null } & RuntimeInfo;
  readonly events: EventBus;
  /** What failed recently, for "Copy diagnostics" (codes and timings only). */
  readonly diagnostics: DiagnosticsLog;
  /** Choices kept beside the person's vault (the interface language), readable while locked. */
  readonly preferences: PreferencesFileStore;
  /** The open vault: the person's own, or the sample while they explore it. */
  readonly vault: Vault;
  /**
   * The one lock path (button, shortcut, menu, auto-lock, sleep, screen lock, quit): asks the
   * windows to save what is pending, locks, discards the pages. The shell attaches its windows.
   */
  readonly locker: Locker;
  /** The vault's status as the API reports it (with whether it is the sample). */
  status(): VaultStatus;
  readonly sample: {
    /**
     * Switches to a fresh sample vault full of public documents; `fill` turns its dossier into the
     * worked example (through the API, on the sample vault) before anyone sees it.
     */
    explore(fill?: (sample: Vault, dossierId: string) => Promise<void>): Promise<void>;
    /** Deletes the sample vault and returns to the person's own. */
    leave(): void;
    /** Folder of the sample's documents (their originals). */
    readonly documents: string;
    /**
     * Works in the person's own vault with its passphrase, from the sample or not. Opened for the
     * work only when it was locked, and quietly: the windows keep showing what they showed.
     */
    withOwnVault<T>(passphrase: string, work: (vault: Vault) => Promise<T>): Promise<T>;
  };
  readonly dialogs: Dialogs;
  /** Imports in progress, by task id (for cancel). */
  readonly imports: ImportTasks;
  /** Suggestions computed in the background (on a worker thread) and cached in the vault. */
  readonly suggestions: SuggestionQueue;
  /** Closes what is open (locks the vault); called when a transport shuts down. */
  close(): void;
}

export interface ServiceOptions {
  vaultLocation: string;
  runtime: RuntimeInfo;
  dialogs: Dialogs;
  /** Cheaper key derivation for tests; production uses the calibrated defaults. */
  kdf?: KdfParams;
  /** Folder of the public documents the sample dossier is made from. */
  sampleDocuments?: string;
  /** The diagnostics log file (outside the vault); absent: kept in memory only (the CLI). */
  diagnosticsPath?: string;
  /** How suggestions are computed; a worker thread unless a test counts the runs. */
  computeSuggestions?: ComputeSuggestions;
}

/** What About shows of a vault's protection: its key derivation, its page cipher and its last full check. */
function health(vault: Vault): Pick<VaultStatus, 'kdf' | 'integrity' | 'cipher'> {
  return { kdf: vault.kdfParams(), integrity: vault.lastIntegrityCheck(), cipher: vault.pageCipher() };
}

/** resources/sample in a source checkout (the packaged app passes process.resourcesPath/sample). */
export const SOURCE_SAMPLE_DOCUMENTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'sample');

export function createServices(options: ServiceOptions): Services {
  const events = new EventBus();
  const diagnostics = new DiagnosticsLog(options.diagnosticsPath ?? null);
  // A file the import refused is a failure worth knowing about; only its code is kept, not its name.
  events.listen((name, payload) => {
    if (name !== 'import.progress') return;
    const outcome = (payload as EventPayload<'import.progress'>).outcome;
    if (outcome?.status === 'failed') diagnostics.record('import', 'source.import', outcome.error?.code ?? null, 0);
  });
  const imports = new ImportTasks();
  const extraction = new ExtractionThread();
  const suggestions = new SuggestionQueue({
    compute: options.computeSuggestions ?? extraction.compute,
    onReady: (sourceId) => events.emit('suggestion.ready', { sourceId }),
    // A cache write waits while an import stores a file, instead of waiting for its lock on this thread.
    writeGate: { busy: () => current.importWriting(), idle: () => current.importWritesIdle() },
    // While a batch runs, its vault worker writes the cache: the main process pays no commit.
    writeElsewhere: (store, sourceId, fingerprint, found) =>
      current.status().state === 'unlocked' && current.store() === store
        ? current.cacheSuggestionsInWorker(sourceId, fingerprint, found)
        : null,
  });
  const samplePath = sampleLocation(options.vaultLocation);
  removeSampleVault(samplePath);

  // While the sample is being filled, its changes are not announced: the page would show it half-built.
  let building = false;
  // While the person's own vault is opened only to copy into it, the windows go on showing the sample.
  let quietOwn = false;
  const makeVault = (location: string, sample: boolean) => {
    const vault: Vault = new Vault({
      location,
      ...(options.kdf ? { kdf: options.kdf } : {}),
      onChange: (status) => {
        if (!sample && quietOwn) return;
        // A locked vault takes no more files: the file being parsed is stopped at once (its worker
        // is killed), not read to the end with the keys gone.
        if (status.state !== 'unlocked') imports.cancelAll();
        if (!building) events.emit('vault.changed', { ...status, ...health(vault), sample });
      },
      onTaskProgress: (progress) => events.emit('task.progress', progress),
      onMigrationProgress: (progress) => {
        if (!sample && quietOwn) return;
        events.emit('vault.migrating', progress);
      },
    });
    return vault;
  };
  const own = makeVault(options.vaultLocation, false);
  let current = own;
  const isSample = () => current !== own;
  const locker = new Locker({ events, vault: () => current });

  return {
    app: {
      name: packageJson.productName,
      version: packageJson.version,
      cipher: cipherEngineVersion(),
      ...options.runtime,
    },
    events,
    diagnostics,
    preferences: new PreferencesFileStore(options.vaultLocation),
    locker,
    get vault() {
      return current;
    },
    status: () => ({ ...current.status(), ...health(current), sample: isSample() }),
    sample: {
      documents: options.sampleDocuments ?? SOURCE_SAMPLE_DOCUMENTS,
      explore: async (fill) => {
        imports.cancelAll();
        suggestions.clear();
        current.lock();
        const sample = makeVault(samplePath, true);
        building = true;
        try {
          const dossierId = await createSampleVault(sample, options.sampleDocuments ?? SOURCE_SAMPLE_DOCUMENTS);
          await fill?.(sample, dossierId);
        } catch (error) {
          sample.lock();
          removeSampleVault(samplePath);
          throw error;
        } finally {
          building = false;
        }
        current = sample;
        events.emit('vault.changed', { ...sample.status(), ...health(sample), sample: true });
      },
      leave: () => {
        if (!isSample()) return;
        imports.cancelAll();
        suggestions.clear();
        current.lock();
        removeSampleVault(samplePath);
        current = own;
        events.emit('vault.changed', { ...own.status(), ...health(own), sample: false });
      },
      withOwnVault: async (passphrase, work) => {
        // Already open (not in the sample): unlock only checks the passphrase.
        const wasOpen = own.status().state === 'unlocked';
        quietOwn = !wasOpen;
        try {
          await own.unlock(passphrase);
          return await work(own);
        } finally {
          if (!wasOpen) own.lock();
          quietOwn = false;
        }
      },
    },
    dialogs: options.dialogs,
    imports,
    suggestions,
    close: () => {
      imports.cancelAll();
      suggestions.clear();
      extraction.close();
      current.lock();
      if (isSample()) removeSampleVault(samplePath);
    },
  };
}
