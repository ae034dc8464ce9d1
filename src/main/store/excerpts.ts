// Excerpts: a highlighted passage of a source, anchored by quote and by offsets, with the monitor's
// note, its codes, its confidentiality and the stance it records.
import type { Confidentiality, Stance } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

// The vocabularies are shared with the renderer (labels) and the API schemas.
export { CONFIDENTIALITY, type Confidentiality, STANCES, type Stance } from '../../shared/domain.ts';

export interface NewExcerpt {
  sourceId: string;
  exact: string;
  prefix?: string;
  suffix?: string;
  start: number;
  end: number;
  page?: number | null;
  note?: string;
  /** Defaults to 'restricted': nothing is public until someone says so. */
  confidentiality?: Confidentiality;
  stance?: Stance | null;
  codeIds?: string[];
}

export interface ExcerptPatch {
  note?: string;
  confidentiality?: Confidentiality;
  stance?: Stance | null;
  codeIds?: string[];
}

export interface ExcerptFilter {
  dossierId: string;
  sourceId?: string;
  codeId?: string;
  confidentiality?: Confidentiality;
  stance?: Stance;
  /** Words to find in the quote or the note. */
  text?: string;
}

export interface ExcerptRecord {
  id: string;
  sourceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  page: number | null;
  note: string;
  confidentiality: Confidentiality;
  stance: Stance | null;
  codeIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ExcerptListItem extends ExcerptRecord {
  sourceTitle: string;
  sourceKind: string;
}

interface ExcerptRow {
  id: string;
  source_id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start_offset: number;
  end_offset: number;
  page: number | null;
  note: string;
  confidentiality: Confidentiality;
  stance: Stance | null;
  created_at: string;
  updated_at: string;
}

export class ExcerptRepository extends Repository {
  add(input: NewExcerpt): ExcerptRecord {
    const id = uuidv7();
    const now = nowIso();
    this.db.transaction(() => {
      this.sql
        .get(
          `INSERT INTO excerpt (id, source_id, exact, prefix, suffix, start_offset, end_offset, page, note,
             confidentiality, stance, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.sourceId,
          input.exact,
          input.prefix ?? '',
          input.suffix ?? '',
          input.start,
          input.end,
          input.page ?? null,
          input.note ?? '',
          input.confidentiality ?? 'restricted',
          input.stance ?? null,
          now,
          now,
        );
      this.#setCodes(id, input.codeIds ?? []);
      this.audit.append({ action: 'excerpt.add', entityType: 'excerpt', entityId: id, summary: 'Excerpt added' });
    })();
    return this.get(id) as ExcerptRecord;
  }

  require(id: string): ExcerptRecord {
    const excerpt = this.get(id);
    if (!excerpt) throw new UprightError('NOT_FOUND', 'This excerpt no longer exists.');
    return excerpt;
  }

  update(id: string, patch: ExcerptPatch): ExcerptRecord {
    const current = this.require(id);
    this.db.transaction(() => {
      this.sql
        .get('UPDATE excerpt SET note = ?, confidentiality = ?, stance = ?, updated_at = ? WHERE id = ?')
        .run(
          patch.note ?? current.note,
          patch.confidentiality ?? current.confidentiality,
          patch.stance !== undefined ? patch.stance : current.stance,
          nowIso(),
          id,
        );
      if (patch.codeIds) this.#setCodes(id, patch.codeIds);
      this.audit.append({ action: 'excerpt.update', entityType: 'excerpt', entityId: id, summary: 'Excerpt changed' });
    })();
    return this.require(id);
  }

  /** Removes an excerpt: its quote and note are erased, a tombstone stays for exchange between vaults. */
  remove(id: string): boolean {
    if (!this.get(id)) return false;
    const now = nowIso();
    this.db.transaction(() => {
      this.sql.get('DELETE FROM excerpt_code WHERE excerpt_id = ?').run(id);
      this.sql.get('DELETE FROM excerpt_entity WHERE excerpt_id = ?').run(id);
      this.sql
        .get(
          "UPDATE excerpt SET deleted_at = ?, updated_at = ?, exact = '', prefix = '', suffix = '', note = '' WHERE id = ?",
        )
        .run(now, now, id);
      this.audit.append({ action: 'excerpt.delete', entityType: 'excerpt', entityId: id, summary: 'Excerpt removed' });
    })();
    return true;
  }

  /** A source's excerpts in reading order (for highlights). */
  listForSource(sourceId: string): ExcerptRecord[] {
    const rows = this.sql
      .get('SELECT * FROM excerpt WHERE source_id = ? AND deleted_at IS NULL ORDER BY start_offset, end_offset')
      .all(sourceId) as ExcerptRow[];
    const codes = this.#codesOf(rows.map((r) => r.id));
    return rows.map((row) => this.#toRecord(row, codes.get(row.id) ?? []));
  }

  /** Excerpts across a dossier, filtered as the person asks, in source then reading order. */
  list(filter: ExcerptFilter): ExcerptListItem[] {
    const where = ['s.dossier_id = @dossierId', 'e.deleted_at IS NULL', 's.deleted_at IS NULL'];
    if (filter.sourceId) where.push('e.source_id = @sourceId');
    if (filter.codeId)
      where.push('EXISTS (SELECT 1 FROM excerpt_code ec WHERE ec.excerpt_id = e.id AND ec.code_id = @codeId)');
    if (filter.confidentiality) where.push('e.confidentiality = @confidentiality');
    if (filter.stance) where.push('e.stance = @stance');
    if (filter.text?.trim())
      where.push('(instr(lower(e.exact), lower(@text)) > 0 OR instr(lower(e.note), lower(@text)) > 0)');
    const rows = this.sql
      .get(
        `SELECT e.*, s.title AS source_title, s.kind AS source_kind FROM excerpt e JOIN source s ON s.id = e.source_id
         WHERE ${where.join(' AND ')} ORDER BY s.seq, e.start_offset`,
      )
      .all({
        dossierId: filter.dossierId,
        sourceId: filter.sourceId ?? null,
        codeId: filter.codeId ?? null,
        confidentiality: filter.confidentiality ?? null,
        stance: filter.stance ?? null,
        text: filter.text?.trim() ?? null,
      }) as (ExcerptRow & { source_title: string; source_kind: string })[];
    const codes = this.#codesOf(rows.map((r) => r.id));
    return rows.map((row) => ({
      ...this.#toRecord(row, codes.get(row.id) ?? []),
      sourceTitle: row.source_title,
      sourceKind: row.source_kind,
    }));
  }

  #setCodes(id: string, codeIds: string[]): void {
    const now = nowIso();
    this.sql.get('DELETE FROM excerpt_code WHERE excerpt_id = ?').run(id);
    for (const codeId of new Set(codeIds)) {
      const live = this.sql.get('SELECT 1 FROM code WHERE id = ? AND deleted_at IS NULL').pluck().get(codeId);
      if (!live) throw new UprightError('NOT_FOUND', 'One of the codes no longer exists.');
      this.sql
        .get('INSERT INTO excerpt_code (excerpt_id, code_id, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(id, codeId, now, now);
    }
  }

  #codesOf(ids: string[]): Map<string, string[]> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const rows = this.sql
      .get(
        'SELECT excerpt_id, code_id FROM excerpt_code WHERE excerpt_id IN (SELECT value FROM json_each(?)) ORDER BY created_at',
      )
      .all(JSON.stringify(ids)) as { excerpt_id: string; code_id: string }[];
    for (const row of rows) map.set(row.excerpt_id, [...(map.get(row.excerpt_id) ?? []), row.code_id]);
    return map;
  }

  #toRecord(row: ExcerptRow, codeIds: string[]): ExcerptRecord {
    return {
      id: row.id,
      sourceId: row.source_id,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      start: row.start_offset,
      end: row.end_offset,
      page: row.page,
      note: row.note,
      confidentiality: row.confidentiality,
      stance: row.stance,
      codeIds,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  get(id: string): ExcerptRecord | null {
    const row = this.sql.get('SELECT * FROM excerpt WHERE id = ? AND deleted_at IS NULL').get(id) as
      | ExcerptRow
      | undefined;
    if (!row) return null;
    return this.#toRecord(row, this.#codesOf([id]).get(id) ?? []);
  }

  /** Full-text lookup over the quote and the note (FTS5 query syntax), best match first. */
  searchText(query: string, limit = 50): { id: string; sourceId: string }[] {
    return this.sql
      .get(
        `SELECT e.id, e.source_id AS sourceId FROM excerpt_fts JOIN excerpt e ON e.seq = excerpt_fts.rowid
         WHERE excerpt_fts MATCH ? AND e.deleted_at IS NULL ORDER BY bm25(excerpt_fts) LIMIT ?`,
      )
      .all(query, limit) as { id: string; sourceId: string }[];
  }
}
