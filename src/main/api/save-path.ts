// Where an export is written. The person chooses in a save dialog; only the CLI and tests may name a
// path directly — a renderer that could would be a way to write files anywhere on the machine.
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
      throw new UprightError('INVALID_PARAMS', 'The app chooses where to save through its save dialog.');
    }
    return path;
  }
  return ctx.services.dialogs.chooseSavePath(suggestedName, filter);
}

/**
 * Writes an export readable by its owner only (0600), also when it replaces an existing file: a mode
 * given to open() applies only to files it creates, so an older 0644 file is narrowed before writing.
 * (Windows has no such modes; the call is then harmless.)
 */
export async function writePrivateFile(target: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(target, 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
