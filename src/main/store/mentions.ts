// Entity mentions: the places where a source names an entity, anchored like excerpts (quote with
// context, and offsets) but without being excerpts — accepting "Mr Baltabay" ×15 in a reply links
// the person to fifteen places and leaves the excerpt list and the citation picker as they were.
import type { Anchor } from '../annotate/anchor.ts';
import type { SourceFormat } from '../ingest/types.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

export type MentionStatus = 'anchored' | 'reanchored' | 'orphaned';

export interface NewMention {
  entityId: string;
  sourceId: string;
  anchor: Anchor;
}

export interface MentionRecord {
  id: string;
  entityId: string;
  sourceId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  page: number | null;
  status: MentionStatus;
}

/** A mention with the source and dossier it is in, for an entity's page. */
export interface EntityMentionListItem extends MentionRecord {
  sourceTitle: string;
  sourceFormat: SourceFormat | null;
  dossierId: string;
  dossierTitle: string;
}

interface MentionRow {
  id: string;
  entity_id: string;
  source_id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start_offset: number;
  end_offset: number;
  page: number | null;
  anchor_status: MentionStatus;
}

function toRecord(row: MentionRow): MentionRecord {
  return {
    id: row.id,
    entityId: row.entity_id,
    sourceId: row.source_id,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start_offset,
    end: row.end_offset,
    page: row.page,
    status: row.anchor_status,
  };
}

const MAX_MENTIONS_LISTED = 2000;

export class MentionRepository extends Repository {
  /**
   * Links an entity to places in a source; a place already linked to that entity is left as it is.
   * Returns how many were new. The audit entry names the entity and the count, never the words.
   */
  add(mentions: NewMention[]): number {
    if (mentions.length === 0) return 0;
    const now = nowIso();
    const insert = this.sql.get(
      `INSERT OR IGNORE INTO entity_mention (id, entity_id, source_id, exact, prefix, suffix, start_offset, end_offset,
         page, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let added = 0;
    const perEntity = new Map<string, number>();
    this.db.transaction(() => {
      for (const { entityId, sourceId, anchor } of mentions) {
        const changes = insert.run(
          uuidv7(),
          entityId,
          sourceId,
          anchor.exact,
          anchor.prefix,
          anchor.suffix,
          anchor.start,
          anchor.end,
          anchor.page,
          now,
          now,
        ).changes;
        added += changes;
        perEntity.set(entityId, (perEntity.get(entityId) ?? 0) + changes);
      }
      for (const [entityId, count] of perEntity) {
        if (count === 0) continue;
        this.audit.append({
          action: 'entity.mention',
          entityType: 'entity',
          entityId,
          summary: `${count} mention${count === 1 ? '' : 's'} linked`,
        });
      }
    })();
    return added;
  }

  /** A source's mentions in reading order (orphans included, last). */
  forSource(sourceId: string): MentionRecord[] {
    const rows = this.sql
      .get(
        `SELECT * FROM entity_mention WHERE source_id = ?
         ORDER BY anchor_status = 'orphaned', start_offset, end_offset`,
      )
      .all(sourceId) as MentionRow[];
    return rows.map(toRecord);
  }

  /** Where an entity is named, in dossier, source and reading order; sources deleted since are left out. */
  forEntity(entityId: string): EntityMentionListItem[] {
    const rows = this.sql
      .get(
        `SELECT m.*, s.title AS source_title, s.format AS source_format, s.dossier_id, d.title AS dossier_title
         FROM entity_mention m JOIN source s ON s.id = m.source_id JOIN dossier d ON d.id = s.dossier_id
         WHERE m.entity_id = ? AND s.deleted_at IS NULL AND d.deleted_at IS NULL
         ORDER BY d.title COLLATE NOCASE, s.seq, m.anchor_status = 'orphaned', m.start_offset
         LIMIT ${MAX_MENTIONS_LISTED}`,
      )
      .all(entityId) as (MentionRow & {
      source_title: string;
      source_format: SourceFormat | null;
      dossier_id: string;
      dossier_title: string;
    })[];
    return rows.map((r) => ({
      ...toRecord(r),
      sourceTitle: r.source_title,
      sourceFormat: r.source_format,
      dossierId: r.dossier_id,
      dossierTitle: r.dossier_title,
    }));
  }

  anchorsOf(sourceId: string): { id: string; anchor: Anchor }[] {
    return this.forSource(sourceId)
      .filter((m) => m.status !== 'orphaned')
      .map((m) => ({
        id: m.id,
        anchor: { exact: m.exact, prefix: m.prefix, suffix: m.suffix, start: m.start, end: m.end, page: m.page },
      }));
  }

  /**
   * Stores where mentions were found in a source's new text; the rest are kept, marked orphaned.
   * Call inside the transaction that replaces the text.
   */
  applyReanchoring(
    placed: { id: string; status: 'exact' | 'moved' | 'fuzzy'; anchor: Anchor }[],
    orphanIds: string[],
  ): void {
    const now = nowIso();
    // Two mentions of one entity landing on the same words become one (the unique key holds).
    const move = this.sql.get(
      `UPDATE OR IGNORE entity_mention SET exact = ?, prefix = ?, suffix = ?, start_offset = ?, end_offset = ?, page = ?,
         anchor_status = CASE WHEN ? THEN anchor_status ELSE 'reanchored' END, updated_at = ? WHERE id = ?`,
    );
    for (const { id, status, anchor } of placed) {
      move.run(
        anchor.exact,
        anchor.prefix,
        anchor.suffix,
        anchor.start,
        anchor.end,
        anchor.page,
        status === 'exact' ? 1 : 0,
        now,
        id,
      );
    }
    const lose = this.sql.get("UPDATE entity_mention SET anchor_status = 'orphaned', updated_at = ? WHERE id = ?");
    for (const id of orphanIds) lose.run(now, id);
  }

  /** How many places name each entity (orphans not counted), for the entity list. */
  counts(): Map<string, { mentions: number; sources: number }> {
    const rows = this.sql
      .get(
        `SELECT m.entity_id AS id, count(*) AS mentions, count(DISTINCT m.source_id) AS sources
         FROM entity_mention m JOIN source s ON s.id = m.source_id
         WHERE m.anchor_status != 'orphaned' AND s.deleted_at IS NULL GROUP BY m.entity_id`,
      )
      .all() as { id: string; mentions: number; sources: number }[];
    return new Map(rows.map((r) => [r.id, { mentions: r.mentions, sources: r.sources }]));
  }
}
