// Re-normalising a source: its original is read again by the current importer (after an importer
// fix, say), the text is replaced, and every excerpt is found again by quote and context. Those that
// cannot be found are kept, marked orphaned, for the person to place again — never dropped.
import { UprightError } from '../../shared/errors.ts';
import { parseInWorker } from '../import/sandbox.ts';
import type { ImportedDocument } from '../ingest/types.ts';
import { DEFAULT_IMPORT_LIMITS } from '../ingest/types.ts';
import type { Store } from '../store/index.ts';
import { reanchorAll } from './anchor.ts';

export interface RenormaliseResult {
  /** Found where they were. */
  unchanged: number;
  /** Found elsewhere, verbatim or with small differences (hyphenation, spacing). */
  moved: number;
  orphans: { id: string; exact: string }[];
}

/** Reads a document into normalised text; the import pipeline's parse worker unless a test passes another. */
export type Reader = (bytes: Uint8Array, fileName: string) => Promise<ImportedDocument>;

export async function renormaliseSource(
  store: Store,
  sourceId: string,
  read: Reader = (bytes, name) => parseInWorker(bytes, name, DEFAULT_IMPORT_LIMITS, new AbortController().signal),
): Promise<RenormaliseResult> {
  const original = store.sources.originalFile(sourceId);
  if (!original) {
    throw new UprightError('NOT_FOUND', 'This source has no original file to read again.');
  }
  const doc = await read(new Uint8Array(original.bytes), original.fileName ?? 'original');
  return replaceSourceText(store, sourceId, doc);
}

/** Replaces a source's text with a new reading and re-anchors its excerpts, all in one transaction. */
export function replaceSourceText(store: Store, sourceId: string, doc: ImportedDocument): RenormaliseResult {
  return store.transaction(() => {
    const result = reanchorAll(store.excerpts.anchorsOf(sourceId), doc.text, doc.pages);
    store.sources.replaceText(sourceId, {
      text: doc.text,
      pageMap: doc.pages,
      blocks: doc.blocks,
      format: doc.format,
      warnings: doc.warnings,
      url: doc.metadata.url ?? null,
      savedOn: doc.metadata.savedOn ?? null,
    });
    store.excerpts.applyReanchoring(
      result.reanchored.map((r) => ({ id: r.id, status: r.status, anchor: r.anchor })),
      result.orphans.map((o) => o.id),
    );
    // Linked mentions follow their words too; cached suggestions were found in the old text.
    const mentions = reanchorAll(store.mentions.anchorsOf(sourceId), doc.text, doc.pages);
    store.mentions.applyReanchoring(
      mentions.reanchored.map((r) => ({ id: r.id, status: r.status, anchor: r.anchor })),
      mentions.orphans.map((o) => o.id),
    );
    store.suggestions.invalidate(sourceId);
    return {
      unchanged: result.reanchored.filter((r) => r.status === 'exact').length,
      moved: result.reanchored.filter((r) => r.status !== 'exact').length,
      orphans: result.orphans,
    };
  });
}
