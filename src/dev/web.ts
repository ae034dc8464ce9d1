// `npm run web`: the dev preview. Serves the built renderer and the API on 127.0.0.1 and prints
// the address (with its one-time token) to open in a browser. Uses its own preview vault, never
// the app's, unless --vault says otherwise.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../main/paths.ts';
import { startPreview } from './preview.ts';

const { values } = parseArgs({
  options: {
    vault: { type: 'string' },
    port: { type: 'string' },
    'import-from': { type: 'string' },
  },
});

const previewDir = join(defaultDataDir(), 'web-preview');
// The browser has no save dialog: exports and backups go here (created on the first one), each under
// a new name, never replacing an earlier file.
const backupDir = join(previewDir, 'backups');
const preview = await startPreview({
  vaultLocation: resolve(values.vault ?? join(previewDir, 'vault')),
  backupDir,
  // The browser has no native folder picker: "Import a folder…" imports this folder.
  importPaths: [resolve(values['import-from'] ?? join(previewDir, 'inbox'))],
  staticDir: resolve('out/renderer'),
  ...(values.port ? { port: Number(values.port) } : {}),
});

process.stdout.write(
  [
    '',
    'Upright dev preview (loopback only; do not put real case files in a preview vault)',
    `  vault:   ${preview.services.vault.status().location}`,
    `  saves:   ${backupDir} (exports and backups)`,
    `  open:    ${preview.bridge.url}`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

const stop = () => {
  void preview.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
