import { z } from 'zod';
import { DOSSIER_STATUSES, PARTIAL_DATE } from '../domain.ts';
import { method } from './method.ts';

export const Id = z.string().min(1).max(64);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-15');
/** ISO 3166-1 alpha-3, upper case: KAZ, TUR, BLR. */
const Country = z.string().regex(/^[A-Z]{3}$/, 'Use the three-letter country code, e.g. KAZ');

export const TargetReview = z.object({
  /** "UPR", "ILO CEACR", "CCPR"… */
  mechanism: z.string().max(80).nullable(),
  /** UPR cycle number (the 5th cycle → 5). */
  cycle: z.number().int().min(1).max(20).nullable(),
  session: z.string().max(40).nullable(),
  deadline: IsoDay.nullable(),
});
export type TargetReview = z.infer<typeof TargetReview>;

export const Dossier = z.object({
  id: Id,
  title: z.string(),
  country: z.string().nullable(),
  themes: z.array(z.string()),
  summary: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  targetReview: TargetReview,
  sourceCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Dossier = z.infer<typeof Dossier>;

const DossierFields = z.object({
  title: z.string().trim().min(1, 'Give the dossier a title').max(300),
  country: Country.nullable(),
  themes: z.array(z.string().trim().min(1).max(80)).max(30),
  summary: z.string().max(20_000),
  targetReview: TargetReview.partial(),
});

export { PARTIAL_DATE };

export const dossiersApi = {
  'dossier.list': method({
    summary: 'The dossiers in the vault, newest first (archived ones on request).',
    params: z.object({ includeArchived: z.boolean().optional() }).strict(),
    result: z.array(Dossier),
  }),
  'dossier.get': method({
    summary: 'One dossier.',
    params: z.object({ id: Id }).strict(),
    result: Dossier,
  }),
  'dossier.create': method({
    summary: 'Create a dossier (title required; country, themes, summary, target review optional).',
    params: DossierFields.partial().required({ title: true }).strict(),
    result: Dossier,
  }),
  'dossier.update': method({
    summary: 'Rename or describe a dossier.',
    params: DossierFields.partial().extend({ id: Id }).strict(),
    result: Dossier,
  }),
  'dossier.archive': method({
    summary: 'Archive a dossier, or bring it back (archived = false).',
    params: z.object({ id: Id, archived: z.boolean() }).strict(),
    result: Dossier,
  }),
};
