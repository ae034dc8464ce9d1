// Links between two excerpts of one dossier: one contradicts, corroborates, responds to or records
// the same fact as the other, with a short note. Drawn one way (from → to) but unique per pair and
// kind whichever way: "A contradicts B" and "B contradicts A" are one link.
import type { Confidentiality, LinkKind, Stance } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';
import type { Statements } from './statements.ts';

export interface NewLink {
  fromExcerptId: string;
  toExcerptId: string;
  kind: LinkKind;
  note?: string;
}

export interface LinkRecord {
  id: string;
  fromExcerptId: string;
  toExcerptId: string;
  kind: LinkKind;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** The excerpt at the other end of a link, as a list shows it: its words, its source, when. */
export interface LinkEnd {
  id: string;
  sourceId: string;
  exact: string;
  note: string;
  page: number | null;
  start: number;
  stance: Stance | null;
  confidentiality: Confidentiality;
  sourceTitle: string;
  sourceKind: string;
  /** The source's date as recorded (YYYY[-MM[-DD]]), or null. */
  sourceDate: string | null;
}

/** A link seen from one excerpt: which way it was drawn, and the excerpt at the other end. */
export interface ExcerptLinkView extends LinkRecord {
  /** 'outgoing': this excerpt is the link's "from"; 'incoming': the other excerpt's link points here. */
  direction: 'outgoing' | 'incoming';
  other: LinkEnd;
}

interface LinkRow {
  id: string;
  from_excerpt_id: string;
  to_excerpt_id: string;
  kind: LinkKind;
  note: string;
  created_at: string;
  updated_at: string;
}

interface EndRow {
  id: string;
  source_id: string;
  exact: string;
  note: string;
  page: number | null;
  start_offset: number;
  stance: Stance | null;
  confidentiality: Confidentiality;
  source_title: string;
  source_kind: string;
  source_date: string | null;
  dossier_id: string;
}

const LIVE_END = `SELECT e.id, e.source_id, e.exact, e.note, e.page, e.start_offset, e.stance, e.confidentiality,
    s.title AS source_title, s.kind AS source_kind, s.date_text AS source_date, s.dossier_id
  FROM excerpt e JOIN source s ON s.id = e.source_id
  WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL`;

/**
 * Tombstones every live link touching the given excerpts (their notes erased) and says how many went.
 * Run inside the transaction that removes the excerpts: a link to nothing must never be seen.
 */
export function removeLinksOf(sql: Statements, excerptIds: readonly string[], now: string): number {
  if (excerptIds.length === 0) return 0;
  return sql
    .get(
      `UPDATE excerpt_link SET deleted_at = @now, updated_at = @now, note = ''
       WHERE deleted_at IS NULL AND (from_excerpt_id IN (SELECT value FROM json_each(@ids))
         OR to_excerpt_id IN (SELECT value FROM json_each(@ids)))`,
    )
    .run({ now, ids: JSON.stringify(excerptIds) }).changes;
}

export class LinkRepository extends Repository {
  /** Draws a link. Refused: to itself, to an excerpt gone or in another dossier, or a second of one kind. */
  create(input: NewLink): LinkRecord {
    if (input.fromExcerptId === input.toExcerptId) throw new UprightError('LINK_TO_ITSELF');
    const from = this.#end(input.fromExcerptId);
    const to = this.#end(input.toExcerptId);
    if (!from || !to) throw new UprightError('EXCERPT_NOT_FOUND');
    if (from.dossier_id !== to.dossier_id) throw new UprightError('LINK_ACROSS_DOSSIERS');
    const id = uuidv7();
    const now = nowIso();
    this.db.transaction(() => {
      const existing = this.sql
        .get(
          `SELECT 1 FROM excerpt_link WHERE deleted_at IS NULL AND kind = @kind AND
             ((from_excerpt_id = @a AND to_excerpt_id = @b) OR (from_excerpt_id = @b AND to_excerpt_id = @a))`,
        )
        .pluck()
        .get({ kind: input.kind, a: input.fromExcerptId, b: input.toExcerptId });
      if (existing) throw new UprightError('LINK_EXISTS');
      this.sql
        .get(
          `INSERT INTO excerpt_link (id, from_excerpt_id, to_excerpt_id, kind, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.fromExcerptId, input.toExcerptId, input.kind, input.note?.trim() ?? '', now, now);
      this.audit.append({
        action: 'link.add',
        entityType: 'link',
        entityId: id,
        summary: `Excerpts linked (${input.kind})`,
      });
    })();
    return this.require(id);
  }

  get(id: string): LinkRecord | undefined {
    const row = this.sql.get('SELECT * FROM excerpt_link WHERE id = ? AND deleted_at IS NULL').get(id) as
      | LinkRow
      | undefined;
    return row ? toRecord(row) : undefined;
  }

  require(id: string): LinkRecord {
    const link = this.get(id);
    if (!link) throw new UprightError('LINK_NOT_FOUND');
    return link;
  }

  /** Removes a link (a tombstone stays, its note erased). False when there was none. */
  remove(id: string): boolean {
    if (!this.get(id)) return false;
    const now = nowIso();
    this.db.transaction(() => {
      this.sql.get("UPDATE excerpt_link SET deleted_at = ?, updated_at = ?, note = '' WHERE id = ?").run(now, now, id);
      this.audit.append({ action: 'link.delete', entityType: 'link', entityId: id, summary: 'Link removed' });
    })();
    return true;
  }

  /** Every live link touching these excerpts, seen from each of them, oldest first. */
  forExcerpts(excerptIds: readonly string[]): Map<string, ExcerptLinkView[]> {
    const map = new Map<string, ExcerptLinkView[]>();
    if (excerptIds.length === 0) return map;
    const rows = this.sql
      .get(
        `SELECT * FROM excerpt_link WHERE deleted_at IS NULL AND (from_excerpt_id IN (SELECT value FROM json_each(@ids))
           OR to_excerpt_id IN (SELECT value FROM json_each(@ids))) ORDER BY created_at, id`,
      )
      .all({ ids: JSON.stringify(excerptIds) }) as LinkRow[];
    const wanted = new Set(excerptIds);
    const ends = this.#ends(rows.flatMap((r) => [r.from_excerpt_id, r.to_excerpt_id]));
    for (const row of rows) {
      const record = toRecord(row);
      const sides: [string, string, ExcerptLinkView['direction']][] = [
        [row.from_excerpt_id, row.to_excerpt_id, 'outgoing'],
        [row.to_excerpt_id, row.from_excerpt_id, 'incoming'],
      ];
      for (const [self, otherId, direction] of sides) {
        const other = ends.get(otherId);
        if (!wanted.has(self) || !other) continue;
        map.set(self, [...(map.get(self) ?? []), { ...record, direction, other: toEnd(other) }]);
      }
    }
    return map;
  }

  /** One excerpt's links, oldest first. */
  forExcerpt(excerptId: string): ExcerptLinkView[] {
    return this.forExcerpts([excerptId]).get(excerptId) ?? [];
  }

  /** Every live link between live excerpts of a dossier, oldest first (for export). */
  forDossier(dossierId: string): LinkRecord[] {
    const rows = this.sql
      .get(
        `SELECT l.* FROM excerpt_link l
           JOIN excerpt a ON a.id = l.from_excerpt_id JOIN source sa ON sa.id = a.source_id
           JOIN excerpt b ON b.id = l.to_excerpt_id JOIN source sb ON sb.id = b.source_id
         WHERE l.deleted_at IS NULL AND a.deleted_at IS NULL AND b.deleted_at IS NULL
           AND sa.deleted_at IS NULL AND sb.deleted_at IS NULL AND sa.dossier_id = ?
         ORDER BY l.created_at, l.id`,
      )
      .all(dossierId) as LinkRow[];
    return rows.map(toRecord);
  }

  #end(id: string): EndRow | undefined {
    return this.sql.get(`${LIVE_END} AND e.id = ?`).get(id) as EndRow | undefined;
  }

  #ends(ids: string[]): Map<string, EndRow> {
    const rows = this.sql
      .get(`${LIVE_END} AND e.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...new Set(ids)])) as EndRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }
}

function toRecord(row: LinkRow): LinkRecord {
  return {
    id: row.id,
    fromExcerptId: row.from_excerpt_id,
    toExcerptId: row.to_excerpt_id,
    kind: row.kind,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toEnd(row: EndRow): LinkEnd {
  return {
    id: row.id,
    sourceId: row.source_id,
    exact: row.exact,
    note: row.note,
    page: row.page,
    start: row.start_offset,
    stance: row.stance,
    confidentiality: row.confidentiality,
    sourceTitle: row.source_title,
    sourceKind: row.source_kind,
    sourceDate: row.source_date,
  };
}
