// What the browser preview answers where the app would open a native dialog. The browser has no save
// dialog to ask "replace the file?", so the preview does what a careful person would: it writes into
// its own folder (creating it, so the first export of a fresh preview is not a dead end) under a name
// that is not taken yet — "submission.docx", then "submission (2).docx" — and never replaces a file.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Dialogs } from '../main/services.ts';

/** `name` in `dir`, numbered "name (2).ext", "name (3).ext"… when taken. */
export function unusedPath(dir: string, name: string): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  let candidate = join(dir, name);
  for (let n = 2; existsSync(candidate); n++) candidate = join(dir, `${stem} (${n})${extension}`);
  return candidate;
}

/** The newest bundle (.age file) in `dir`, or null: what the preview "opens" for Import bundle…. */
export function newestBundle(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.age'));
  } catch {
    return null;
  }
  const newest = names
    .map((name) => ({ path: join(dir, name), at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)[0];
  return newest?.path ?? null;
}

export function previewDialogs(options: { backupDir: string; importPaths?: string[] }): Dialogs {
  const folder = () => {
    mkdirSync(options.backupDir, { recursive: true, mode: 0o700 });
    return options.backupDir;
  };
  return {
    chooseBackupFolder: async (suggestedName) => unusedPath(folder(), suggestedName),
    chooseImportPaths: async () => options.importPaths ?? [],
    chooseSavePath: async (suggestedName) => unusedPath(folder(), suggestedName),
    // The browser has no open dialog: the newest bundle saved into the preview's folder is opened.
    chooseBundleFile: async () => newestBundle(options.backupDir),
    // …and its shared inbox is a folder beside its saves.
    chooseInboxFolder: async () => join(options.backupDir, 'inbox'),
  };
}
