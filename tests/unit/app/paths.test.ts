import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/main/paths.ts';

describe('the CLI finds the same vault as the app', () => {
  it('uses Electron’s userData folder for an app named Upright on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe(join('/home/ana', '.config', 'Upright'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(join('/cfg', 'Upright'));
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe(
      join('/Users/ana', 'Library', 'Application Support', 'Upright'),
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      join('C:\\Users\\ana\\AppData\\Roaming', 'Upright'),
    );
  });
});
