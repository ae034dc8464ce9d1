// The services every handler reaches through its context. Each transport builds one set:
// Electron main with native dialogs, the CLI with paths from its arguments, the test bridge
// with a folder chosen by the test.
import packageJson from '../../package.json' with { type: 'json' };
import { EventBus } from './events.ts';
import { cipherEngineVersion } from './store/engine-version.ts';
import type { KdfParams } from './vault/keyslots.ts';
import { Vault } from './vault/vault.ts';

/** Questions only a person at the machine can answer (where to save a file). */
export interface Dialogs {
  /** A folder path for a new backup, or null when the person cancelled. */
  chooseBackupFolder(suggestedName: string): Promise<string | null>;
}

export interface RuntimeInfo {
  runtime: 'electron' | 'node';
  electron: string | null;
}

export interface Services {
  readonly app: { name: string; version: string; cipher: string | null } & RuntimeInfo;
  readonly events: EventBus;
  readonly vault: Vault;
  readonly dialogs: Dialogs;
  /** Closes what is open (locks the vault); called when a transport shuts down. */
  close(): void;
}

export interface ServiceOptions {
  vaultLocation: string;
  runtime: RuntimeInfo;
  dialogs: Dialogs;
  /** Cheaper key derivation for tests; production uses the calibrated defaults. */
  kdf?: KdfParams;
}

export function createServices(options: ServiceOptions): Services {
  const events = new EventBus();
  const vault = new Vault({
    location: options.vaultLocation,
    ...(options.kdf ? { kdf: options.kdf } : {}),
    onChange: (status) => events.emit('vault.changed', status),
  });
  return {
    app: {
      name: packageJson.productName,
      version: packageJson.version,
      cipher: cipherEngineVersion(),
      ...options.runtime,
    },
    events,
    vault,
    dialogs: options.dialogs,
    close: () => vault.lock(),
  };
}
