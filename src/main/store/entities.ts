// Entities: the persons, organisations, places, legal provisions and international instruments that
// sources talk about, with every name they go by (aliases, acronyms in any language) and, for people
// at risk, a pseudonym used on export. Excerpts link to entities; an entity's mentions are its linked
// excerpts plus every source whose text names it. Audit entries carry ids, never names.

import { MATCH_END, MATCH_START } from '../../shared/api/entities.ts';
import {
  ENTITY_KINDS,
  ENTITY_SENSITIVITY,
  type EntityKind,
  type EntitySensitivity,
  foldName,
} from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import type { SourceFormat } from '../ingest/types.ts';
import { checkpoint } from './database.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';
import { indexEntity, sourcesNaming, unindex } from './search.ts';

export { ENTITY_KINDS, ENTITY_SENSITIVITY, type EntityKind, type EntitySensitivity };

export interface NewEntity {
  kind: EntityKind;
  name: string;
  aliases?: string[];
  /** Used on export instead of the name: "a local union leader". */
  pseudonym?: string | null;
  sensitivity?: EntitySensitivity;
  description?: string;
}

export type EntityPatch = Partial<NewEntity>;

export interface EntityFilter {
  kind?: EntityKind;
  /** Words to find in the name or any alias (case and accents do not count). */
  text?: string;
}

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  pseudonym: string | null;
  sensitivity: EntitySensitivity;
  description: string;
  /** Live excerpts linked to this entity. */
  excerptCount: number;
  /** Places in sources linked to this entity without being excerpts (accepted suggestions). */
  mentionCount: number;
  /** Sources those excerpts and mentions come from. */
  sourceCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A linked excerpt, with the source and dossier it belongs to (for opening it in the reader). */
export interface EntityExcerpt {
  id: string;
  sourceId: string;
  sourceTitle: string;
  sourceKind: string;
  sourceFormat: SourceFormat | null;
  dossierId: string;
  dossierTitle: string;
  exact: string;
  page: number | null;
  note: string;
}

/** A source whose title or text names the entity (by its name or an alias). */
export interface MentioningSource {
  id: string;
  title: string;
  kind: string;
  format: SourceFormat | null;
  dossierId: string;
  dossierTitle: string;
  /** A few words around the best match; the match itself between MATCH_START and MATCH_END. */
  snippet: string;
  /** How many of the entity's linked excerpts come from this source. */
  linkedExcerpts: number;
}

export interface EntityMentions {
  excerpts: EntityExcerpt[];
  sources: MentioningSource[];
}

const MAX_MENTIONING_SOURCES = 200;

/** Stricter wins when two entities become one: protection is never lost by a merge. */
const SENSITIVITY_RANK: Record<EntitySensitivity, number> = { normal: 0, sensitive: 1, protected: 2 };

interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string;
  pseudonym: string | null;
  sensitivity: EntitySensitivity;
  description: string;
  created_at: string;
  updated_at: string;
  excerpt_count: number;
  mention_count: number;
  source_count: number;
}

const LIVE_LINKS = `FROM excerpt_entity l JOIN excerpt x ON x.id = l.excerpt_id JOIN source s ON s.id = x.source_id
  WHERE l.entity_id = n.id AND x.deleted_at IS NULL AND s.deleted_at IS NULL`;
const LIVE_MENTIONS = `FROM entity_mention m JOIN source s ON s.id = m.source_id
  WHERE m.entity_id = n.id AND m.anchor_status != 'orphaned' AND s.deleted_at IS NULL`;
// Sources count once whether they name the entity through excerpts, linked mentions or both.
const SELECT = `SELECT n.id, n.kind, n.name, n.aliases, n.pseudonym, n.sensitivity, n.description, n.created_at,
  n.updated_at, (SELECT count(*) ${LIVE_LINKS}) AS excerpt_count, (SELECT count(*) ${LIVE_MENTIONS}) AS mention_count,
  (SELECT count(*) FROM (SELECT x.source_id ${LIVE_LINKS} UNION SELECT m.source_id ${LIVE_MENTIONS})) AS source_count
  FROM entity n WHERE n.deleted_at IS NULL`;

