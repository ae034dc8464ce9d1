// Which cached reads a write can change. Pure data, tested for every method of the API table: a
// method is a read (changes nothing), or it names the areas whose reads must load again.
import type { Method } from '../../../shared/api.ts';

/** The first word of a method name: 'excerpt.create' → 'excerpt', 'search.saved.list' → 'search'. */
export type Area =
  | 'app'
  | 'vault'
  | 'settings'
  | 'sample'
  | 'dossier'
  | 'source'
  | 'import'
  | 'excerpt'
  | 'code'
  | 'annotation'
  | 'suggestion'
  | 'entity'
  | 'draft'
  | 'search'
  | 'event'
  | 'identity'
  | 'colleague'
  | 'bundle'
  | 'inbox'
  | 'recommendation';

export function areaOf(method: string): Area {
  return method.split('.')[0] as Area;
}

/** Verbs that only read. Anything else changes something and must say what below. */
const READ_VERBS = new Set([
  'list',
  'get',
  'status',
  'info',
  'diagnostics',
  'preferences',
  'forSource',
  'orphans',
  'notes',
  'check',
  'redactions',
  'render',
  'versions',
  'compare',
  'mentions',
  'original',
  'renditions',
  'review',
  'query',
  'prefill',
  'links',
  'claims',
  'matrix',
  'facets',
  'table',
  'importPreview',
]);

/** The verb is the last word: 'search.saved.list' reads. */
export function isRead(method: Method): boolean {
  return READ_VERBS.has(method.slice(method.lastIndexOf('.') + 1));
}

// What a source's or an annotation's change reaches: lists show source titles and counts, notes
// and the citation picker show excerpts, entity pages show mentions, suggestions skip what is marked,
// search results hold the words and the filters by code and entity; the timeline shows evidence,
// its sources and participants' names.
const TEXT_AND_ANNOTATIONS: Area[] = [
  'dossier',
  'source',
  'excerpt',
  'code',
  'entity',
  'suggestion',
  'draft',
  'search',
  'event',
  'recommendation',
];

const CHANGES: Partial<Record<Method, readonly Area[] | 'all'>> = {
  'app.setPreferences': ['app'],
  'settings.update': ['settings', 'vault'],
  'dossier.create': ['dossier'],
  'dossier.update': ['dossier', 'draft', 'search'],
  'dossier.archive': ['dossier'],
  'import.files': TEXT_AND_ANNOTATIONS,
  'import.cancel': ['source', 'dossier', 'search'],
  'code.create': ['code', 'excerpt'],
  'code.starter': ['code'],
  // Search filters by code (and its sub-codes): moves, merges and deletes change what they find.
  'code.update': ['code', 'excerpt', 'search', 'recommendation'],
  'code.merge': ['code', 'excerpt', 'draft', 'search', 'event', 'recommendation'],
  'code.delete': ['code', 'excerpt', 'draft', 'search', 'event', 'recommendation'],
  'draft.create': ['draft', 'dossier', 'search'],
  'draft.update': ['draft', 'search'],
  'draft.delete': ['draft', 'dossier', 'search'],
  'search.saved.create': ['search'],
  'search.saved.delete': ['search'],
  'draft.snapshot': ['draft'],
  // An event's change shows on the timeline and on its participants' pages only.
  'event.create': ['event'],
  'event.update': ['event'],
  'event.delete': ['event'],
  'event.addParticipant': ['event'],
  'event.removeParticipant': ['event'],
  'event.addEvidence': ['event'],
  'event.removeEvidence': ['event'],
  'draft.appendParagraph': ['draft'],
  'draft.appendTable': ['draft'],
  'draft.appendTimeline': ['draft'],
  'draft.appendClaim': ['draft'],
  // A recommendation's words and numbers show in the drafts that refer to it (and their checks);
  // its assessment and evidence only in the tracker.
  'recommendation.create': ['recommendation', 'draft'],
  'recommendation.update': ['recommendation', 'draft'],
  'recommendation.delete': ['recommendation', 'draft'],
  'recommendation.assess': ['recommendation'],
  'recommendation.addEvidence': ['recommendation'],
  'recommendation.removeEvidence': ['recommendation'],
  'recommendation.insertTable': ['draft', 'recommendation'],
  // An import adds recommendations; drafts check their references against them.
  'recommendation.import': ['recommendation', 'draft'],
  // Links show on both excerpts, in the Claims view and (as counts) nowhere else.
  'excerpt.link': ['excerpt'],
  'excerpt.unlink': ['excerpt'],
  // Actions with effects outside the vault (a dialog, a file written) change no case data.
  'import.pick': [],
  'draft.export': [],
  'annotation.export': [],
  'event.export': [],
  // Keys, backups and the lock handshake change no case data.
  'vault.flushed': [],
  'vault.backup': [],
  'vault.verify': [],
  // Stopping a verify or a backup changes nothing stored (a cancelled backup leaves no copy).
  'vault.cancelTask': [],
  'vault.changePassphrase': ['vault'],
  'vault.rotateKeys': ['vault'],
  'vault.newRecoveryKey': ['vault'],
  // Everything else that writes (excerpts, entities, sources, suggestions) can show anywhere.
  // Vault and sample switches replace the whole vault.
  'vault.create': 'all',
  'vault.unlock': 'all',
  'vault.recover': 'all',
  'vault.lock': 'all',
  'sample.explore': 'all',
  'sample.leave': 'all',
  // They open the person's own vault for a moment, from the sample: nothing open here changes.
  'sample.ownDossiers': [],
  'sample.copySources': [],
  // Bundles: the identity is made on first sight; colleagues show in Settings and the export dialog;
  // exporting writes a file, a preview opens one; a merge can change anything in a dossier.
  'identity.show': [],
  'identity.rename': ['identity'],
  'colleague.add': ['colleague'],
  'colleague.rename': ['colleague'],
  'colleague.remove': ['colleague'],
  'bundle.export': ['inbox'],
  'bundle.preview': [],
  'bundle.import': 'all',
  'inbox.choose': ['inbox'],
};

/** The areas a successful call of `method` may have changed; empty for a read. */
export function areasChangedBy(method: Method): readonly Area[] | 'all' {
  if (isRead(method)) return [];
  return CHANGES[method] ?? TEXT_AND_ANNOTATIONS;
}
