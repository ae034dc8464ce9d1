// The dev preview and e2e harness: real services + the built renderer over the loopback bridge.
// Lives outside src/main/app so the packaged app can never start it.
import { handlers } from '../main/api/index.ts';
import { type Bridge, startBridge } from '../main/bridge/server.ts';
import { createServices, type Services } from '../main/services.ts';
import { AutoLock } from '../main/vault/auto-lock.ts';
import type { KdfParams } from '../main/vault/keyslots.ts';
import { previewDialogs } from './preview-dialogs.ts';

export interface PreviewOptions {
  vaultLocation: string;
  /** Where "Back up now…" and exports write (the browser has no native save dialog); created when needed. */
  backupDir: string;
  /** What "Import a folder…" / the file dialog answer with in the browser preview. */
  importPaths?: string[];
  /** The built renderer; omit for an API-only bridge. */
  staticDir?: string;
  kdf?: KdfParams;
  port?: number;
}

export interface Preview {
  bridge: Bridge;
  services: Services;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const services = createServices({
    vaultLocation: options.vaultLocation,
    runtime: { runtime: 'node', electron: null },
    dialogs: previewDialogs(options),
    ...(options.kdf ? { kdf: options.kdf } : {}),
  });
  let lastActivity = Date.now();
  const autoLock = new AutoLock({
    minutes: () => services.vault.status().autoLockMinutes,
    idleSeconds: () => (Date.now() - lastActivity) / 1000,
    lock: () => services.vault.lock(),
  });
  const timer = setInterval(() => autoLock.check(), 15_000);
  timer.unref();
  const bridge = await startBridge({
    handlers,
    services,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    onActivity: () => {
      lastActivity = Date.now();
    },
  });
  return {
    bridge,
    services,
    close: async () => {
      clearInterval(timer);
      await bridge.close();
      services.close();
    },
  };
}
