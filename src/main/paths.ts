// Where Upright keeps its vault by default: the same folder Electron calls "userData" for an app
// named Upright, so the CLI and the app find the same vault without being told.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Upright');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Upright');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Upright');
}

export function defaultVaultLocation(): string {
  return process.env.UPRIGHT_VAULT ?? join(defaultDataDir(), 'vault');
}
