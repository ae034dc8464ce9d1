// Where an export is written. The person chooses in a save dialog; only the CLI and tests may name a
// path directly — a renderer that could would be a way to write files anywhere on the machine.
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
