// "Explore a sample dossier": a throw-away vault, clearly labelled, filled with the public documents
// bundled in resources/sample, so a newcomer sees a real case before trusting Upright with theirs.
// It lives beside the real vault, never touches it, and is deleted when left or at the next start.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectFiles } from './import/files.ts';
import { importBatch } from './import/pipeline.ts';
import type { Vault } from './vault/vault.ts';

/** Written into the sample vault's folder: only a folder carrying it is ever deleted by Upright. */
const MARKER = 'UPRIGHT-SAMPLE-VAULT';

export const SAMPLE_DOSSIER = {
  title: 'Sample: Kazakhstan — freedom of association',
  country: 'KAZ',
  themes: ['freedom of association', 'trade unions', 'sample data'],
  summary:
    'A sample dossier made from public documents: the Government’s 2022 information to the ILO Conference Committee, ' +
    'an NGO’s UPR submission, a campaign page and a fictional field note, read, coded and drafted into a submission ' +
    'as a worked example. Explore freely; nothing here is kept.',
  targetReview: { mechanism: 'UPR', cycle: 5, session: null, deadline: null },
};

export function sampleLocation(vaultLocation: string): string {
  return `${vaultLocation}-sample`;
}

/** Removes a sample vault left by an earlier run — only if it carries the marker. */
export function removeSampleVault(location: string): void {
  if (!existsSync(location)) return;
  const entries = readdirSync(location);
  if (!entries.includes(MARKER)) return;
  rmSync(location, { recursive: true, force: true });
}

/**
 * Creates the sample vault (unlocked, with a random passphrase nobody needs), imports the documents
 * and returns the sample dossier's id (the worked example is added to it through the API).
 */
export async function createSampleVault(vault: Vault, documentsDir: string): Promise<string> {
  removeSampleVault(vault.status().location);
  await vault.create(randomBytes(24).toString('base64url'));
  writeFileSync(
    join(vault.status().location, MARKER),
    'This folder is Upright’s sample vault. It is deleted when you leave the sample.\n',
  );
  const store = vault.store();
  const dossier = store.dossiers.create(SAMPLE_DOSSIER);
  const files = (await collectFiles([documentsDir])).filter((f) => !f.name.toLowerCase().endsWith('.md'));
  await importBatch({
    taskId: 'sample',
    dossierId: dossier.id,
    files: files.map((f) => ({
      name: f.name,
      size: f.size,
      modifiedAt: f.modifiedAt,
      read: async () => new Uint8Array(await readFile(f.path)),
    })),
    vault,
    signal: new AbortController().signal,
    onProgress: () => {},
  });
  return dossier.id;
}
