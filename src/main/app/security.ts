// Every Electron security setting as a pure value or function, so unit tests prove them under
// plain Node without an Electron binary. main.ts only wires these into Electron.
// This file must not import 'electron' at run time (types only).
import { join, normalize, sep } from 'node:path';
import type { WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../security/csp.ts';

/** The renderer is served over a custom standard+secure scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'upright';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: false },
} as const;

/**
 * The window's session has no "persist:" prefix, so Chromium keeps its cache, local storage,
 * IndexedDB and cookies in memory only: nothing the page held reaches the disk.
 */
export const WINDOW_PARTITION = 'upright';

/**
 * Where Chromium writes the files it keeps even for an in-memory session (GPU and shader caches,
 * "Local State"): a folder of its own beside, never inside, the vault folder, so a backup or a
 * copied vault carries none of them. Set with app.setPath('sessionData', …) before ready.
 */
export function sessionDataPath(userData: string): string {
  return join(userData, 'Chromium');
}

/** Developer tools only in a development build: in the packaged app they would open every secret in the page. */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}

export function windowWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    partition: WINDOW_PARTITION,
    devTools: devToolsAllowed(isPackaged),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Chromium's spellchecker downloads dictionaries from the internet.
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Unsandboxed V8 code caches would be plaintext traces of what was shown.
    v8CacheOptions: 'none',
  };
}

/**
 * Chromium switches that stop background traffic and on-disk caches. Electron makes no update
 * checks or crash uploads unless asked; these close what Chromium would do on its own.
 * The host resolver rules are a second barrier behind the request filter: every name (and IP
 * literal) resolves to nothing, so even a request the filter missed reaches no one. In development
 * only, the loopback dev server's host is excepted.
 */
export function chromiumSwitches(devServer: string | null): Array<readonly [string, string?]> {
  const devHost = devServer ? new URL(devServer).hostname : null;
  return [
    ['disable-http-cache'],
    ['disable-background-networking'],
    ['disable-component-update'],
    ['disable-domain-reliability'],
    ['disable-breakpad'],
    ['no-pings'],
    ['disable-features', 'SpellcheckService,AutofillServerCommunication,MediaRouter,OptimizationHints,Translate'],
    ['host-resolver-rules', devHost ? `MAP * ~NOTFOUND, EXCLUDE ${devHost}` : 'MAP * ~NOTFOUND'],
  ];
}

/** WebRTC may use no network interface of its own (it could otherwise reveal addresses). */
export const WEBRTC_IP_POLICY = 'disable_non_proxied_udp' as const;

/**
 * Whether to empty the app's recent-documents list at start. macOS keeps a list per app (Recent
 * Items); Windows' call would clear the person's whole list, not just ours, and nothing of ours
 * reaches it since every dialog says dontAddToRecent; Linux has none.
 */
export function clearsRecentDocuments(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

/** Dev server origin during `npm run dev` only (electron-vite sets ELECTRON_RENDERER_URL); null when packaged. */
export function devServerOrigin(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const url = env.ELECTRON_RENDERER_URL;
  if (!url) return null;
  const parsed = new URL(url);
  // Only a loopback dev server is ever trusted.
  return ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname) ? parsed.origin : null;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The app's own origin (app://upright). `URL.origin` is "null" for non-special schemes, so compare by parts. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The network filter: every request is cancelled except the app's own bundled files,
 * in-memory data/blob URLs created by the app, and (in dev only) the local dev server.
 */
export function isAllowedRequest(url: string, devServer: string | null = null): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:'))
    return isAppUrl(url.slice(5)) || (devServer !== null && originOf(url.slice(5)) === devServer);
  if (devServer !== null) {
    if (originOf(url) === devServer) return true;
    if (url.startsWith('ws://') && originOf(url.replace(/^ws:/, 'http:')) === devServer) return true;
    if (url.startsWith('devtools://')) return true;
  }
  return false;
}

/** Navigation away from the app is never allowed (links in sources are shown, not followed). */
export function isAllowedNavigation(url: string, devServer: string | null = null): boolean {
  return isAppUrl(url) || (devServer !== null && originOf(url) === devServer);
}

/** IPC is answered only for the app's own top frame. */
export function isTrustedSender(frameUrl: string | undefined, devServer: string | null = null): boolean {
  return frameUrl !== undefined && isAllowedNavigation(frameUrl, devServer);
}

/** Camera, microphone, geolocation, notifications, clipboard-read, … : all refused. */
export function permissionRequestHandler(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function permissionCheckHandler(): boolean {
  return false;
}

export function windowOpenHandler(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Response headers for every file served over app://. */
export function appResponseHeaders(contentType: string, devServer: string | null = null): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(devServer ? { devServer } : {}),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** Maps app://upright/<path> to a file inside the built renderer; null for anything outside it. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const { pathname } = new URL(requestUrl);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return null;
  }
  const root = normalize(rendererDir);
  const file = normalize(`${root}${sep}${relative}`);
  return file.startsWith(root + sep) ? file : null;
}
