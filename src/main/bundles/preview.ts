// What the import dialog shows of an opened bundle: who it comes from, what a merge would do, and
// each conflict with the fields that differ.
import type { BundleConflict, BundlePreview } from '../../shared/api/bundles.ts';
import { type BundleRecord, KEEP_BOTH_KINDS, RECORD_KINDS } from '../../shared/bundles.ts';
import type { Store } from '../store/index.ts';
import { conflictKey, type OpenedBundle, type PlannedChange, plan } from './exchange.ts';

const SHORT = 240;
const shorten = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
};

function label(record: BundleRecord | null): string {
  const row = record?.row ?? {};
  for (const field of ['title', 'name', 'exact', 'text', 'note']) {
    const value = row[field];
    if (typeof value === 'string' && value.trim()) return shorten(value.replace(/\s+/g, ' ').trim());
  }
  return record?.id ?? '';
}

const IGNORED = new Set(['updated_at', 'created_at']);

function differences(mine: BundleRecord | null, theirs: BundleRecord | null): BundleConflict['differences'] {
  if (!mine || !theirs) return [];
  const out: BundleConflict['differences'] = [];
  const fields = new Set([...Object.keys(mine.row), ...Object.keys(theirs.row)]);
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    if ((mine.row[field] ?? null) !== (theirs.row[field] ?? null)) {
      out.push({ field, mine: shorten(mine.row[field]), theirs: shorten(theirs.row[field]) });
    }
  }
  for (const name of new Set([...Object.keys(mine.children), ...Object.keys(theirs.children)])) {
    const a = JSON.stringify(mine.children[name] ?? []);
    const b = JSON.stringify(theirs.children[name] ?? []);
    if (a !== b) out.push({ field: name, mine: shorten(a), theirs: shorten(b) });
  }
  return out;
}

const deleted = (record: BundleRecord | null) => record !== null && (record.row.deleted_at ?? null) !== null;

export function conflictOf(change: PlannedChange): BundleConflict {
  return {
    key: conflictKey(change),
    kind: change.kind,
    id: change.id,
    label: label(change.mine ?? change.theirs),
    deletedThere: change.theirs === null || deleted(change.theirs),
    deletedHere: deleted(change.mine),
    differences: differences(change.mine, change.theirs),
    canKeepBoth: change.theirs !== null && !deleted(change.theirs) && KEEP_BOTH_KINDS.includes(change.kind),
  };
}

export function previewOf(store: Store, opened: OpenedBundle, token: string): BundlePreview {
  const { manifest } = opened;
  const changes = plan(store, opened);
  const countsOf = (list: PlannedChange[]) => {
    const count = (change: PlannedChange['change']) => list.filter((c) => c.change === change).length;
    return {
      added: count('added'),
      changed: count('changed'),
      conflicts: count('conflict'),
      tombstoned: count('tombstoned'),
      unchanged: count('unchanged'),
    };
  };
  const colleague = store.identity.colleagueByRecipient(manifest.sender.ageRecipient);
  const own = store.identity.get();
  return {
    state: 'ready',
    token,
    bundleId: manifest.bundleId,
    createdAt: manifest.createdAt,
    sender: {
      name: colleague?.name ?? manifest.sender.name,
      ageRecipient: manifest.sender.ageRecipient,
      colleagueId: colleague?.id ?? null,
      verified: colleague?.signingKey === manifest.sender.signingKey,
      self: own?.ageRecipient === manifest.sender.ageRecipient,
    },
    dossier: {
      id: manifest.dossier.id,
      title: manifest.dossier.title,
      exists: store.bundles.exists('dossier', manifest.dossier.id),
    },
    neverExportIncluded: manifest.neverExportIncluded,
    counts: countsOf(changes),
    kinds: RECORD_KINDS.map((kind) => ({ kind, ...countsOf(changes.filter((c) => c.kind === kind)) })).filter(
      (k) => k.added + k.changed + k.conflicts + k.tombstoned > 0,
    ),
    conflicts: changes.filter((c) => c.change === 'conflict').map(conflictOf),
  };
}
