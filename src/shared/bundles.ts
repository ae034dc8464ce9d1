// The shapes of an encrypted bundle (issue 15), declared once for main, CLI, tests and the screens.
// A bundle is an age-encrypted ZIP holding:
// - manifest.json: who made it (name, age public key, signing key), the dossier, and every record and
//   original it carries with its SHA-256, plus tombstones for records deleted since the last exchange;
// - manifest.sig: the Ed25519 signature of manifest.json's exact bytes by the sender's signing key;
// - records.json: the records, one object each (its hash is SHA-256 of its canonical JSON);
// - originals/<sha256>: each original file's bytes.
import { z } from 'zod';

export const BUNDLE_FORMAT = 'upright-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/** What a bundle carries, in the order a merge writes them (each refers only to kinds before it). */
export const RECORD_KINDS = [
  'dossier',
  'code',
  'entity',
  'source',
  'excerpt',
  'mention',
  'link',
  'event',
  'recommendation',
  'draft',
  'draft_version',
] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

/** Kinds a conflict may be resolved by keeping both: theirs is added beside mine under a new id. */
export const KEEP_BOTH_KINDS: readonly RecordKind[] = ['excerpt', 'entity', 'event', 'draft'];

const Value = z.union([z.string(), z.number(), z.null()]);
const Row = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), Value);

/** One record as it travels: its row's columns and the rows it owns (an excerpt's codes, a source's text). */
export const BundleRecord = z
  .object({
    kind: RecordKind,
    id: z.string().min(1).max(100),
    row: Row,
    children: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.array(Row)),
  })
  .strict();
export type BundleRecord = z.infer<typeof BundleRecord>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const AgeRecipient = z.string().regex(/^age1[0-9a-z]{58}$/);
export const AGE_RECIPIENT = /^age1[0-9a-z]{58}$/;

export const BundleSender = z
  .object({
    name: z.string().max(200),
    ageRecipient: AgeRecipient,
    signingKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict();
export type BundleSender = z.infer<typeof BundleSender>;

export const BundleManifest = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_FORMAT_VERSION),
    bundleId: z.string().min(1).max(100),
    createdAt: z.string(),
    schemaVersion: z.number().int().nonnegative(),
    sender: BundleSender,
    dossier: z.object({ id: z.string(), title: z.string() }).strict(),
    /** Whether excerpts marked "never export" were included (the person ticked the box). */
    neverExportIncluded: z.boolean(),
    recordsSha256: Sha256,
    records: z.array(z.object({ kind: RecordKind, id: z.string(), sha256: Sha256 }).strict()),
    originals: z.array(z.object({ sha256: Sha256, size: z.number().int().nonnegative() }).strict()),
    tombstones: z.array(z.object({ kind: RecordKind, id: z.string() }).strict()),
  })
  .strict();
export type BundleManifest = z.infer<typeof BundleManifest>;

export const RESOLUTIONS = ['mine', 'theirs', 'both'] as const;
export const Resolution = z.enum(RESOLUTIONS);
export type Resolution = z.infer<typeof Resolution>;
