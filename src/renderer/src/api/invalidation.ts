// Which cached reads a write can change. Pure data, tested for every method of the API table: a
// method is a read (changes nothing), or it names the areas whose reads must load again.
import type { Method } from '../../../shared/api.ts';

/** The first word of a method name: 'excerpt.create' → 'excerpt'. */
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
  | 'event';

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
  'prefill',
  'links',
  'claims',
]);

export function isRead(method: Method): boolean {
  return READ_VERBS.has(method.slice(method.indexOf('.') + 1));
}

// What a source's or an annotation's change reaches: lists show source titles and counts, notes
// and the citation picker show excerpts, entity pages show mentions, suggestions skip what is marked;
// the timeline shows evidence, its sources and participants' names.
const TEXT_AND_ANNOTATIONS: Area[] = ['dossier', 'source', 'excerpt', 'code', 'entity', 'suggestion', 'draft', 'event'];

const CHANGES: Partial<Record<Method, readonly Area[] | 'all'>> = {
  'app.setPreferences': ['app'],
  'settings.update': ['settings', 'vault'],
  'dossier.create': ['dossier'],
  'dossier.update': ['dossier', 'draft'],
  'dossier.archive': ['dossier'],
  'import.files': TEXT_AND_ANNOTATIONS,
  'import.cancel': ['source', 'dossier'],
  'code.create': ['code', 'excerpt'],
  'code.update': ['code', 'excerpt'],
  'code.starter': ['code'],
  'code.merge': ['code', 'excerpt', 'draft', 'event'],
  'code.delete': ['code', 'excerpt', 'draft', 'event'],
  'draft.create': ['draft', 'dossier'],
  'draft.update': ['draft'],
  'draft.delete': ['draft', 'dossier'],
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
};

/** The areas a successful call of `method` may have changed; empty for a read. */
export function areasChangedBy(method: Method): readonly Area[] | 'all' {
  if (isRead(method)) return [];
  return CHANGES[method] ?? TEXT_AND_ANNOTATIONS;
}
