// Excerpts: a highlighted passage of a source, anchored by quote and by offsets, with the monitor's
// note. Minimal for now (add, get, full-text lookup); the reader will extend it.
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

export const CONFIDENTIALITY = ['public', 'restricted', 'never_export'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];
export const STANCES = ['state_claim', 'allegation', 'corroboration', 'denial', 'acknowledgement', 'other'] as const;
export type Stance = (typeof STANCES)[number];

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
  createdAt: string;
  updatedAt: string;
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
      this.audit.append({ action: 'excerpt.add', entityType: 'excerpt', entityId: id, summary: 'Excerpt added' });
    })();
    return this.get(id) as ExcerptRecord;
  }

  get(id: string): ExcerptRecord | null {
    const row = this.sql.get('SELECT * FROM excerpt WHERE id = ? AND deleted_at IS NULL').get(id) as
      | ExcerptRow
      | undefined;
    if (!row) return null;
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
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
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
