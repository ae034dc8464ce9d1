// The native file dialogs' options as pure values, so unit tests prove them without Electron.
// No dialog may add the file it opens or saves to the OS's recent-documents lists (Windows' jump
// lists, macOS' Recent Items): a case file's name there tells whoever searches the laptop what it
// holds. This file must not import 'electron' at run time (types only).
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';

/** Types of document the importer reads, as the open dialog filters them. */
export const IMPORT_EXTENSIONS = ['pdf', 'docx', 'html', 'htm', 'txt', 'md'];

export function importDialogOptions(what: 'files' | 'folder'): OpenDialogOptions {
  return {
    title: what === 'folder' ? 'Import a folder of documents' : 'Import documents',
    buttonLabel: 'Import',
    properties:
      what === 'folder' ? ['openDirectory', 'dontAddToRecent'] : ['openFile', 'multiSelections', 'dontAddToRecent'],
    filters: what === 'folder' ? [] : [{ name: 'Documents', extensions: IMPORT_EXTENSIONS }],
  };
}

/** Open one bundle a colleague sent (an age-encrypted .age file). */
export function bundleDialogOptions(): OpenDialogOptions {
  return {
    title: 'Import a bundle',
    buttonLabel: 'Open bundle',
    properties: ['openFile', 'dontAddToRecent'],
    filters: [
      { name: 'Upright bundles', extensions: ['age'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
}

/** The shared inbox folder (kept in step by Syncthing, a network share or a USB stick). */
export function inboxDialogOptions(documentsDir: string): OpenDialogOptions {
  return {
    title: 'Choose the shared inbox folder for bundles',
    defaultPath: documentsDir,
    buttonLabel: 'Use this folder',
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  };
}

export function backupDialogOptions(documentsDir: string, suggestedName: string): SaveDialogOptions {
  return {
    title: 'Save an encrypted backup',
    defaultPath: join(documentsDir, suggestedName),
    buttonLabel: 'Save backup',
    properties: ['createDirectory', 'dontAddToRecent'],
  };
}

export function exportDialogOptions(
  documentsDir: string,
  suggestedName: string,
  filter: { name: string; extensions: string[] },
): SaveDialogOptions {
  return {
    title: `Save ${filter.name.toLowerCase()}`,
    defaultPath: join(documentsDir, suggestedName),
    buttonLabel: 'Save',
    filters: [filter],
    // Linux's GTK dialog replaces an existing file silently unless asked to confirm.
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
  };
}
