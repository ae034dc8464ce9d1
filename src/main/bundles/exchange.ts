// Exporting a dossier as an encrypted bundle and merging one into this vault (issue 15).
// Everything happens in memory: the records are read from the vault, zipped, signed and encrypted,
// and only the encrypted bytes are handed back to be written; an import decrypts, checks and merges
// from memory, and writes to the vault in one transaction.
import { createHash } from 'node:crypto';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BundleManifest,
  BundleRecord,
  KEEP_BOTH_KINDS,
  type RecordKind,
  type Resolution,
} from '../../shared/bundles.ts';
import { UprightError } from '../../shared/errors.ts';
import { PASSPHRASE_PEER, recordHash } from '../store/bundles.ts';
import type { IdentityKeys } from '../store/identity.ts';
import { uuidv7 } from '../store/ids.ts';
import type { Store } from '../store/index.ts';
import { LATEST_VERSION } from '../store/migrations/index.ts';
import { type Lock, lock, lockKind, pack, unlock, unpack } from './archive.ts';
import { identityOf, signatureHolds, signManifest } from './keys.ts';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface ExportOptions extends Lock {
  dossierId: string;
  includeNeverExport: boolean;
  /** Only these sources and what hangs on them (see Selection); absent: the whole dossier. */
  sourceIds?: readonly string[];
  /** The name the bundle says it comes from (the sender's own name for themselves). */
  senderName?: string;
}

export interface ExportedBundle {
  bytes: Uint8Array;
  manifest: BundleManifest;
  /** Call once the bytes are safely written: remembers what was sent, for the next exchange. */
  commit(): void;
}

/** A dossier as an encrypted bundle, in memory. */
export async function exportBundle(store: Store, options: ExportOptions): Promise<ExportedBundle> {
  const dossier = store.dossiers.require(options.dossierId);
  const keys = await identityOf(store);
  const selection = {
    dossierId: dossier.id,
    includeNeverExport: options.includeNeverExport,
    ...(options.sourceIds ? { sourceIds: options.sourceIds } : {}),
  };
  const records: BundleRecord[] = [];
  const originals = new Map<string, Uint8Array>();
  for (const { kind, id } of store.bundles.select(selection)) {
    const record = store.bundles.read(kind, id, options.includeNeverExport);
    if (!record) continue;
    records.push(record);
    if (kind === 'source' && (record.children.original?.length ?? 0) > 0) {
      const bytes = store.bundles.original(id);
      if (!bytes) continue;
      const hash = sha256(bytes);
      if (record.row.original_sha256 !== hash) record.row.original_sha256 = hash;
      originals.set(hash, bytes);
    }
  }
  const peers = options.passphrase !== undefined ? [PASSPHRASE_PEER] : options.recipients;
  const tombstones = dedupe(peers.flatMap((peer) => store.bundles.gone(peer, dossier.id)));
  const recordsJson = new TextEncoder().encode(JSON.stringify(records));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_FORMAT_VERSION,
    bundleId: uuidv7(),
    createdAt: new Date().toISOString(),
    schemaVersion: LATEST_VERSION,
    sender: { name: options.senderName ?? '', ageRecipient: keys.ageRecipient, signingKey: keys.signingPublic },
    dossier: { id: dossier.id, title: dossier.title },
    neverExportIncluded: options.includeNeverExport,
    recordsSha256: sha256(recordsJson),
    records: records.map((r) => ({ kind: r.kind, id: r.id, sha256: recordHash(r) })),
    originals: [...originals].map(([hash, bytes]) => ({ sha256: hash, size: bytes.byteLength })),
    tombstones,
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 1));
  const files: Record<string, { bytes: Uint8Array; compress: boolean }> = {
    'manifest.json': { bytes: manifestBytes, compress: true },
    'manifest.sig': { bytes: signManifest(keys, manifestBytes), compress: false },
    'records.json': { bytes: recordsJson, compress: true },
  };
  for (const [hash, bytes] of originals) files[`originals/${hash}`] = { bytes, compress: false };
  const bytes = await lock(pack(files), options);
  return {
    bytes,
    manifest,
    commit: () =>
      store.transaction(() => {
        for (const peer of peers) {
          store.bundles.remember(
            peer,
            dossier.id,
            manifest.records.map((r) => ({ kind: r.kind, recordId: r.id, hash: r.sha256 })),
          );
          store.bundles.forget(peer, tombstones);
        }
        store.audit.append({
          action: 'bundle.export',
          entityType: 'dossier',
          entityId: dossier.id,
          summary: `Bundle ${manifest.bundleId} made: ${records.length} records, ${originals.size} originals, ${tombstones.length} tombstones, to ${options.passphrase !== undefined ? 'a passphrase' : `${peers.length} recipients`}`,
        });
      }),
  };
}

