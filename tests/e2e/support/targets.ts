// Finds the browsers the e2e specs can drive: Debian's Chromium always; Electron where its binary
// was downloaded (installs here use ELECTRON_SKIP_BINARY_DOWNLOAD=1, so it is usually absent).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function chromiumPath(): string {
  return process.env.UPRIGHT_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * The downloaded Electron binary, or null. Reads electron's path.txt rather than requiring the
 * package: requiring it without a binary starts a download, which this machine cannot make.
 */
export function electronBinary(): string | null {
  if (process.env.UPRIGHT_E2E_ELECTRON === '0') return null;
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
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
