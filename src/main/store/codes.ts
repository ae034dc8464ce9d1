// The code book: a hierarchical thesaurus of codes (tags) with colours, as in qualitative-analysis
// tools. Merging and deleting never lose an excerpt's coding silently: merge moves it to the
// surviving code, delete moves it where the person says (or removes just that code from them).
import { UprightError } from '../../shared/errors.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

export interface CodeRecord {
  id: string;
  parentId: string | null;
  name: string;
  colour: string;
  description: string;
  /** Live excerpts carrying this code (not its children's). */
  excerptCount: number;
}

export interface NewCode {
  name: string;
  parentId?: string | null;
  colour?: string | null;
  description?: string;
}

/** Distinct, readable highlight colours handed out in turn to new codes. */
export const CODE_PALETTE = ['#f6d365', '#a8e6cf', '#ffb3ba', '#bae1ff', '#d5baff', '#ffd8a8', '#c1f0c1', '#f7c6e0'];

interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  colour: string | null;
  description: string;
  excerpt_count: number;
}

// The count is kept by triggers (migration kept-counts-and-list-order), not recounted per call.
const SELECT = `SELECT c.id, c.parent_id, c.name, c.colour, c.description,
  coalesce((SELECT t.excerpts FROM code_tally t WHERE t.code_id = c.id), 0) AS excerpt_count
  FROM code c WHERE c.deleted_at IS NULL`;

function toRecord(row: CodeRow): CodeRecord {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    colour: row.colour ?? (CODE_PALETTE[0] as string),
    description: row.description,
    excerptCount: row.excerpt_count,
  };
}

export class CodeRepository extends Repository {
  list(): CodeRecord[] {
    return (this.sql.get(`${SELECT} ORDER BY c.name COLLATE NOCASE`).all() as CodeRow[]).map(toRecord);
  }

  require(id: string): CodeRecord {
    const row = this.sql.get(`${SELECT} AND c.id = ?`).get(id) as CodeRow | undefined;
    if (!row) throw new UprightError('CODE_NOT_FOUND');
    return toRecord(row);
  }

  create(input: NewCode): CodeRecord {
    const parentId = input.parentId ?? null;
    if (parentId) this.require(parentId);
    this.#assertFreeName(input.name, parentId, null);
    const id = uuidv7();
    const now = nowIso();
    const count = Number(this.sql.get('SELECT count(*) FROM code').pluck().get());
    const colour = input.colour ?? CODE_PALETTE[count % CODE_PALETTE.length];
    this.db.transaction(() => {
      this.sql
        .get(
          'INSERT INTO code (id, parent_id, name, colour, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, parentId, input.name.trim(), colour, input.description ?? '', now, now);
      this.audit.append({ action: 'code.create', entityType: 'code', entityId: id, summary: 'Code created' });
    })();
    return this.require(id);
  }

  /** Rename, recolour, describe or move under another parent (never under itself or its descendants). */
  update(id: string, patch: Partial<NewCode>): CodeRecord {
    const current = this.require(id);
    const parentId = patch.parentId !== undefined ? patch.parentId : current.parentId;
    if (parentId) {
      this.require(parentId);
      if (parentId === id || this.#descendants(id).has(parentId)) {
        throw new UprightError('CODE_UNDER_ITSELF');
      }
    }
    const name = patch.name?.trim() ?? current.name;
    this.#assertFreeName(name, parentId, id);
    this.db.transaction(() => {
      this.sql
        .get('UPDATE code SET name = ?, parent_id = ?, colour = ?, description = ?, updated_at = ? WHERE id = ?')
        .run(name, parentId, patch.colour ?? current.colour, patch.description ?? current.description, nowIso(), id);
      this.audit.append({ action: 'code.update', entityType: 'code', entityId: id, summary: 'Code changed' });
    })();
    return this.require(id);
  }

  /** Moves every excerpt and sub-code of `fromId` to `intoId`, then removes `fromId`. */
  merge(fromId: string, intoId: string): CodeRecord {
    if (fromId === intoId) throw new UprightError('CODE_MERGE_INTO_ITSELF');
    this.require(fromId);
    this.require(intoId);
    if (this.#descendants(fromId).has(intoId)) {
      throw new UprightError('CODE_MERGE_INTO_SUBCODE');
    }
    this.db.transaction(() => {
      this.#moveCoding(fromId, intoId);
      this.sql
        .get('UPDATE code SET parent_id = ?, updated_at = ? WHERE parent_id = ? AND deleted_at IS NULL')
        .run(intoId, nowIso(), fromId);
      this.#tombstone(fromId);
      this.audit.append({
        action: 'code.merge',
        entityType: 'code',
        entityId: intoId,
        summary: 'Another code merged into this one',
      });
    })();
    return this.require(intoId);
  }

  /**
   * Deletes a code. Its excerpts move to `moveTo`, or just lose this code when moveTo is null
   * (the excerpts themselves stay). Sub-codes move up to the deleted code's parent.
   */
  remove(id: string, moveTo: string | null): void {
    const current = this.require(id);
    if (moveTo !== null) {
      if (moveTo === id) throw new UprightError('CODE_MOVE_TO_ITSELF');
      this.require(moveTo);
    }
    this.db.transaction(() => {
      if (moveTo !== null) this.#moveCoding(id, moveTo);
      else this.sql.get('DELETE FROM excerpt_code WHERE code_id = ?').run(id);
      this.sql
        .get('UPDATE code SET parent_id = ?, updated_at = ? WHERE parent_id = ? AND deleted_at IS NULL')
        .run(current.parentId, nowIso(), id);
      this.#tombstone(id);
      this.audit.append({ action: 'code.delete', entityType: 'code', entityId: id, summary: 'Code deleted' });
    })();
  }

  #moveCoding(fromId: string, intoId: string): void {
    const now = nowIso();
    this.sql
      .get(
        `INSERT OR IGNORE INTO excerpt_code (excerpt_id, code_id, created_at, updated_at)
         SELECT excerpt_id, ?, ?, ? FROM excerpt_code WHERE code_id = ?`,
      )
      .run(intoId, now, now, fromId);
    this.sql.get('DELETE FROM excerpt_code WHERE code_id = ?').run(fromId);
  }

  #tombstone(id: string): void {
    const now = nowIso();
    this.sql.get('UPDATE code SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  }

  #descendants(id: string): Set<string> {
    const rows = this.sql
      .get(
        `WITH RECURSIVE sub(id) AS (SELECT id FROM code WHERE parent_id = ? AND deleted_at IS NULL
           UNION SELECT c.id FROM code c JOIN sub ON c.parent_id = sub.id WHERE c.deleted_at IS NULL)
         SELECT id FROM sub`,
      )
      .pluck()
      .all(id) as string[];
    return new Set(rows);
  }

  #assertFreeName(name: string, parentId: string | null, self: string | null): void {
    const clash = this.sql
      .get(
        'SELECT id FROM code WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE AND parent_id IS ? AND id IS NOT ?',
      )
      .pluck()
      .get(name.trim(), parentId, self);
    if (clash) throw new UprightError('CODE_NAME_TAKEN', { name: name.trim() });
  }
}
