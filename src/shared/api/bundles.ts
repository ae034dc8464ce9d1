// Working as a team without a server (issue 15): this vault's identity, the colleagues it exchanges
// with, and encrypted bundles — exported from a dossier, previewed, then merged.
import { z } from 'zod';
import { AGE_RECIPIENT, RecordKind, Resolution } from '../bundles.ts';
import { Id } from './dossiers.ts';
import { method, NoParams } from './method.ts';

const AgeRecipient = z.string().trim().regex(AGE_RECIPIENT);
const Name = z.string().trim().min(1).max(200);

export const Identity = z.object({
  /** The public key colleagues encrypt bundles to ("age1…"): shared as text or a QR code. */
  ageRecipient: z.string(),
  /** The key this vault's bundles are signed with (base64url). */
  signingKey: z.string(),
  /** The name this vault's bundles say they come from ('' until given). */
  name: z.string(),
});
export type Identity = z.infer<typeof Identity>;

export const Colleague = z.object({
  id: Id,
  name: z.string(),
  ageRecipient: z.string(),
  /** Known once their first bundle was imported (trust on first use). */
  signingKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Colleague = z.infer<typeof Colleague>;

export const BundleCounts = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  conflicts: z.number().int(),
  tombstoned: z.number().int(),
  unchanged: z.number().int(),
});
export type BundleCounts = z.infer<typeof BundleCounts>;

/** A record changed on both sides since the two vaults last exchanged it. */
export const BundleConflict = z.object({
  /** What a resolution is keyed by: "<kind>:<id>". */
  key: z.string(),
  kind: RecordKind,
  id: z.string(),
  /** A few words naming the record (its title, name or quote). */
  label: z.string(),
  /** Deleted in the other vault (a tombstone), or in this one. */
  deletedThere: z.boolean(),
  deletedHere: z.boolean(),
  /** The fields that differ, mine and theirs (shortened). */
  differences: z.array(z.object({ field: z.string(), mine: z.string(), theirs: z.string() })),
  /** Whether "keep both" is offered (theirs added beside mine under a new id). */
  canKeepBoth: z.boolean(),
});
export type BundleConflict = z.infer<typeof BundleConflict>;

export const BundlePreview = z.object({
  state: z.literal('ready'),
  /** Names this opened bundle for bundle.import (kept in memory until the vault locks). */
  token: z.string(),
  bundleId: z.string(),
  createdAt: z.string(),
  sender: z.object({
    /** The colleague's name as saved here, or the name the bundle gives. */
    name: z.string(),
    ageRecipient: z.string(),
    /** A saved colleague (by their public key), and whether their signing key is already known. */
    colleagueId: z.string().nullable(),
    verified: z.boolean(),
    /** This vault's own bundle. */
    self: z.boolean(),
  }),
  dossier: z.object({ id: z.string(), title: z.string(), exists: z.boolean() }),
  neverExportIncluded: z.boolean(),
  counts: BundleCounts,
  /** The same counts kind by kind (sources, excerpts, …), for kinds with something to do. */
  kinds: z.array(BundleCounts.extend({ kind: RecordKind })),
  conflicts: z.array(BundleConflict),
});
export type BundlePreview = z.infer<typeof BundlePreview>;

export const InboxBundle = z.object({
  /** Content-addressed file name in the inbox folder ("<32 hex>.upright.age"). */
  name: z.string(),
  size: z.number().int(),
  modifiedAt: z.string(),
  /** Encrypted to this vault's key, or locked with a passphrase (for whoever knows it). */
  locked: z.enum(['key', 'passphrase']),
});
export type InboxBundle = z.infer<typeof InboxBundle>;

const InboxName = z.string().regex(/^[0-9a-f]{32}\.upright\.age$/);

