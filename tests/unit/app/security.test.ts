import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  chromiumSwitches,
  clearsRecentDocuments,
  devServerOrigin,
  devToolsAllowed,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  resolveAppFile,
  sessionDataPath,
  WEBRTC_IP_POLICY,
  WINDOW_PARTITION,
  windowOpenHandler,
  windowWebPreferences,
} from '../../../src/main/app/security.ts';
import { contentSecurityPolicy } from '../../../src/main/security/csp.ts';

describe('the window Upright opens is locked down', () => {
  const prefs = windowWebPreferences('/app/out/preload/index.cjs', true);

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('keeps web security on and experimental or insecure features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('turns off the spellchecker, which would download dictionaries', () => {
    expect(prefs.spellcheck).toBe(false);
    expect(chromiumSwitches(null).map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'disable-http-cache',
        'disable-background-networking',
        'disable-component-update',
        'disable-breakpad',
      ]),
    );
  });

  it('opens no developer tools in the packaged app, only in a development build', () => {
    expect(devToolsAllowed(true)).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(devToolsAllowed(false)).toBe(true);
    expect(windowWebPreferences('/p', false).devTools).toBe(true);
  });

  it('keeps the page’s storage in memory and Chromium’s own files out of the vault folder', () => {
    // A partition without "persist:" is held in memory: cache, local storage, IndexedDB, cookies.
    expect(prefs.partition).toBe(WINDOW_PARTITION);
    expect(WINDOW_PARTITION.startsWith('persist:')).toBe(false);
    const userData = join('/home/ana/.config', 'Upright');
    const vault = join(userData, 'vault');
    const chromium = sessionDataPath(userData);
    expect(chromium).not.toBe(userData);
    expect(chromium.startsWith(vault + sep) || chromium === vault).toBe(false);
    expect(vault.startsWith(chromium + sep)).toBe(false);
  });

  it('serves the renderer over a secure custom scheme, not file://', () => {
    expect(APP_ENTRY).toBe('app://upright/index.html');
    expect(APP_SCHEME_PRIVILEGES.privileges.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges.secure).toBe(true);
  });
});

describe('nothing leaves the machine', () => {
  it('allows only the app’s own files and in-memory URLs', () => {
    expect(isAllowedRequest('app://upright/index.html')).toBe(true);
    expect(isAllowedRequest('app://upright/assets/index-abc.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://upright/3f1c')).toBe(true);
  });

  it('cancels every other request: web, file, other hosts of the scheme, websockets, foreign blobs', () => {
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'ws://localhost:5173/',
      'blob:https://example.org/1',
      'chrome-extension://abc/x.js',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('lets the local dev server through only in development', () => {
    const dev = devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false);
    expect(dev).toBe('http://localhost:5173');
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('https://example.org/', dev)).toBe(false);
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://192.168.1.5:5173' }, false)).toBeNull();
    expect(devServerOrigin({}, false)).toBeNull();
  });
});

describe('a second barrier: no name resolves, whatever the request filter let through', () => {
  const rules = (devServer: string | null) =>
    new Map(chromiumSwitches(devServer).map(([name, value]) => [name, value])).get('host-resolver-rules');

  it('maps every host to nothing in the app', () => {
    expect(rules(null)).toBe('MAP * ~NOTFOUND');
  });

  it('excepts only the loopback dev server’s host in development', () => {
    expect(rules('http://localhost:5173')).toBe('MAP * ~NOTFOUND, EXCLUDE localhost');
    expect(rules(devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true))).toBe('MAP * ~NOTFOUND');
  });

  it('gives WebRTC no network interface of its own', () => {
    expect(WEBRTC_IP_POLICY).toBe('disable_non_proxied_udp');
  });
});

describe('the OS keeps no list of the files Upright opened', () => {
  it('empties the app’s own recent list on macOS, and leaves the person’s list alone elsewhere', () => {
    expect(clearsRecentDocuments('darwin')).toBe(true);
    expect(clearsRecentDocuments('win32')).toBe(false);
    expect(clearsRecentDocuments('linux')).toBe(false);
  });
});

describe('the page cannot go anywhere or ask for anything', () => {
  it('blocks navigation away from the app and every new window', () => {
    expect(isAllowedNavigation('app://upright/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('file:///home/user/case.pdf')).toBe(false);
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
    ]) {
      let granted: boolean | undefined;
      permissionRequestHandler(null, permission, (g) => {
        granted = g;
      });
      expect(granted, permission).toBe(false);
    }
    expect(permissionCheckHandler()).toBe(false);
  });

  it('answers IPC only from the app’s own frame', () => {
    expect(isTrustedSender('app://upright/index.html')).toBe(true);
    expect(isTrustedSender('https://example.org/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('app://upright.evil/index.html')).toBe(false);
  });
});

describe('the app:// protocol serves only the built renderer', () => {
  const root = mkdtempSync(join(tmpdir(), 'upright-renderer-'));

  it('maps app paths into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://upright/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://upright/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
  });

  it('refuses traversal out of it and other hosts', () => {
    expect(resolveAppFile(root, 'app://upright/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    // The URL parser folds a leading %2e%2e into the root: it may resolve, but only inside it.
    for (const url of [
      'app://upright/%2e%2e/secret',
      'app://upright/../../secret',
      'app://upright/a/../../../secret',
    ]) {
      const file = resolveAppFile(root, url);
      expect(file === null || file.startsWith(`${root}${sep}`), url).toBe(true);
    }
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'app://upright/%E0%A4%A')).toBeNull();
  });

  it('sends the strict Content-Security-Policy with every file', () => {
    const headers = appResponseHeaders('text/html');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('the Content-Security-Policy', () => {
  const csp = contentSecurityPolicy();
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('allows only the app itself, with no eval, inline script or remote origin', () => {
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
  });

  it('forbids plugins, frames, forms and base rewriting', () => {
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('form-action')).toBe("form-action 'none'");
    expect(directive('base-uri')).toBe("base-uri 'none'");
  });

  it('relaxes only for the local dev server in development', () => {
    const dev = contentSecurityPolicy({ devServer: 'http://localhost:5173' });
    expect(dev).toContain("script-src 'self' 'unsafe-inline' http://localhost:5173");
    expect(dev).toContain('ws://localhost:5173');
    expect(dev).not.toContain('unsafe-eval');
  });
});
