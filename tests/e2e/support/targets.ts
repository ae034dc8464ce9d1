// Finds the browsers the e2e specs can drive: Debian's Chromium always; Electron where its binary
// was downloaded (installs here use ELECTRON_SKIP_BINARY_DOWNLOAD=1, so it is usually absent).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function chromiumPath(): string {
  return process.env.UPRIGHT_CHROMIUM ?? '/usr/bin/chromium';
}

export function electronBinary(): string | null {
  if (process.env.UPRIGHT_E2E_ELECTRON === '0') return null;
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Chromium flags: headless in CI as root, and no background traffic of Chromium's own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
];
