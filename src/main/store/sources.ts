// Sources: imported documents. The original bytes are kept inside the encrypted vault (never beside
// it) with their SHA-256, so verify() can prove an original is the file that was imported.
// The reader gets a source's text with its structure (blocks) and page map, kept in source_text
// apart from the summary row (migration 009); listings read only `source` (and the original's name
// and size from an index), never the text or the original's bytes.
import { createHash } from 'node:crypto';
import { cutPage, DEFAULT_PAGE_SIZE, decodeCursor, type Page } from '../../shared/api/paging.ts';
import { type AccessedSource, SOURCE_KINDS, type SourceKind } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import { type ImportWarning, storedWarning } from '../../shared/warnings.ts';
import { paragraphHashes, RENDITION_SIMILARITY, similarity } from '../ingest/fingerprint.ts';
import type { PageSpan, Block as SourceBlock, SourceFormat } from '../ingest/types.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { removeLinksOf } from './links.ts';
import { Repository } from './repository.ts';
import { indexSource, sourcesMatching, unindex } from './search.ts';

// The structure a source is stored with is what the importers produce.
export type { Block as SourceBlock, PageSpan, SourceFormat } from '../ingest/types.ts';
export { SOURCE_KINDS, type SourceKind };

export interface NewSource {
  dossierId: string;
  title: string;
  kind: SourceKind;
  /** The file as imported; stored encrypted in the vault. */
  original?: { bytes: Uint8Array; mediaType?: string | null; filename?: string | null } | null;
  /** Normalised text (what excerpts point into). */
  text?: string;
  pageMap?: PageSpan[];
  /** Headings, paragraphs, list items, footnotes as offsets into text. */
  blocks?: SourceBlock[];
  format?: SourceFormat | null;
  /** What the importer noticed (kept in metadata, shown in the reader). */
  warnings?: ImportWarning[];
  authorOrganisation?: string | null;
  /** Possibly partial: "2021", "2021-06", "2021-06-30". */
  dateText?: string | null;
  documentSymbol?: string | null;
  language?: string | null;
  reliabilityNote?: string;
  metadata?: Record<string, unknown>;
  /** The web address it was read at (a saved page's canonical or "saved from" address). */
  url?: string | null;
  /** YYYY-MM-DD: the day it was read there, with where that day comes from. */
  accessed?: { date: string; source: AccessedSource } | null;
}

export interface SourceRecord {
  id: string;
  dossierId: string;
  title: string;
  kind: SourceKind;
  authorOrganisation: string | null;
  dateText: string | null;
  documentSymbol: string | null;
  language: string | null;
  reliabilityNote: string;
  originalSha256: string | null;
  metadata: Record<string, unknown>;
  importedAt: string | null;
  createdAt: string;
  updatedAt: string;
  text: string;
  pageMap: PageSpan[];
}

interface SourceRow {
  id: string;
  dossier_id: string;
  title: string;
  kind: SourceKind;
  author_organisation: string | null;
  date_text: string | null;
  document_symbol: string | null;
  language: string | null;
  reliability_note: string;
  original_sha256: string | null;
  metadata: string;
  imported_at: string | null;
  created_at: string;
  updated_at: string;
  text: string;
  page_map: string;
}

export interface OriginalsReport {
  checked: number;
  mismatched: { sourceId: string; title: string }[];
}