function toRecord(row: EntityRow): EntityRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    pseudonym: row.pseudonym,
    sensitivity: row.sensitivity,
    description: row.description,
    excerptCount: row.excerpt_count,
    mentionCount: row.mention_count,
    sourceCount: row.source_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function tidy(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Aliases as kept: trimmed, no blanks, no repeats, not the name itself (all compared folded). */
function tidyAliases(aliases: string[], name: string): string[] {
  const seen = new Set([foldName(name)]);
  const out: string[] = [];
  for (const alias of aliases.map(tidy)) {
    const key = foldName(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/** An FTS5 query matching any of the names as a phrase; null when none has a searchable word. */
/** A passage with its marked words between MATCH_START and MATCH_END, as the entity page draws them. */
function marked(passage: { text: string; marks: { start: number; end: number }[] }): string {
  let out = '';
  let at = 0;
  for (const mark of passage.marks) {
    out += `${passage.text.slice(at, mark.start)}${MATCH_START}${passage.text.slice(mark.start, mark.end)}${MATCH_END}`;
    at = mark.end;
  }
  return out + passage.text.slice(at);
}

export class EntityRepository extends Repository {
  /** Entities by name, optionally of one kind and matching words in the name or an alias. */
  list(filter: EntityFilter = {}): EntityRecord[] {
    const rows = (
      filter.kind
        ? this.sql.get(`${SELECT} AND n.kind = ? ORDER BY n.name COLLATE NOCASE`).all(filter.kind)
        : this.sql.get(`${SELECT} ORDER BY n.name COLLATE NOCASE`).all()
    ) as EntityRow[];
    const wanted = foldName(filter.text ?? '');
    const records = rows.map(toRecord);
    if (!wanted) return records;
    // Folded in JavaScript: SQLite's lower() leaves Cyrillic and accented letters as they are.
    return records.filter((e) => [e.name, ...e.aliases].some((n) => foldName(n).includes(wanted)));
  }

  get(id: string): EntityRecord | null {
    const row = this.sql.get(`${SELECT} AND n.id = ?`).get(id) as EntityRow | undefined;
    return row ? toRecord(row) : null;
  }

  require(id: string): EntityRecord {
    const entity = this.get(id);
    if (!entity) throw new UprightError('ENTITY_NOT_FOUND');
    return entity;
  }

  create(input: NewEntity): EntityRecord {
    const name = tidy(input.name);
    if (!name) throw new UprightError('ENTITY_NAME_NEEDED');
    this.#assertFreeName(input.kind, name, null);
    const id = uuidv7();
    const now = nowIso();
    this.db.transaction(() => {
      this.sql
        .get(
          `INSERT INTO entity (id, kind, name, aliases, pseudonym, sensitivity, description, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.kind,
          name,
          JSON.stringify(tidyAliases(input.aliases ?? [], name)),
          tidy(input.pseudonym ?? '') || null,
          input.sensitivity ?? 'normal',
          input.description?.trim() ?? '',
          now,
          now,
        );
      this.audit.append({ action: 'entity.create', entityType: 'entity', entityId: id, summary: 'Entity created' });
      indexEntity(this.db, id);
    })();
    return this.require(id);
  }

  /** Changes any field; an empty pseudonym removes it. */
  update(id: string, patch: EntityPatch): EntityRecord {
    const current = this.require(id);
    const kind = patch.kind ?? current.kind;
    const name = patch.name !== undefined ? tidy(patch.name) : current.name;
    if (!name) throw new UprightError('ENTITY_NAME_NEEDED');
    this.#assertFreeName(kind, name, id);
    const pseudonym = patch.pseudonym !== undefined ? tidy(patch.pseudonym ?? '') || null : current.pseudonym;
    this.db.transaction(() => {
      unindex(this.db, id);
      this.sql
        .get(
          `UPDATE entity SET kind = ?, name = ?, aliases = ?, pseudonym = ?, sensitivity = ?, description = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(
          kind,
          name,
          JSON.stringify(tidyAliases(patch.aliases ?? current.aliases, name)),
          pseudonym,
          patch.sensitivity ?? current.sensitivity,
          patch.description !== undefined ? patch.description.trim() : current.description,
          nowIso(),
          id,
        );
      this.audit.append({ action: 'entity.update', entityType: 'entity', entityId: id, summary: 'Entity changed' });
      indexEntity(this.db, id);
    })();
    return this.require(id);
  }

  /**
   * Makes two records of the same entity one: every link of `fromId` (excerpts, event roles, event
   * places) moves to `intoId`, whose aliases gain the other's name and aliases; then `fromId` goes.
   */
  merge(fromId: string, intoId: string): EntityRecord {
    if (fromId === intoId) throw new UprightError('ENTITY_MERGE_INTO_ITSELF');
    const from = this.require(fromId);
    const into = this.require(intoId);
    const now = nowIso();
    this.db.transaction(() => {
      this.sql
        .get(
          `INSERT OR IGNORE INTO excerpt_entity (excerpt_id, entity_id, created_at, updated_at)
           SELECT excerpt_id, ?, ?, ? FROM excerpt_entity WHERE entity_id = ?`,
        )
        .run(intoId, now, now, fromId);
      this.sql
        .get(
          `INSERT OR IGNORE INTO event_participant (event_id, entity_id, role, created_at, updated_at)
           SELECT event_id, ?, role, ?, ? FROM event_participant WHERE entity_id = ?`,
        )
        .run(intoId, now, now, fromId);
      this.sql
        .get('UPDATE event SET place_entity_id = ?, updated_at = ? WHERE place_entity_id = ?')
        .run(intoId, now, fromId);
      // A place linked to both stays one mention of the merged entity (the rest go with #erase).
      this.sql
        .get('UPDATE OR IGNORE entity_mention SET entity_id = ?, updated_at = ? WHERE entity_id = ?')
        .run(intoId, now, fromId);
      unindex(this.db, intoId);
      this.sql
        .get(
          'UPDATE entity SET aliases = ?, pseudonym = ?, sensitivity = ?, description = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          JSON.stringify(tidyAliases([...into.aliases, from.name, ...from.aliases], into.name)),
          into.pseudonym ?? from.pseudonym,
          SENSITIVITY_RANK[from.sensitivity] > SENSITIVITY_RANK[into.sensitivity] ? from.sensitivity : into.sensitivity,
          into.description || from.description,
          now,
          intoId,
        );
      this.#erase(fromId);
      indexEntity(this.db, intoId);
      this.audit.append({
        action: 'entity.merge',
        entityType: 'entity',
        entityId: intoId,
        summary: 'Another entity merged into this one',
      });
      this.audit.append({
        action: 'entity.delete',
        entityType: 'entity',
        entityId: fromId,
        summary: 'Entity merged into another',
      });
    })();
    // The erased names' old page images stay in the WAL until a checkpoint.
    checkpoint(this.db);
    return this.require(intoId);
  }

  /**
   * Deletes an entity: its links to excerpts and events go, its names are erased (a person's name
   * must not linger), and a tombstone stays so the deletion can travel to a colleague's vault.
   * The excerpts themselves stay.
   */
  remove(id: string): boolean {
    if (!this.get(id)) return false;
    this.db.transaction(() => {
      this.#erase(id);
      this.audit.append({ action: 'entity.delete', entityType: 'entity', entityId: id, summary: 'Entity deleted' });
    })();
    // The erased names' old page images stay in the WAL until a checkpoint.
    checkpoint(this.db);
    return true;
  }

  /** Links an excerpt to an entity (linking twice is harmless). */
  link(excerptId: string, entityId: string): void {
    this.require(entityId);
    this.#requireExcerpt(excerptId);
    const now = nowIso();
    this.db.transaction(() => {
      const added = this.sql
        .get('INSERT OR IGNORE INTO excerpt_entity (excerpt_id, entity_id, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(excerptId, entityId, now, now).changes;
      if (added > 0)
        this.audit.append({
          action: 'entity.link',
          entityType: 'excerpt',
          entityId: excerptId,
          summary: 'Entity linked',
        });
    })();
  }

  unlink(excerptId: string, entityId: string): boolean {
    let removed = 0;
    this.db.transaction(() => {
      removed = this.sql
        .get('DELETE FROM excerpt_entity WHERE excerpt_id = ? AND entity_id = ?')
        .run(excerptId, entityId).changes;
      if (removed > 0)
        this.audit.append({
          action: 'entity.unlink',
          entityType: 'excerpt',
          entityId: excerptId,
          summary: 'Entity unlinked',
        });
    })();
    return removed > 0;
  }

  /** Every linked excerpt (in dossier, source and reading order) and every source naming the entity. */
  mentions(id: string): EntityMentions {
    const entity = this.require(id);
    const excerpts = this.sql
      .get(
        `SELECT x.id, x.source_id AS sourceId, s.title AS sourceTitle, s.kind AS sourceKind, s.format AS sourceFormat,
           s.dossier_id AS dossierId,
           d.title AS dossierTitle, x.exact, x.page, x.note
         FROM excerpt_entity l JOIN excerpt x ON x.id = l.excerpt_id JOIN source s ON s.id = x.source_id
           JOIN dossier d ON d.id = s.dossier_id
         WHERE l.entity_id = ? AND x.deleted_at IS NULL AND s.deleted_at IS NULL AND d.deleted_at IS NULL
         ORDER BY d.title COLLATE NOCASE, s.seq, x.start_offset`,
      )
      .all(id) as EntityExcerpt[];
    const linked = new Map<string, number>();
    for (const e of excerpts) linked.set(e.sourceId, (linked.get(e.sourceId) ?? 0) + 1);

    const describe = this.sql.get(
      `SELECT s.id, s.title, s.kind, s.format, s.dossier_id AS dossierId, d.title AS dossierTitle
       FROM source s JOIN dossier d ON d.id = s.dossier_id
       WHERE s.id = ? AND s.deleted_at IS NULL AND d.deleted_at IS NULL`,
    );
    const sources: MentioningSource[] = [];
    for (const { id: sourceId, passage } of sourcesNaming(
      this.db,
      [entity.name, ...entity.aliases],
      MAX_MENTIONING_SOURCES,
    )) {
      const source = describe.get(sourceId) as Omit<MentioningSource, 'linkedExcerpts' | 'snippet'> | undefined;
      if (source) sources.push({ ...source, snippet: marked(passage), linkedExcerpts: linked.get(sourceId) ?? 0 });
    }
    return { excerpts, sources };
  }

  #erase(id: string): void {
    const now = nowIso();
    unindex(this.db, id);
    this.sql.get('DELETE FROM excerpt_entity WHERE entity_id = ?').run(id);
    this.sql.get('DELETE FROM entity_mention WHERE entity_id = ?').run(id);
    this.sql.get('DELETE FROM event_participant WHERE entity_id = ?').run(id);
    this.sql.get('UPDATE event SET place_entity_id = NULL, updated_at = ? WHERE place_entity_id = ?').run(now, id);
    this.sql
      .get(
        `UPDATE entity SET deleted_at = ?, updated_at = ?, name = '', aliases = '[]', pseudonym = NULL, description = '',
           metadata = '{}' WHERE id = ?`,
      )
      .run(now, now, id);
  }

  #requireExcerpt(id: string): void {
    const live = this.sql.get('SELECT 1 FROM excerpt WHERE id = ? AND deleted_at IS NULL').pluck().get(id);
    if (!live) throw new UprightError('EXCERPT_NOT_FOUND');
  }

  #assertFreeName(kind: EntityKind, name: string, self: string | null): void {
    const key = foldName(name);
    const rows = this.sql
      .get('SELECT id, name FROM entity WHERE kind = ? AND deleted_at IS NULL AND id IS NOT ?')
      .all(kind, self) as { id: string; name: string }[];
    if (rows.some((r) => foldName(r.name) === key)) {
      throw new UprightError('ENTITY_NAME_TAKEN', { kind, name });
    }
  }
}
