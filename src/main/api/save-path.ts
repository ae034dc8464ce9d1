// Where an export is written. The person chooses in a save dialog; only the CLI and tests may name a
// path directly — a renderer that could would be a way to write files anywhere on the machine.
// A file already there is replaced only when someone said so: the save dialog asks the person (the
// operating system's "Replace?"), a named path needs `overwrite` (the CLI's --force).
import { open } from 'node:fs/promises';
import { UprightError } from '../../shared/errors.ts';
import type { SaveFilter } from '../services.ts';
import type { Context } from './registry.ts';

export async function chooseExportPath(
  ctx: Context,
  path: string | undefined,
  suggestedName: string,
  filter: SaveFilter,
): Promise<string | null> {
  if (path !== undefined) {
    if (ctx.transport !== 'cli' && ctx.transport !== 'test') {
      throw new UprightError('SAVE_PATH_FROM_DIALOG');
    }
    return path;
  }
  return ctx.services.dialogs.chooseSavePath(suggestedName, filter);
}

/**
 * Writes an export readable by its owner only (0600), also when it replaces an existing file: a mode
 * given to open() applies only to files it creates, so an older 0644 file is narrowed before writing.
 * `replace`: whether a file already at `target` may be replaced; when it may not, the export is
 * refused with FILE_EXISTS and the file is left as it was (created exclusively, so there is no
 * window between looking and writing).
 */
export async function writeExport(target: string, data: Uint8Array | string, replace: boolean): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(target, replace ? 'w' : 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UprightError('FILE_EXISTS');
    throw new UprightError('EXPORT_FAILED');
  }
  try {
    await handle.chmod(0o600);
    await handle.writeFile(data);
  } catch {
    throw new UprightError('EXPORT_FAILED');
  } finally {
    await handle.close();
  }
}