export class SourceRepository extends Repository {
  add(input: NewSource): SourceRecord {
    const id = uuidv7();
    const now = nowIso();
    const original = input.original ?? null;
    const sha256 = original ? createHash('sha256').update(original.bytes).digest('hex') : null;
    this.db.transaction(() => {
      const pageMap = input.pageMap ?? [];
      const seq = this.sql
        .get(
          `INSERT INTO source (id, dossier_id, title, kind, author_organisation, date_text, document_symbol, language,
             reliability_note, original_sha256, metadata, imported_at, created_at, updated_at, format, page_count,
             url, accessed_date, accessed_source)
           VALUES (@id, @dossier_id, @title, @kind, @author_organisation, @date_text, @document_symbol, @language,
             @reliability_note, @original_sha256, @metadata, @imported_at, @now, @now, @format, @page_count,
             @url, @accessed_date, @accessed_source)
           RETURNING seq`,
        )
        .pluck()
        .get({
          id,
          dossier_id: input.dossierId,
          title: input.title,
          kind: input.kind,
          author_organisation: input.authorOrganisation ?? null,
          date_text: input.dateText ?? null,
          document_symbol: input.documentSymbol ?? null,
          language: input.language ?? null,
          reliability_note: input.reliabilityNote ?? '',
          original_sha256: sha256,
          metadata: JSON.stringify({
            ...input.metadata,
            ...(input.warnings?.length ? { warnings: input.warnings } : {}),
          }),
          imported_at: original ? now : null,
          now,
          format: input.format ?? null,
          page_count: pageMap.length,
          url: input.url ?? null,
          accessed_date: input.accessed?.date ?? null,
          accessed_source: input.accessed?.source ?? null,
        }) as number;
      this.sql
        .get('INSERT INTO source_text (source_seq, page_map, blocks, paragraph_hashes, text) VALUES (?, ?, ?, ?, ?)')
        .run(
          seq,
          JSON.stringify(pageMap),
          JSON.stringify(input.blocks ?? []),
          JSON.stringify(paragraphHashes(input.text ?? '', input.blocks ?? [])),
          input.text ?? '',
        );
      if (original) {
        this.sql
          .get(
            `INSERT INTO source_original (source_id, media_type, filename, size, created_at, updated_at, bytes)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            original.mediaType ?? null,
            original.filename ?? null,
            original.bytes.byteLength,
            now,
            now,
            Buffer.from(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength),
          );
      }
      this.audit.append({
        action: 'source.add',
        entityType: 'source',
        entityId: id,
        summary: original ? `Source added with a ${original.bytes.byteLength}-byte original` : 'Source added',
      });
      indexSource(this.db, id);
    })();
    return this.get(id) as SourceRecord;
  }

  get(id: string): SourceRecord | null {
    const row = this.sql
      .get(
        `SELECT s.id, s.dossier_id, s.title, s.kind, s.author_organisation, s.date_text, s.document_symbol, s.language,
           s.reliability_note, s.original_sha256, s.metadata, s.imported_at, s.created_at, s.updated_at, t.text, t.page_map
         FROM source s JOIN source_text t ON t.source_seq = s.seq WHERE s.id = ? AND s.deleted_at IS NULL`,
      )
      .get(id) as SourceRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      dossierId: row.dossier_id,
      title: row.title,
      kind: row.kind,
      authorOrganisation: row.author_organisation,
      dateText: row.date_text,
      documentSymbol: row.document_symbol,
      language: row.language,
      reliabilityNote: row.reliability_note,
      originalSha256: row.original_sha256,
      metadata: JSON.parse(row.metadata) as Record<string, unknown>,
      importedAt: row.imported_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      text: row.text,
      pageMap: JSON.parse(row.page_map) as PageSpan[],
    };
  }

  /** A live source of the dossier holding exactly these bytes (import says "already imported as …"). */
  findByHash(dossierId: string, sha256: string): { id: string; title: string } | null {
    const row = this.sql
      .get('SELECT id, title FROM source WHERE dossier_id = ? AND original_sha256 = ? AND deleted_at IS NULL LIMIT 1')
      .get(dossierId, sha256) as { id: string; title: string } | undefined;
    return row ?? null;
  }

  /** The dossier's sources in import order, without their text or bytes. */
  list(dossierId: string): SourceSummary[] {
    const rows = this.sql
      .get(`SELECT ${SUMMARY_COLUMNS} FROM source s LEFT JOIN source_original o ON o.source_id = s.id
            WHERE s.dossier_id = ? AND s.deleted_at IS NULL ORDER BY s.seq`)
      .all(dossierId) as SummaryRow[];
    return rows.map(toSummary);
  }

  /** One page of the dossier's sources in import order, after `cursor`; the total from an index count. */
  page(dossierId: string, limit = DEFAULT_PAGE_SIZE, cursor?: string): Page<SourceSummary> {
    const after = cursor ? decodeCursor(cursor, 'source.list', { dossierId }, ['n']) : null;
    const rows = this.sql
      .get(`SELECT ${SUMMARY_COLUMNS}, s.seq FROM source s LEFT JOIN source_original o ON o.source_id = s.id
            WHERE s.dossier_id = ? AND s.deleted_at IS NULL AND s.seq > ? ORDER BY s.seq LIMIT ?`)
      .all(dossierId, after?.[0] ?? -1, limit + 1) as (SummaryRow & { seq: number })[];
    const total = Number(
      this.sql.get('SELECT count(*) FROM source WHERE dossier_id = ? AND deleted_at IS NULL').pluck().get(dossierId),
    );
    return cutPage(
      rows,
      limit,
      total,
      (kept) => kept.map(toSummary),
      (row) => [row.seq],
      'source.list',
      {
        dossierId,
      },
    );
  }

  /** Everything the reader shows: summary, text, structure, page map, import warnings. */
  detail(id: string): SourceDetail {
    const row = this.sql
      .get(`SELECT ${SUMMARY_COLUMNS}, t.text, t.page_map, t.blocks, s.metadata FROM source s
            JOIN source_text t ON t.source_seq = s.seq
            LEFT JOIN source_original o ON o.source_id = s.id WHERE s.id = ? AND s.deleted_at IS NULL`)
      .get(id) as (SummaryRow & { text: string; page_map: string; blocks: string; metadata: string }) | undefined;
    if (!row) throw new UprightError('SOURCE_NOT_FOUND');
    const blocks = JSON.parse(row.blocks) as SourceBlock[];
    const metadata = JSON.parse(row.metadata) as { warnings?: unknown[] };
    return {
      ...toSummary(row),
      text: row.text,
      pages: JSON.parse(row.page_map) as PageSpan[],
      // Sources stored before structure was kept (schema < 3) read as paragraphs.
      blocks: blocks.length > 0 || row.text === '' ? blocks : paragraphsOf(row.text),
      // Sources imported before warnings were codes hold English sentences: read as codes too.
      warnings: (metadata.warnings ?? []).map(storedWarning),
    };
  }

  /**
   * What a source's suggestions are computed from — its text, language and date — without the
   * structure and page map detail() parses (the background queue reads this for every source it
   * computes, on the main process). Null when the source is gone.
   */
  textForSuggestions(id: string): { id: string; text: string; language: string | null; date: string | null } | null {
    const row = this.sql
      .get(`SELECT s.id, t.text, s.language, s.date_text FROM source s JOIN source_text t ON t.source_seq = s.seq
            WHERE s.id = ? AND s.deleted_at IS NULL`)
      .get(id) as { id: string; text: string; language: string | null; date_text: string | null } | undefined;
    return row ? { id: row.id, text: row.text, language: row.language, date: row.date_text } : null;
  }

  /** Corrects metadata; the text and the original never change here. */
  update(id: string, patch: SourcePatch): SourceSummary {
    const current = this.detail(id);
    const next = {
      title: patch.title ?? current.title,
      kind: patch.kind ?? current.kind,
      author: patch.authorOrganisation !== undefined ? patch.authorOrganisation : current.authorOrganisation,
      date: patch.date !== undefined ? patch.date : current.date,
      symbol: patch.symbol !== undefined ? patch.symbol : current.symbol,
      language: patch.language !== undefined ? patch.language : current.language,
      note: patch.reliabilityNote ?? current.reliabilityNote,
      url: patch.url !== undefined ? patch.url : current.url,
      accessed: patch.accessed !== undefined ? patch.accessed : current.accessed,
      // A date a person gives (or confirms by changing it) is theirs; clearing it clears where it came from.
      accessedSource:
        patch.accessed === undefined || patch.accessed === current.accessed
          ? current.accessedSource
          : patch.accessed === null
            ? null
            : ('person' as const),
    };
    const retitled = next.title !== current.title;
    this.db.transaction(() => {
      // The title is indexed with the text; kind, date and language are read when filtering.
      if (retitled) unindex(this.db, id);
      this.sql
        .get(
          `UPDATE source SET title = ?, kind = ?, author_organisation = ?, date_text = ?, document_symbol = ?, language = ?,
             reliability_note = ?, url = ?, accessed_date = ?, accessed_source = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          next.title,
          next.kind,
          next.author,
          next.date,
          next.symbol,
          next.language,
          next.note,
          next.url,
          next.accessed,
          next.accessedSource,
          nowIso(),
          id,
        );
      this.audit.append({
        action: 'source.update',
        entityType: 'source',
        entityId: id,
        summary: 'Source details changed',
      });
      if (retitled) indexSource(this.db, id);
    })();
    return this.detail(id);
  }

  /**
   * Replaces a source's normalised text and structure (after the importer changed): excerpts must be
   * re-anchored in the same transaction (ExcerptRepository.applyReanchoring).
   */
  replaceText(
    id: string,
    input: {
      text: string;
      pageMap: PageSpan[];
      blocks: SourceBlock[];
      format: SourceFormat;
      warnings: ImportWarning[];
      /** What the page records of where and when it was saved: fills only what the source lacks. */
      url?: string | null;
      savedOn?: string | null;
    },
  ): void {
    const current = this.sql.get('SELECT seq, metadata FROM source WHERE id = ? AND deleted_at IS NULL').get(id) as
      | { seq: number; metadata: string }
      | undefined;
    if (!current) throw new UprightError('SOURCE_NOT_FOUND');
    const { warnings: _old, ...metadata } = JSON.parse(current.metadata) as Record<string, unknown>;
    unindex(this.db, id);
    this.sql
      .get('UPDATE source_text SET text = ?, page_map = ?, blocks = ?, paragraph_hashes = ? WHERE source_seq = ?')
      .run(
        input.text,
        JSON.stringify(input.pageMap),
        JSON.stringify(input.blocks),
        JSON.stringify(paragraphHashes(input.text, input.blocks)),
        current.seq,
      );
    this.sql
      .get('UPDATE source SET format = ?, page_count = ?, metadata = ?, updated_at = ? WHERE seq = ?')
      .run(
        input.format,
        input.pageMap.length,
        JSON.stringify({ ...metadata, ...(input.warnings.length ? { warnings: input.warnings } : {}) }),
        nowIso(),
        current.seq,
      );
    // A source imported before addresses were kept gains its page's address and saved day; what a
    // person gave is never replaced.
    this.sql
      .get(
        `UPDATE source SET url = coalesce(url, @url),
           accessed_source = CASE WHEN accessed_date IS NULL AND @saved_on IS NOT NULL THEN 'saved_page' ELSE accessed_source END,
           accessed_date = coalesce(accessed_date, @saved_on)
         WHERE id = @id`,
      )
      .run({ id, url: input.url ?? null, saved_on: input.savedOn ?? null });
    indexSource(this.db, id);
    this.audit.append({
      action: 'source.renormalise',
      entityType: 'source',
      entityId: id,
      summary: 'Source text re-normalised',
    });
  }

  /** Keys of the suggestions the person dismissed for this source (kept in its metadata). */
  dismissedSuggestions(id: string): Set<string> {
    const value = this.sql
      .get("SELECT json_extract(metadata, '$.dismissedSuggestions') FROM source WHERE id = ? AND deleted_at IS NULL")
      .pluck()
      .get(id) as string | null | undefined;
    return new Set(value ? (JSON.parse(value) as string[]) : []);
  }

  /** Remembers dismissed suggestion keys (a mention's, or a whole group's) for this source. */
  dismissSuggestion(id: string, ...keys: string[]): void {
    const dismissed = this.dismissedSuggestions(id);
    const before = dismissed.size;
    for (const key of keys) dismissed.add(key);
    if (dismissed.size === before) return;
    this.sql
      .get("UPDATE source SET metadata = json_set(metadata, '$.dismissedSuggestions', json(?)) WHERE id = ?")
      .run(JSON.stringify([...dismissed]), id);
  }

  /** The original with its name and media type, for showing it as imported. */
  originalFile(id: string): { fileName: string | null; mediaType: string | null; bytes: Buffer } | null {
    const row = this.sql
      .get(
        `SELECT o.filename, o.media_type, o.bytes FROM source_original o JOIN source s ON s.id = o.source_id
         WHERE o.source_id = ? AND s.deleted_at IS NULL`,
      )
      .get(id) as { filename: string | null; media_type: string | null; bytes: Buffer } | undefined;
    return row ? { fileName: row.filename, mediaType: row.media_type, bytes: row.bytes } : null;
  }

  /**
   * Removes a source: the original's bytes and file name, the text, the title and every other
   * descriptive field are erased (secure_delete zeroes the freed space); a tombstone row with only
   * its id stays so the deletion can travel to a colleague's vault; its excerpts go too. The title
   * is often the file name, which can say more than the document: it must not outlive the source.
   * The full-text indexes are merged afterwards, because FTS5 records a deletion as a new entry and
   * keeps the old tokens in older segments until they are merged.
   */
  remove(id: string): boolean {
    const exists = this.sql.get('SELECT 1 FROM source WHERE id = ? AND deleted_at IS NULL').pluck().get(id);
    if (!exists) return false;
    const now = nowIso();
    this.db.transaction(() => {
      // Out of the search index while its words are still stored (see store/search.ts).
      unindex(this.db, id);
      const excerptIds = this.sql
        .get('SELECT id FROM excerpt WHERE source_id = ? AND deleted_at IS NULL')
        .pluck()
        .all(id) as string[];
      for (const excerptId of excerptIds) unindex(this.db, excerptId);
      this.sql.get('DELETE FROM source_original WHERE source_id = ?').run(id);
      // Linked mentions and cached suggestions hold words of the text: they go with it.
      this.sql.get('DELETE FROM entity_mention WHERE source_id = ?').run(id);
      this.sql.get('DELETE FROM suggestion_cache WHERE source_id = ?').run(id);
      this.sql
        .get(
          `UPDATE source SET deleted_at = ?, updated_at = ?, title = '', author_organisation = NULL, date_text = NULL,
             document_symbol = NULL, language = NULL, reliability_note = '', page_count = 0, original_sha256 = NULL,
             metadata = '{}', rendition_group = NULL, url = NULL, accessed_date = NULL, accessed_source = NULL WHERE id = ?`,
        )
        .run(now, now, id);
      // Its excerpts no longer support any event.
      this.sql
        .get('DELETE FROM event_evidence WHERE excerpt_id IN (SELECT id FROM excerpt WHERE source_id = ?)')
        .run(id);
      // Links from its excerpts to other sources' excerpts go with them.
      removeLinksOf(this.sql, excerptIds, now);
      this.sql
        .get(
          `UPDATE source_text SET text = '', page_map = '[]', blocks = '[]', paragraph_hashes = '[]'
           WHERE source_seq = (SELECT seq FROM source WHERE id = ?)`,
        )
        .run(id);
      this.sql
        .get(
          `UPDATE excerpt SET deleted_at = ?, updated_at = ?, exact = '', prefix = '', suffix = '', note = '' WHERE source_id = ? AND deleted_at IS NULL`,
        )
        .run(now, now, id);
      this.audit.append({
        action: 'source.delete',
        entityType: 'source',
        entityId: id,
        summary: 'Source and its original removed',
      });
    })();
    // Old page images of the erased bytes stay in the WAL until a checkpoint.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  }

  /** The original file's bytes, or null when the source has none. */
  original(id: string): Buffer | null {
    const bytes = this.sql.get('SELECT bytes FROM source_original WHERE source_id = ?').pluck().get(id) as
      | Buffer
      | undefined;
    return bytes ?? null;
  }

  /** Re-hashes every stored original; a source whose recorded hash has no bytes is a mismatch too. */
  /** How many stored originals checkOriginals() will read (for its progress). */
  countOriginals(): number {
    return Number(
      this.sql
        .get(
          `SELECT count(*) FROM source s LEFT JOIN source_original o ON o.source_id = s.id
           WHERE s.original_sha256 IS NOT NULL OR o.bytes IS NOT NULL`,
        )
        .pluck()
        .get(),
    );
  }

  /** `onEach` is called after each original with the count so far (progress, and a chance to cancel by throwing). */
  checkOriginals(onEach?: (checked: number) => void): OriginalsReport {
    const report: OriginalsReport = { checked: 0, mismatched: [] };
    const rows = this.sql
      .get(
        `SELECT s.id, s.title, s.original_sha256 AS sha256, o.bytes
         FROM source s LEFT JOIN source_original o ON o.source_id = s.id
         WHERE s.original_sha256 IS NOT NULL OR o.bytes IS NOT NULL
         ORDER BY s.seq`,
      )
      .iterate() as IterableIterator<{ id: string; title: string; sha256: string | null; bytes: Buffer | null }>;
    for (const row of rows) {
      report.checked++;
      const actual = row.bytes ? createHash('sha256').update(row.bytes).digest('hex') : null;
      if (actual === null || actual !== row.sha256) report.mismatched.push({ sourceId: row.id, title: row.title });
      onEach?.(report.checked);
    }
    return report;
  }

  /**
   * Other sources of the dossier with the same text (renditions of one document in another format,
   * most alike first), that are not linked to this one yet.
   */
  sameText(id: string): { source: SourceSummary; similarity: number }[] {
    const self = this.sql
      .get(
        `SELECT s.dossier_id, t.paragraph_hashes, s.rendition_group FROM source s JOIN source_text t ON t.source_seq = s.seq
         WHERE s.id = ? AND s.deleted_at IS NULL`,
      )
      .get(id) as { dossier_id: string; paragraph_hashes: string; rendition_group: string | null } | undefined;
    if (!self) throw new UprightError('SOURCE_NOT_FOUND');
    const mine = JSON.parse(self.paragraph_hashes) as string[];
    if (mine.length === 0) return [];
    const others = this.sql
      .get(
        `SELECT s.id, t.paragraph_hashes FROM source s JOIN source_text t ON t.source_seq = s.seq
         WHERE s.dossier_id = ? AND s.id <> ? AND s.deleted_at IS NULL
           AND (s.rendition_group IS NULL OR s.rendition_group IS NOT ?)`,
      )
      .all(self.dossier_id, id, self.rendition_group) as { id: string; paragraph_hashes: string }[];
    const alike = others
      .map((o) => ({ id: o.id, similarity: similarity(mine, JSON.parse(o.paragraph_hashes) as string[]) }))
      .filter((o) => o.similarity >= RENDITION_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity);
    return alike.map((o) => ({ source: this.summary(o.id), similarity: Math.round(o.similarity * 100) / 100 }));
  }

  /** The sources linked with this one as renditions of one document (itself included), in import order. */
  renditions(id: string): SourceSummary[] {
    const group = this.summary(id).renditionGroup;
    if (!group) return [];
    const rows = this.sql
      .get(`SELECT ${SUMMARY_COLUMNS} FROM source s LEFT JOIN source_original o ON o.source_id = s.id
            WHERE s.rendition_group = ? AND s.deleted_at IS NULL ORDER BY s.seq`)
      .all(group) as SummaryRow[];
    return rows.map(toSummary);
  }

  /** Links two sources of one dossier as renditions of one document (joining their groups). */
  linkRenditions(id: string, otherId: string): SourceSummary[] {
    const a = this.summary(id);
    const b = this.summary(otherId);
    if (a.id === b.id) throw new UprightError('RENDITION_OF_ITSELF');
    if (a.dossierId !== b.dossierId) throw new UprightError('RENDITION_OTHER_DOSSIER');
    const group = a.renditionGroup ?? b.renditionGroup ?? uuidv7();
    this.db.transaction(() => {
      const join = this.sql.get(
        'UPDATE source SET rendition_group = ?, updated_at = ? WHERE (id IN (?, ?) OR rendition_group IN (?, ?)) AND deleted_at IS NULL',
      );
      join.run(group, nowIso(), a.id, b.id, a.renditionGroup ?? '', b.renditionGroup ?? '');
      this.audit.append({
        action: 'source.link_renditions',
        entityType: 'source',
        entityId: a.id,
        summary: 'Linked with another source as renditions of one document',
      });
    })();
    return this.renditions(a.id);
  }

  /** Takes a source out of its renditions group; a group left with one source is dissolved. */
  unlinkRendition(id: string): boolean {
    const group = this.summary(id).renditionGroup;
    if (!group) return false;
    this.db.transaction(() => {
      this.sql.get('UPDATE source SET rendition_group = NULL, updated_at = ? WHERE id = ?').run(nowIso(), id);
      const left = this.sql
        .get('SELECT count(*) FROM source WHERE rendition_group = ? AND deleted_at IS NULL')
        .pluck()
        .get(group) as number;
      if (left < 2) this.sql.get('UPDATE source SET rendition_group = NULL WHERE rendition_group = ?').run(group);
      this.audit.append({
        action: 'source.unlink_rendition',
        entityType: 'source',
        entityId: id,
        summary: 'No longer linked as a rendition of another source',
      });
    })();
    return true;
  }

  /** One source's summary (no text), or NOT_FOUND. */
  summary(id: string): SourceSummary {
    const row = this.sql
      .get(`SELECT ${SUMMARY_COLUMNS} FROM source s LEFT JOIN source_original o ON o.source_id = s.id
            WHERE s.id = ? AND s.deleted_at IS NULL`)
      .get(id) as SummaryRow | undefined;
    if (!row) throw new UprightError('SOURCE_NOT_FOUND');
    return toSummary(row);
  }

  /** Full-text lookup over title and normalised text (the search syntax), best match first. */
  searchText(query: string, limit = 50): { id: string; title: string }[] {
    return sourcesMatching(this.db, query, limit);
  }
}

export interface SourceSummary {
  id: string;
  dossierId: string;
  title: string;
  kind: SourceKind;
  authorOrganisation: string | null;
  date: string | null;
  symbol: string | null;
  language: string | null;
  reliabilityNote: string;
  format: SourceFormat | null;
  fileName: string | null;
  size: number | null;
  pageCount: number;
  sha256: string | null;
  importedAt: string | null;
  /** Sources sharing it are renditions of one document in different formats; null when not linked. */
  renditionGroup: string | null;
  url: string | null;
  accessed: string | null;
  accessedSource: AccessedSource | null;
  /** Live excerpts of the source (a kept count). */
  excerptCount: number;
}

export interface SourceDetail extends SourceSummary {
  text: string;
  blocks: SourceBlock[];
  pages: PageSpan[];
  warnings: ImportWarning[];
}

export interface SourcePatch {
  title?: string;
  kind?: SourceKind;
  authorOrganisation?: string | null;
  date?: string | null;
  symbol?: string | null;
  language?: string | null;
  reliabilityNote?: string;
  url?: string | null;
  accessed?: string | null;
}

const SUMMARY_COLUMNS = `s.id, s.dossier_id, s.title, s.kind, s.author_organisation, s.date_text, s.document_symbol, s.language,
  s.reliability_note, s.format, o.filename, o.size, s.page_count, s.original_sha256, s.imported_at,
  s.rendition_group, s.url, s.accessed_date, s.accessed_source,
  coalesce((SELECT t.excerpts FROM source_tally t WHERE t.source_id = s.id), 0) AS excerpt_count`;

interface SummaryRow {
  id: string;
  dossier_id: string;
  title: string;
  kind: SourceKind;
  author_organisation: string | null;
  date_text: string | null;
  document_symbol: string | null;
  language: string | null;
  reliability_note: string;
  format: SourceFormat | null;
  filename: string | null;
  size: number | null;
  page_count: number;
  original_sha256: string | null;
  imported_at: string | null;
  rendition_group: string | null;
  url: string | null;
  accessed_date: string | null;
  accessed_source: AccessedSource | null;
  excerpt_count: number;
}

function toSummary(row: SummaryRow): SourceSummary {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    title: row.title,
    kind: row.kind,
    authorOrganisation: row.author_organisation,
    date: row.date_text,
    symbol: row.document_symbol,
    language: row.language,
    reliabilityNote: row.reliability_note,
    format: row.format,
    fileName: row.filename,
    size: row.size,
    pageCount: row.page_count,
    sha256: row.original_sha256,
    importedAt: row.imported_at,
    renditionGroup: row.rendition_group,
    url: row.url,
    accessed: row.accessed_date,
    accessedSource: row.accessed_source,
    excerptCount: row.excerpt_count,
  };
}

/** Paragraphs split on blank lines, as offsets into text. */
function paragraphsOf(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0].trim()) blocks.push({ kind: 'paragraph', start: match.index, end: match.index + match[0].length });
  }
  return blocks;
}
