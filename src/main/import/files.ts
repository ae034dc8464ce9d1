// Turns paths chosen in a native dialog or given to the CLI into the list of files to import:
// folders are walked (hidden files and symbolic links skipped), sizes checked before reading.
import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface FileOnDisk {
  name: string;
  path: string;
  size: number;
  /** Modification time, ms since 1970. */
  modifiedAt: number;
}

export async function collectFiles(paths: string[]): Promise<FileOnDisk[]> {
  const found: FileOnDisk[] = [];
  async function visit(path: string): Promise<void> {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return;
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((n) => !n.startsWith('.')).sort((a, b) => a.localeCompare(b));
      for (const entry of entries) await visit(join(path, entry));
    } else if (info.isFile()) {
      found.push({ name: basename(path), path, size: info.size, modifiedAt: info.mtimeMs });
    }
  }
  for (const path of paths) await visit(path);
  return found;
}
