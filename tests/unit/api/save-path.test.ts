// Only the person, through a save dialog, decides where an export is written from the app; a page
// that could name a path itself could write anywhere on the laptop.
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/main/api/registry.ts';
import { chooseExportPath } from '../../../src/main/api/save-path.ts';
import type { Services } from '../../../src/main/services.ts';

function context(transport: Context['transport'], answer: string | null): Context {
  const services = { dialogs: { chooseSavePath: async () => answer } } as unknown as Services;
  return { services, transport };
}

const filter = { name: 'CSV spreadsheet', extensions: ['csv'] };

describe('where an export is saved', () => {
  it('is asked through the save dialog when no path is given, on every transport', async () => {
    for (const transport of ['ipc', 'bridge', 'cli', 'test'] as const) {
      await expect(chooseExportPath(context(transport, '/home/m/out.csv'), undefined, 'x.csv', filter)).resolves.toBe(
        '/home/m/out.csv',
      );
    }
    await expect(chooseExportPath(context('ipc', null), undefined, 'x.csv', filter)).resolves.toBeNull();
  });

  it('may be named directly only by the CLI and tests, never by the app window or the bridge', async () => {
    await expect(chooseExportPath(context('cli', null), '/tmp/a.csv', 'x.csv', filter)).resolves.toBe('/tmp/a.csv');
    await expect(chooseExportPath(context('test', null), '/tmp/a.csv', 'x.csv', filter)).resolves.toBe('/tmp/a.csv');
    for (const transport of ['ipc', 'bridge'] as const) {
      await expect(chooseExportPath(context(transport, null), '/etc/passwd', 'x.csv', filter)).rejects.toMatchObject({
        code: 'SAVE_PATH_FROM_DIALOG',
      });
    }
  });
});