export const bundlesApi = {
  'identity.show': method({
    summary: "This vault's public key to share with colleagues (made the first time it is asked for).",
    params: NoParams,
    result: Identity,
  }),
  'identity.rename': method({
    summary: 'Set the name this vault’s bundles say they come from (colleagues see it before they have saved you).',
    params: z.object({ name: z.string().trim().max(200) }).strict(),
    result: Identity,
  }),
  'colleague.list': method({
    summary: 'The colleagues this vault exchanges bundles with, by name.',
    params: NoParams,
    result: z.array(Colleague),
  }),
  'colleague.add': method({
    summary: 'Add a colleague by name and the public key they shared (age1…).',
    // Checked by the handler, so a mistyped key gets its own message (AGE_KEY_INVALID).
    params: z.object({ name: Name, ageRecipient: z.string().max(500) }).strict(),
    result: Colleague,
  }),
  'colleague.rename': method({
    summary: 'Rename a colleague.',
    params: z.object({ id: Id, name: Name }).strict(),
    result: Colleague,
  }),
  'colleague.remove': method({
    summary: 'Remove a colleague from the list (bundles already exchanged stay merged).',
    params: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.literal(true) }),
  }),
  'bundle.export': method({
    summary:
      'Export a dossier as an encrypted bundle to colleagues\' public keys or a passphrase; "never export" excerpts stay out unless includeNeverExport. The app asks where to save.',
    params: z
      .object({
        dossierId: Id,
        to: z.array(AgeRecipient).max(50).default([]),
        passphrase: z.string().min(1).max(1000).optional(),
        includeNeverExport: z.boolean().default(false),
        /** Only these sources, with their excerpts, links, mentions, codes and entities (no events, drafts). */
        sourceIds: z.array(Id).min(1).max(10_000).optional(),
        /** CLI and tests only: where to write (the app asks in a save dialog). */
        path: z.string().min(1).optional(),
        overwrite: z.boolean().optional(),
        /** Write it into the shared inbox folder under a content-addressed name instead. */
        toInbox: z.boolean().optional(),
      })
      .strict(),
    result: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(false) }),
      z.object({
        saved: z.literal(true),
        path: z.string(),
        bundleId: z.string(),
        records: z.number().int(),
        originals: z.number().int(),
        tombstones: z.number().int(),
        neverExportLeftOut: z.number().int(),
      }),
    ]),
  }),
  'bundle.preview': method({
    summary:
      'Open a bundle (the app asks for the file) and show what a merge would add, change, delete and where both sides changed, before anything is written.',
    params: z
      .object({
        /** CLI and tests only: the bundle file (the app asks in an open dialog). */
        path: z.string().min(1).optional(),
        /** A bundle in the shared inbox folder, by its name there (see inbox.list). */
        inboxName: InboxName.optional(),
        /** A bundle opened before that asked for its passphrase. */
        token: z.string().max(100).optional(),
        passphrase: z.string().min(1).max(1000).optional(),
      })
      .strict(),
    result: z.discriminatedUnion('state', [
      z.object({ state: z.literal('cancelled') }),
      z.object({ state: z.literal('passphrase'), token: z.string() }),
      BundlePreview,
    ]),
  }),
  'bundle.import': method({
    summary:
      'Merge a previewed bundle in one transaction, with a resolution for every conflict (mine, theirs or both, keyed "<kind>:<id>").',
    params: z
      .object({ token: z.string().max(100), resolutions: z.record(z.string().max(200), Resolution).default({}) })
      .strict(),
    result: z.object({
      added: z.number().int(),
      changed: z.number().int(),
      tombstoned: z.number().int(),
      keptMine: z.number().int(),
      keptBoth: z.number().int(),
    }),
  }),
  'inbox.get': method({
    summary: 'The shared inbox folder bundles are exchanged through (Syncthing, a network share), or null.',
    params: NoParams,
    result: z.object({ folder: z.string().nullable() }),
  }),
  'inbox.choose': method({
    summary:
      'Choose the shared inbox folder (the app asks in a folder dialog; forget: true stops using one). Outgoing bundles can be written there; bundles for this vault are listed from it.',
    params: z
      .object({
        /** CLI and tests only: the folder (the app asks in a dialog). */
        path: z.string().min(1).optional(),
        forget: z.boolean().optional(),
      })
      .strict(),
    result: z.object({ folder: z.string().nullable() }),
  }),
  'inbox.list': method({
    summary:
      'Bundles in the shared inbox folder addressed to this vault (or locked with a passphrase) and not imported yet, newest first.',
    params: NoParams,
    result: z.object({ folder: z.string().nullable(), bundles: z.array(InboxBundle) }),
  }),
};