function dedupe(list: { kind: RecordKind; id: string }[]): { kind: RecordKind; id: string }[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = `${r.kind}:${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A bundle decrypted and checked: its signature holds, every record and original matches its hash. */
export interface OpenedBundle {
  manifest: BundleManifest;
  records: BundleRecord[];
  originals: Map<string, Uint8Array>;
}

/**
 * Decrypts a bundle with this vault's key (or a passphrase) and checks it whole before anything is
 * looked at: a damaged, cut, altered or foreign bundle is refused with its own code.
 */
export async function openBundle(store: Store, bytes: Uint8Array, passphrase?: string): Promise<OpenedBundle> {
  const kind = lockKind(bytes);
  let plain: Uint8Array;
  if (kind === 'passphrase') {
    if (!passphrase) throw new UprightError('BUNDLE_PASSPHRASE_NEEDED');
    plain = await unlock(bytes, { passphrase });
  } else {
    plain = await unlock(bytes, { ageSecret: (await identityOf(store)).ageSecret });
  }
  const files = unpack(plain);
  const manifestBytes = files['manifest.json'];
  const signature = files['manifest.sig'];
  const recordsBytes = files['records.json'];
  if (!manifestBytes || !signature || !recordsBytes) throw new UprightError('BUNDLE_NOT_A_BUNDLE');
  let manifest: BundleManifest;
  try {
    const raw = JSON.parse(new TextDecoder().decode(manifestBytes)) as { format?: unknown; schemaVersion?: unknown };
    if (raw.format !== BUNDLE_FORMAT) throw new UprightError('BUNDLE_NOT_A_BUNDLE');
    if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > LATEST_VERSION) {
      throw new UprightError('BUNDLE_FROM_FUTURE');
    }
    manifest = BundleManifest.parse(raw);
  } catch (error) {
    if (error instanceof UprightError) throw error;
    throw new UprightError('BUNDLE_DAMAGED');
  }
  if (!signatureHolds(manifest.sender.signingKey, manifestBytes, signature)) {
    throw new UprightError('BUNDLE_SIGNATURE_INVALID');
  }
  const known = store.identity.colleagueByRecipient(manifest.sender.ageRecipient);
  if (known?.signingKey && known.signingKey !== manifest.sender.signingKey) {
    throw new UprightError('BUNDLE_SENDER_CHANGED', { name: known.name });
  }
  if (sha256(recordsBytes) !== manifest.recordsSha256) throw new UprightError('BUNDLE_DAMAGED');
  let records: BundleRecord[];
  try {
    records = BundleRecord.array().parse(JSON.parse(new TextDecoder().decode(recordsBytes)));
  } catch {
    throw new UprightError('BUNDLE_DAMAGED');
  }
  if (records.length !== manifest.records.length) throw new UprightError('BUNDLE_DAMAGED');
  records.forEach((record, i) => {
    const listed = manifest.records[i];
    if (!listed || listed.kind !== record.kind || listed.id !== record.id || listed.sha256 !== recordHash(record)) {
      throw new UprightError('BUNDLE_DAMAGED');
    }
  });
  const originals = new Map<string, Uint8Array>();
  for (const listed of manifest.originals) {
    const bytes = files[`originals/${listed.sha256}`];
    if (!bytes || bytes.byteLength !== listed.size || sha256(bytes) !== listed.sha256) {
      throw new UprightError('BUNDLE_DAMAGED');
    }
    originals.set(listed.sha256, bytes);
  }
  const expected = new Set([
    'manifest.json',
    'manifest.sig',
    'records.json',
    ...[...originals.keys()].map((h) => `originals/${h}`),
  ]);
  if (Object.keys(files).some((name) => !expected.has(name))) throw new UprightError('BUNDLE_DAMAGED');
  return { manifest, records, originals };
}

export type ChangeKind = 'added' | 'changed' | 'tombstoned' | 'conflict' | 'unchanged';

export interface PlannedChange {
  kind: RecordKind;
  id: string;
  change: ChangeKind;
  /** Theirs (null for a tombstone: deleted there). */
  theirs: BundleRecord | null;
  mine: BundleRecord | null;
}

/** What a merge would do, record by record, before anything is written. */
export function plan(store: Store, opened: OpenedBundle): PlannedChange[] {
  const { manifest } = opened;
  const peer = manifest.sender.ageRecipient;
  const base = (kind: RecordKind, id: string) =>
    store.bundles.base(peer, kind, id) ?? store.bundles.base(PASSPHRASE_PEER, kind, id);
  const changes: PlannedChange[] = [];
  for (const theirs of opened.records) {
    const dossierOf = store.bundles.dossierOf(theirs.kind, theirs.id);
    if (dossierOf !== null && dossierOf !== manifest.dossier.id) throw new UprightError('BUNDLE_INCOMPATIBLE');
    const mine = store.bundles.read(theirs.kind, theirs.id, manifest.neverExportIncluded);
    const t = recordHash(theirs);
    const b = base(theirs.kind, theirs.id);
    let change: ChangeKind;
    if (!mine) change = b === t ? 'unchanged' : 'added';
    else {
      const m = recordHash(mine);
      if (m === t || b === t) change = 'unchanged';
      else if (b === m) change = isBuried(theirs, mine) ? 'tombstoned' : 'changed';
      else change = 'conflict';
    }
    changes.push({ kind: theirs.kind, id: theirs.id, change, theirs, mine });
  }
  for (const gone of manifest.tombstones) {
    const mine = store.bundles.read(gone.kind, gone.id, manifest.neverExportIncluded);
    if (!mine || (mine.row.deleted_at ?? null) !== null) continue;
    const b = base(gone.kind, gone.id);
    const change: ChangeKind = b !== null && b === recordHash(mine) ? 'tombstoned' : 'conflict';
    changes.push({ kind: gone.kind, id: gone.id, change, theirs: null, mine });
  }
  return changes;
}

const isBuried = (theirs: BundleRecord, mine: BundleRecord) =>
  (theirs.row.deleted_at ?? null) !== null && (mine.row.deleted_at ?? null) === null;

export const conflictKey = (change: { kind: RecordKind; id: string }) => `${change.kind}:${change.id}`;

export interface MergeOutcome {
  added: number;
  changed: number;
  tombstoned: number;
  keptMine: number;
  keptBoth: number;
}

/**
 * Merges an opened bundle in one transaction. Every conflict needs a resolution (keep mine · keep
 * theirs · keep both, the last only for kinds that can stand twice); unresolved conflicts refuse the
 * whole merge. Importing the same bundle again finds nothing to do and writes nothing.
 */
export function merge(store: Store, opened: OpenedBundle, resolutions: Record<string, Resolution>): MergeOutcome {
  const changes = plan(store, opened);
  const unresolved = changes.filter((c) => c.change === 'conflict' && !resolutions[conflictKey(c)]);
  if (unresolved.length > 0) throw new UprightError('BUNDLE_CONFLICT_UNRESOLVED', { count: unresolved.length });
  const { manifest } = opened;
  const peer = manifest.sender.ageRecipient;
  const outcome: MergeOutcome = { added: 0, changed: 0, tombstoned: 0, keptMine: 0, keptBoth: 0 };
  const include = manifest.neverExportIncluded;
  const originalOf = (record: BundleRecord) => {
    const hash = record.row.original_sha256;
    return typeof hash === 'string' ? (opened.originals.get(hash) ?? null) : null;
  };
  const written: { kind: RecordKind; id: string }[] = [];
  const write = (record: BundleRecord) => {
    store.bundles.write(record, originalOf(record), include);
    written.push({ kind: record.kind, id: record.id });
  };
  const bases = manifest.records.map((r) => ({ kind: r.kind, recordId: r.id, hash: r.sha256 }));
  const pending = changes.filter((c) => c.change !== 'unchanged');
  const newBases = bases.filter((b) => store.bundles.base(peer, b.kind, b.recordId) !== b.hash);
  if (pending.length === 0 && newBases.length === 0 && manifest.tombstones.length === 0) return outcome;
  try {
    store.transaction(() => mergeIn());
  } catch (error) {
    // A row the vault's constraints refuse (a crafted or mismatched bundle): nothing was written.
    if (
      !(error instanceof UprightError) &&
      String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')
    ) {
      throw new UprightError('BUNDLE_INCOMPATIBLE');
    }
    throw error;
  }
  return outcome;

  function mergeIn(): void {
    for (const c of pending) {
      const resolution: Resolution | undefined = c.change === 'conflict' ? resolutions[conflictKey(c)] : 'theirs';
      if (resolution === 'mine') {
        outcome.keptMine++;
        continue;
      }
      if (resolution === 'both' && c.theirs && c.mine && KEEP_BOTH_KINDS.includes(c.kind)) {
        const id = uuidv7();
        write({ ...c.theirs, id, row: { ...c.theirs.row, id } });
        outcome.keptBoth++;
        continue;
      }
      if (c.theirs) {
        write(c.theirs);
        if (c.change === 'added') outcome.added++;
        else if (c.change === 'tombstoned') outcome.tombstoned++;
        else outcome.changed++;
      } else {
        store.bundles.bury(c.kind, c.id);
        outcome.tombstoned++;
      }
    }
    // Everything written belongs to the bundle's dossier (codes and entities belong to the vault):
    // a bundle cannot reach into another dossier, by a row's dossier or by what it points at.
    for (const w of written) {
      const dossier = store.bundles.dossierOf(w.kind, w.id);
      if (dossier !== null && dossier !== manifest.dossier.id) throw new UprightError('BUNDLE_INCOMPATIBLE');
    }
    store.bundles.remember(peer, manifest.dossier.id, bases);
    store.bundles.forget(peer, manifest.tombstones);
    const colleague = store.identity.colleagueByRecipient(peer);
    if (colleague) store.identity.learnSigningKey(colleague.id, manifest.sender.signingKey);
    if (pending.length > 0) {
      store.audit.append({
        action: 'bundle.import',
        entityType: 'dossier',
        entityId: manifest.dossier.id,
        summary: `Bundle ${manifest.bundleId} merged: ${outcome.added} added, ${outcome.changed} changed, ${outcome.tombstoned} deleted, ${outcome.keptMine} kept as they were, ${outcome.keptBoth} kept both`,
      });
    }
  }
}

export type { IdentityKeys };
