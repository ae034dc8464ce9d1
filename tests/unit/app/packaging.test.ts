import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

describe('the packaged app is built the way SECURITY.md asks', () => {
  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into an asar and builds for Linux, Windows and macOS', () => {
    expect(config.asar).toBe(true);
    expect((config.linux as { target: string[] }).target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect((config.win as { target: string[] }).target).toContain('nsis');
    expect((config.mac as { target: string[] }).target).toContain('dmg');
  });

  it('ships neither sources, tests nor the dev bridge', () => {
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['out/**/*', '!src/**', '!tests/**']));
  });
});
