// The Electron shell: the only code that touches Electron. It hardens the session, serves the
// built renderer over app://, and wires the API table to IPC. Everything else runs under Node.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, powerMonitor, protocol, session } from 'electron';
import { handlers } from '../api/index.ts';
import { createServices, type Services } from '../services.ts';
import { IntegritySchedule } from '../vault/integrity-schedule.ts';
import { autoLockThrough } from '../vault/locker.ts';
import { locateBundledWorkers } from '../workers/entries.ts';
import {
  backupDialogOptions,
  bundleDialogOptions,
  exportDialogOptions,
  importDialogOptions,
  inboxDialogOptions,
} from './dialogs.ts';
import { forwardEvents, registerIpc } from './ipc.ts';
import {
  APP_ENTRY,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  chromiumSwitches,
  clearsRecentDocuments,
  devServerOrigin,
  isAllowedNavigation,
  isAllowedRequest,
  permissionCheckHandler,
  permissionRequestHandler,
  resolveAppFile,
  sessionDataPath,
  WEBRTC_IP_POLICY,
  WINDOW_PARTITION,
  windowOpenHandler,
  windowWebPreferences,
} from './security.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
// Worker scripts (the parse worker) sit beside this bundle in out/main/.
locateBundledWorkers(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
const devServer = devServerOrigin(process.env, app.isPackaged);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

// Before ready: Chromium's own files go to a folder of their own, never into the vault's.
app.setPath('sessionData', sessionDataPath(app.getPath('userData')));
for (const [name, value] of chromiumSwitches(devServer)) app.commandLine.appendSwitch(name, value);
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;

function hardenSession(): void {
  // The window uses its in-memory partition; the default session is hardened too, in case anything reaches it.
  for (const ses of [session.fromPartition(WINDOW_PARTITION), session.defaultSession]) {
    ses.setPermissionRequestHandler(permissionRequestHandler);
    ses.setPermissionCheckHandler(permissionCheckHandler);
    ses.setSpellCheckerEnabled(false);
    ses.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !isAllowedRequest(details.url, devServer) }),
    );
    if (devServer) {
      ses.webRequest.onHeadersReceived((details, callback) =>
        callback({
          responseHeaders: { ...details.responseHeaders, ...headerArrays(appResponseHeaders('', devServer)) },
        }),
      );
    }
    ses.protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppFile(rendererDir, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      try {
        const body = await readFile(file);
        return new Response(body, { headers: appResponseHeaders(MIME[extname(file)] ?? 'application/octet-stream') });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });
  }
}

function headerArrays(headers: Record<string, string>): Record<string, string[]> {
  const { 'Content-Type': _type, ...rest } = headers;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, [v]]));
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Upright',
    backgroundColor: '#f7f6f3',
    webPreferences: windowWebPreferences(preloadPath, app.isPackaged),
  });
  window.webContents.setWebRTCIPHandlingPolicy(WEBRTC_IP_POLICY);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServer ?? APP_ENTRY);
  return window;
}

function buildMenu(): void {
  const lock = () => void services?.locker.lock('menu');
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Vault',
      submenu: [
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: lock },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function startAutoLock(active: Services): () => void {
  const autoLock = autoLockThrough(
    active.locker,
    () => active.vault,
    () => powerMonitor.getSystemIdleTime(),
  );
  // lock-screen fires on macOS and Windows only; on Linux the idle state reports "locked".
  powerMonitor.on('suspend', () => autoLock.systemEvent('suspend'));
  powerMonitor.on('lock-screen', () => autoLock.systemEvent('lock-screen'));
  const timer = setInterval(() => {
    if (powerMonitor.getSystemIdleState(60) === 'locked') autoLock.systemEvent('locked-idle-state');
    autoLock.check();
  }, 15_000);
  // The full integrity check unlock no longer runs: when idle, at most once a day.
  const integrity = new IntegritySchedule({
    vault: () => active.vault,
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
  });
  integrity.start();
  return () => {
    clearInterval(timer);
    integrity.stop();
  };
}

/** The lock path's view of the windows: each answers a request to save, each is reloaded after a lock. */
function attachWindows(active: Services): void {
  const open = () => BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed());
  active.locker.attach({
    count: () => open().length,
    // A reload throws the page away with everything it held; it comes back to the unlock screen.
    discard: () => {
      for (const window of open()) window.webContents.reload();
    },
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, devServer)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, devServer)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler);
});

/** The native save dialog, attached to the window when there is one; null when cancelled. */
async function askWhereToSave(options: Electron.SaveDialogOptions): Promise<string | null> {
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

app.whenReady().then(() => {
  hardenSession();
  if (clearsRecentDocuments(process.platform)) app.clearRecentDocuments();
  const documents = app.getPath('documents');
  const active = createServices({
    vaultLocation: join(app.getPath('userData'), 'vault'),
    diagnosticsPath: join(app.getPath('userData'), 'diagnostics.log'),
    runtime: { runtime: 'electron', electron: process.versions.electron ?? null },
    ...(app.isPackaged ? { sampleDocuments: join(process.resourcesPath, 'sample') } : {}),
    dialogs: {
      chooseBackupFolder: (suggestedName) => askWhereToSave(backupDialogOptions(documents, suggestedName)),
      chooseImportPaths: async (what) => {
        const options = importDialogOptions(what);
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      chooseSavePath: (suggestedName, filter) => askWhereToSave(exportDialogOptions(documents, suggestedName, filter)),
      chooseBundleFile: async () => {
        const options = bundleDialogOptions();
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      chooseInboxFolder: async () => {
        const options = inboxDialogOptions(documents);
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    },
  });
  services = active;
  const stopAutoLock = startAutoLock(active);
  registerIpc(handlers, active, devServer);
  attachWindows(active);
  buildMenu();
  const window = createWindow();
  mainWindow = window;
  const stopForwarding = forwardEvents(active, window);
  // Closing the window quits, and so does the menu: either way the page first saves what it holds,
  // through the same lock path, and only then does the app go on closing.
  let savedForQuit = false;
  const saveThen = (event: Electron.Event, then: () => void) => {
    if (savedForQuit) return;
    event.preventDefault();
    void active.locker.lock('quit').finally(() => {
      savedForQuit = true;
      then();
    });
  };
  window.on('close', (event) => saveThen(event, () => window.close()));
  window.on('closed', () => {
    stopForwarding();
    mainWindow = null;
  });
  app.on('before-quit', (event) => saveThen(event, () => app.quit()));
  app.on('will-quit', () => {
    stopAutoLock();
    active.close();
  });
});

app.on('window-all-closed', () => app.quit());
