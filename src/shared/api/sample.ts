import { z } from 'zod';
import { Id } from './dossiers.ts';
import { method } from './method.ts';
import { ImportOutcome } from './sources.ts';

/** The person's own vault passphrase: the sample vault's own one is random and unknown. */
const OwnPassphrase = z.string().min(1, 'Enter the passphrase of your vault').max(1024);

/** A dossier of the person's own vault, as offered when copying the sample's sources into it. */
export const OwnDossier = z.object({ id: Id, title: z.string(), sourceCount: z.number().int() });
export type OwnDossier = z.infer<typeof OwnDossier>;

export const sampleApi = {
  'sample.ownDossiers': method({
    summary:
      'The dossiers of your own vault, opened with its passphrase only to list them (from the sample, it stays locked).',
    params: z.object({ passphrase: OwnPassphrase }).strict(),
    result: z.array(OwnDossier),
  }),
  'sample.copySources': method({
    summary:
      'Copy the sample’s public source documents (originals, text and structure; not its excerpts, nor its fictional field note) into a dossier of your own vault, or a new one.',
    params: z
      .object({
        passphrase: OwnPassphrase,
        /** A dossier of the own vault, or a new one made for the copies. */
        into: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('dossier'), id: Id }).strict(),
          z
            .object({ kind: z.literal('new'), title: z.string().trim().min(1, 'Give the dossier a title').max(300) })
            .strict(),
        ]),
      })
      .strict(),
    result: z.object({
      dossier: OwnDossier,
      /** One per document: imported, or a duplicate of one already in that dossier. */
      outcomes: z.array(ImportOutcome),
    }),
  }),
};
