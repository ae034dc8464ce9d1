// `npm run web` on a fresh machine: the preview has no save dialog, so exports and backups go to its
// own folder. The first export must not fail because that folder does not exist yet, and a second
// export of the same draft must not replace the first (the browser cannot ask "Replace?").
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Preview, startPreview } from '../../../src/dev/preview.ts';
import { unusedPath } from '../../../src/dev/preview-dialogs.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const home = mkdtempSync(join(tmpdir(), 'upright-preview-'));
const previews: Preview[] = [];
afterAll(async () => {
  for (const p of previews) await p.close();
  rmSync(home, { recursive: true, force: true });
});

/** Calls a method over the preview's bridge, as the browser does. */
async function invoke(preview: Preview, method: string, params: unknown): Promise<unknown> {
  const response = await fetch(`${preview.bridge.origin}/api/invoke`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${preview.bridge.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, params }),
  });
  const envelope = (await response.json()) as { ok: boolean; result?: unknown; error?: { code: string } };
  if (!envelope.ok) throw new Error(envelope.error?.code);
  return envelope.result;
}

describe('exporting from the browser preview', () => {
  it('creates its folder for the first export and numbers the next one instead of replacing it', async () => {
    const backupDir = join(home, 'web-preview', 'backups');
    const preview = await startPreview({ vaultLocation: join(home, 'vault'), backupDir, kdf: KDF });
    previews.push(preview);
    expect(existsSync(backupDir)).toBe(false);

    await invoke(preview, 'vault.create', { passphrase: 'a long enough passphrase' });
    const dossier = (await invoke(preview, 'dossier.create', { title: 'Kazakhstan', themes: [], summary: '' })) as {
      id: string;
    };
    const draft = (await invoke(preview, 'draft.create', {
      dossierId: dossier.id,
      title: 'UPR 2027',
      template: 'individual',
    })) as { id: string };
    const exportMarkdown = () =>
      invoke(preview, 'draft.export', { id: draft.id, format: 'md', redact: true, acceptErrors: true }) as Promise<{
        path: string;
      }>;

    const first = await exportMarkdown();
    expect(first.path).toBe(join(backupDir, 'UPR 2027.md'));
    const firstText = readFileSync(first.path, 'utf8');
    const second = await exportMarkdown();
    expect(second.path).toBe(join(backupDir, 'UPR 2027 (2).md'));
    expect(readFileSync(first.path, 'utf8')).toBe(firstText);
    expect(readdirSync(backupDir).sort()).toEqual(['UPR 2027 (2).md', 'UPR 2027.md']);

    // "Back up now…" writes beside them, into the same folder.
    const backup = (await invoke(preview, 'vault.backup', {})) as { location: string };
    expect(backup.location.startsWith(join(backupDir, 'upright-backup-'))).toBe(true);
  });

  it('numbers past every name already taken, keeping the extension', () => {
    const dir = mkdtempSync(join(home, 'taken-'));
    expect(unusedPath(dir, 'excerpts.csv')).toBe(join(dir, 'excerpts.csv'));
    for (const name of ['excerpts.csv', 'excerpts (2).csv', 'excerpts (3).csv']) writeFileSync(join(dir, name), '');
    expect(unusedPath(dir, 'excerpts.csv')).toBe(join(dir, 'excerpts (4).csv'));
    expect(unusedPath(dir, 'upright-backup-2026-12-05')).toBe(join(dir, 'upright-backup-2026-12-05'));
  });
});
