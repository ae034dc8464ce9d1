// The dev preview and e2e harness: real services + the built renderer over the loopback bridge.
// Lives outside src/main/app so the packaged app can never start it.
import { dirname, join } from 'node:path';
import { handlers } from '../main/api/index.ts';
import { type Bridge, startBridge } from '../main/bridge/server.ts';
import { createServices, type Services } from '../main/services.ts';
import { IntegritySchedule } from '../main/vault/integrity-schedule.ts';
import type { KdfParams } from '../main/vault/keyslots.ts';
import { autoLockThrough } from '../main/vault/locker.ts';
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
  /**
   * How long one minute of the auto-lock setting lasts here (default a real minute). The e2e
   * harness shortens it so a spec can watch auto-lock fire without waiting minutes.
   */
  autoLockMinuteMs?: number;
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
    // Beside the preview's vault, as the app keeps it beside its own.
    diagnosticsPath: join(dirname(options.vaultLocation), 'diagnostics.log'),
  });
  // The browser reports no system idle time: the preview counts from the page's last API call.
  let lastActivity = Date.now();
  const minuteMs = options.autoLockMinuteMs ?? 60_000;
  const autoLock = autoLockThrough(
    services.locker,
    () => services.vault,
    () => ((Date.now() - lastActivity) / minuteMs) * 60,
  );
  const timer = setInterval(() => autoLock.check(), Math.min(15_000, minuteMs / 4));
  timer.unref();
  // The full integrity check, as the app runs it: idle minutes counted the same way.
  const integrity = new IntegritySchedule({
    vault: () => services.vault,
    idleSeconds: () => ((Date.now() - lastActivity) / minuteMs) * 60,
  });
  integrity.start(Math.min(60_000, minuteMs));
  const bridge = await startBridge({
    handlers,
    services,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    onActivity: () => {
      lastActivity = Date.now();
    },
  });
  // The page cannot be reloaded from here: it is asked to, over its event stream.
  const detach = services.locker.attach({
    count: () => bridge.listeners(),
    discard: () => services.events.emit('window.reload', {}),
  });
  return {
    bridge,
    services,
    close: async () => {
      clearInterval(timer);
      integrity.stop();
      detach();
      await bridge.close();
      services.close();
    },
  };
}
