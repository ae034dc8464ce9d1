// Where each worker's entry script is. Under plain Node (tests, CLI, `npm run web`) it is the
// TypeScript source next to this file, which Node runs with its types stripped. In the Electron
// bundle electron-vite emits each entry as out/main/<name>.js (see electron.vite.config.ts), and the
// shell says where that folder is at start-up.
export type WorkerEntryName = 'parse-worker' | 'vault-worker';

let bundled: URL | undefined;

/** Called by the Electron shell with the folder of its own bundle (out/main/). */
export function locateBundledWorkers(folder: URL): void {
  bundled = folder;
}

export function workerEntry(name: WorkerEntryName): URL {
  // A URL built from a variable base: bundlers leave it alone instead of inlining it as an asset.
  const here = import.meta.url;
  if (bundled) return new URL(`${name}.js`, bundled);
  return new URL(`./${name}${here.endsWith('.ts') ? '.ts' : '.js'}`, here);
}
