// "Copy these sources into my vault": the sample's public documents go into a dossier of the
// person's own vault through the import pipeline, as if they had imported the files themselves
// (originals kept, text and structure read, duplicates in that dossier reported, not doubled).
// The excerpts, codes, entities and draft stay in the sample: they are a worked example, with
// notes about a fictional interview, not work to build on; the fictional field note stays too, so
// that nothing made up can be cited from a real case file.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OwnDossier, Params, Result } from '../shared/api.ts';
import { importBatch } from './import/pipeline.ts';
import { SAMPLE_DOSSIER } from './sample.ts';
import { PUBLIC_SAMPLE_FILES } from './sample-example.ts';
import type { DossierRecord, Store } from './store/index.ts';
import type { Vault } from './vault/vault.ts';

const own = (dossier: DossierRecord): OwnDossier => ({
  id: dossier.id,
  title: dossier.title,
  sourceCount: dossier.sourceCount,
});

/** The person's dossiers, newest first, archived ones left out. */
export function ownDossiers(store: Store): OwnDossier[] {
  return store.dossiers.list().map(own);
}

export async function copySampleSources(
  vault: Vault,
  documentsDir: string,
  into: Params<'sample.copySources'>['into'],
): Promise<Result<'sample.copySources'>> {
  const store = vault.store();
  const dossier =
    into.kind === 'dossier'
      ? store.dossiers.require(into.id)
      : store.dossiers.create({
          title: into.title.trim(),
          country: SAMPLE_DOSSIER.country,
          themes: SAMPLE_DOSSIER.themes.filter((t) => t !== 'sample data'),
          summary: 'Public documents copied from Upright’s sample dossier.',
          targetReview: SAMPLE_DOSSIER.targetReview,
        });
  const files = await Promise.all(
    PUBLIC_SAMPLE_FILES.map(async (name) => {
      const path = join(documentsDir, name);
      return { name, size: (await stat(path)).size, read: async () => new Uint8Array(await readFile(path)) };
    }),
  );
  const outcomes = await importBatch({
    taskId: 'sample-copy',
    dossierId: dossier.id,
    files,
    vault,
    signal: new AbortController().signal,
    onProgress: () => {},
  });
  return { dossier: own(store.dossiers.require(dossier.id)), outcomes };
}
