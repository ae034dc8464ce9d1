// Storing one parsed file: its source, text, structure and original in one transaction, so a failed
// or interrupted file leaves nothing behind. Runs where the import's writes run — in the vault worker
// (src/main/workers/vault-worker.ts), on its own connection, so the main process never waits on
// SQLite for an import; or on the calling thread for tools that ask for it (VaultOptions.tasksOnMainThread).
// The kind, the web address and the renditions check read the document here too, so the parsed
// document never has to be unpacked on the main process.
import type { ImportOutcome } from '../../shared/api.ts';
import type { ImportedDocument } from '../ingest/types.ts';
import type { Store } from '../store/index.ts';
import { webAccess } from './access.ts';
import { guessKind } from './kind.ts';

/** One parsed file, as the import's writer receives it. */
export interface ParsedFile {
  dossierId: string;
  name: string;
  /** The file's bytes (kept as its original) and their SHA-256. */
  bytes: Uint8Array;
  sha256: string;
  modifiedAt?: number;
  doc: ImportedDocument;
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
  markdown: 'text/markdown',
};

export function outcome(name: string, fields: Partial<ImportOutcome> & Pick<ImportOutcome, 'status'>): ImportOutcome {
  return {
    name,
    sourceId: null,
    title: null,
    pages: null,
    sha256: null,
    duplicateOf: null,
    error: null,
    sameTextAs: [],
    ...fields,
  };
}

/** "Already imported" for bytes a live source of the dossier holds; null when they are new. */
export function duplicateOutcome(store: Store, dossierId: string, name: string, sha256: string): ImportOutcome | null {
  const existing = store.sources.findByHash(dossierId, sha256);
  if (!existing) return null;
  return outcome(name, {
    status: 'duplicate',
    sha256,
    sourceId: existing.id,
    title: existing.title,
    duplicateOf: { sourceId: existing.id, title: existing.title },
    error: { code: 'ALREADY_IMPORTED', params: {} },
  });
}

/**
 * Stores one parsed file in one transaction and answers its outcome. The duplicate check is made
 * again inside the transaction: the same bytes may have arrived meanwhile by another way.
 */
export function storeParsedFile(store: Store, file: ParsedFile): ImportOutcome {
  const { doc } = file;
  const stored = store.transaction(() => {
    const duplicate = duplicateOutcome(store, file.dossierId, file.name, file.sha256);
    if (duplicate) return duplicate;
    const title = doc.metadata.title?.trim() || file.name.replace(/\.[^.]+$/, '');
    const { url, accessed } = webAccess(doc, file.modifiedAt);
    const source = store.sources.add({
      dossierId: file.dossierId,
      title,
      kind: guessKind(doc),
      original: { bytes: file.bytes, mediaType: MEDIA_TYPES[doc.format] ?? null, filename: file.name },
      text: doc.text,
      pageMap: doc.pages,
      blocks: doc.blocks,
      format: doc.format,
      warnings: doc.warnings,
      authorOrganisation: doc.metadata.author ?? null,
      dateText: doc.metadata.date ?? null,
      documentSymbol: doc.metadata.symbol ?? null,
      language: doc.metadata.language ?? null,
      url,
      accessed,
      ...(doc.encoding ? { metadata: { encoding: doc.encoding } } : {}),
    });
    return outcome(file.name, {
      status: 'imported',
      sourceId: source.id,
      title: source.title,
      pages: doc.pages.length,
      sha256: file.sha256,
    });
  });
  if (stored.status !== 'imported' || !stored.sourceId) return stored;
  return { ...stored, sameTextAs: sameTextAs(store, stored.sourceId) };
}

/** Sources already in the dossier with this one's text: another format of the same document. */
function sameTextAs(store: Store, sourceId: string): ImportOutcome['sameTextAs'] {
  return store.sources
    .sameText(sourceId)
    .map(({ source, similarity }) => ({ sourceId: source.id, title: source.title, format: source.format, similarity }));
}
