import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDialogOptions, exportDialogOptions, importDialogOptions } from '../../../src/main/app/dialogs.ts';

describe('no file dialog puts a case file’s name in the OS recent-documents lists', () => {
  const documents = join('/home/ana', 'Documents');

  it('importing files or a folder', () => {
    for (const what of ['files', 'folder'] as const) {
      expect(importDialogOptions(what).properties, what).toContain('dontAddToRecent');
    }
    expect(importDialogOptions('files').properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(importDialogOptions('folder').properties).toContain('openDirectory');
    expect(importDialogOptions('files').filters?.[0]?.extensions).toEqual(
      expect.arrayContaining(['pdf', 'docx', 'html', 'txt']),
    );
  });

  it('saving a backup', () => {
    const options = backupDialogOptions(documents, 'upright-backup-2026-12-05');
    expect(options.properties).toContain('dontAddToRecent');
    expect(options.defaultPath).toBe(join(documents, 'upright-backup-2026-12-05'));
  });

  it('saving an export, which also asks before replacing a file', () => {
    const options = exportDialogOptions(documents, 'submission.docx', { name: 'Word document', extensions: ['docx'] });
    expect(options.properties).toEqual(expect.arrayContaining(['dontAddToRecent', 'showOverwriteConfirmation']));
    expect(options.title).toBe('Save word document');
    expect(options.filters).toEqual([{ name: 'Word document', extensions: ['docx'] }]);
  });
});
