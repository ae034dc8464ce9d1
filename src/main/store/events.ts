// Events: what happened in a dossier, when (a fuzzy date: first and last ISO day with a precision),
// where, who took part in which role, and which excerpts support it. The timeline reads them in
// chronological order with their participants and evidence fetched in two batched queries, so a
// thousand events cost three statements, not three thousand. Audit entries carry ids, never titles.
import type { EventFilter, EventRole } from '../../shared/api/events.ts';
import type { EntityKind, SourceKind } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import type { DatePrecision, FuzzyDate } from '../../shared/fuzzy-date.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

export interface EventParticipantRecord {
  entityId: string;
  role: EventRole;
  name: string;
  kind: EntityKind;
  pseudonym: string | null;
}

export interface EventEvidenceRecord {
  excerptId: string;
  sourceId: string;
  sourceTitle: string;
  sourceKind: SourceKind;
  exact: string;
  page: number | null;
  contradicted: boolean;
}

export interface EventRecord {
  id: string;
  dossierId: string;
  title: string;
  description: string;
  date: FuzzyDate | null;
  dateText: string | null;
  place: string | null;
  participants: EventParticipantRecord[];
  evidence: EventEvidenceRecord[];
  sourceCount: number;
  disputed: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewEvent {
  dossierId: string;
  title: string;
  description?: string;
  date?: FuzzyDate | null;
  dateText?: string | null;
  place?: string | null;
  participants?: { entityId: string; role: EventRole }[];
  excerptIds?: string[];
}

export type EventPatch = Partial<Omit<NewEvent, 'dossierId'>>;

interface EventRow {
  id: string;
  dossier_id: string;
  title: string;
  description: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: DatePrecision | null;
  date_text: string | null;
  place_text: string | null;
  created_at: string;
  updated_at: string;
}

const LIVE_EVIDENCE = `FROM event_evidence v JOIN excerpt x ON x.id = v.excerpt_id AND x.deleted_at IS NULL
  JOIN source s ON s.id = x.source_id AND s.deleted_at IS NULL WHERE v.event_id = ev.id AND v.deleted_at IS NULL`;

// Undated events last; among equal starts the shorter span first, open-ended last.
const ORDER = `ORDER BY ev.date_start IS NULL, ev.date_start, coalesce(ev.date_end, '9999-12-31'), ev.created_at`;

function dateOf(row: EventRow): FuzzyDate | null {
  if (!row.date_start || !row.date_precision) return null;
  return { start: row.date_start, end: row.date_end, precision: row.date_precision };
}

export class EventRepository extends Repository {
  list(filter: EventFilter = {}): EventRecord[] {
    const where = ['ev.deleted_at IS NULL', 'd.deleted_at IS NULL'];
    if (filter.dossierId) where.push('ev.dossier_id = @dossierId');
    if (filter.entityId)
      where.push(
        'EXISTS (SELECT 1 FROM event_participant p WHERE p.event_id = ev.id AND p.entity_id = @entityId AND p.deleted_at IS NULL)',
      );
    if (filter.codeId)
      where.push(
        `EXISTS (SELECT 1 ${LIVE_EVIDENCE} AND EXISTS (SELECT 1 FROM excerpt_code c
          WHERE c.excerpt_id = x.id AND c.code_id = @codeId AND c.deleted_at IS NULL))`,
      );
    if (filter.sourceKind) where.push(`EXISTS (SELECT 1 ${LIVE_EVIDENCE} AND s.kind = @sourceKind)`);
    // A period keeps what can fall within it: ranges and open ends that overlap it.
    if (filter.to) where.push('ev.date_start IS NOT NULL AND ev.date_start <= @to');
    if (filter.from) where.push('ev.date_start IS NOT NULL AND (ev.date_end IS NULL OR ev.date_end >= @from)');
    const rows = this.sql
      .get(`SELECT ev.* FROM event ev JOIN dossier d ON d.id = ev.dossier_id WHERE ${where.join(' AND ')} ${ORDER}`)
      .all({
        dossierId: filter.dossierId,
        entityId: filter.entityId,
        codeId: filter.codeId,
        sourceKind: filter.sourceKind,
        from: filter.from,
        to: filter.to,
      }) as EventRow[];
    return this.#complete(rows);
  }

  get(id: string): EventRecord | null {
    const row = this.sql.get('SELECT * FROM event WHERE id = ? AND deleted_at IS NULL').get(id) as EventRow | undefined;
    return row ? (this.#complete([row])[0] ?? null) : null;
  }

  require(id: string): EventRecord {
    const event = this.get(id);
    if (!event) throw new UprightError('EVENT_NOT_FOUND');
    return event;
  }

  create(input: NewEvent): EventRecord {
    const live = this.sql.get('SELECT 1 FROM dossier WHERE id = ? AND deleted_at IS NULL').pluck().get(input.dossierId);
    if (!live) throw new UprightError('DOSSIER_NOT_FOUND');
    const id = uuidv7();
    const now = nowIso();
    const date = input.date ?? null;
    this.db.transaction(() => {
      this.sql
        .get(
          `INSERT INTO event (id, dossier_id, title, description, date_start, date_end, date_precision, date_text,
             place_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.dossierId,
          input.title.trim(),
          input.description ?? '',
          date?.start ?? null,
          date?.end ?? null,
          date?.precision ?? null,
          input.dateText?.trim() || null,
          input.place?.trim() || null,
          now,
          now,
        );
      if (input.participants) this.#setParticipants(id, input.participants);
      if (input.excerptIds) this.#setEvidence(id, input.dossierId, input.excerptIds);
      this.audit.append({ action: 'event.create', entityType: 'event', entityId: id, summary: 'Event recorded' });
    })();
    return this.require(id);
  }

  update(id: string, patch: EventPatch): EventRecord {
    const current = this.require(id);
    const now = nowIso();
    this.db.transaction(() => {
      const sets: string[] = [];
      const values: Record<string, unknown> = { id, now };
      if (patch.title !== undefined) {
        sets.push('title = @title');
        values.title = patch.title.trim();
      }
      if (patch.description !== undefined) {
        sets.push('description = @description');
        values.description = patch.description;
      }
      if (patch.date !== undefined) {
        sets.push('date_start = @start', 'date_end = @end', 'date_precision = @precision');
        values.start = patch.date?.start ?? null;
        values.end = patch.date?.end ?? null;
        values.precision = patch.date?.precision ?? null;
      }
      if (patch.dateText !== undefined) {
        sets.push('date_text = @dateText');
        values.dateText = patch.dateText?.trim() || null;
      }
      if (patch.place !== undefined) {
        sets.push('place_text = @place');
        values.place = patch.place?.trim() || null;
      }
      // Not a prepared-once statement: the set of columns varies with the patch.
      this.db.prepare(`UPDATE event SET ${[...sets, 'updated_at = @now'].join(', ')} WHERE id = @id`).run(values);
      if (patch.participants) this.#setParticipants(id, patch.participants);
      if (patch.excerptIds) this.#setEvidence(id, current.dossierId, patch.excerptIds);
      this.audit.append({ action: 'event.update', entityType: 'event', entityId: id, summary: 'Event changed' });
    })();
    return this.require(id);
  }

  /** Removes an event: its words are erased, a tombstone stays for exchange between vaults. */
  remove(id: string): boolean {
    if (!this.get(id)) return false;
    const now = nowIso();
    this.db.transaction(() => {
      this.sql.get('DELETE FROM event_participant WHERE event_id = ?').run(id);
      this.sql.get('DELETE FROM event_evidence WHERE event_id = ?').run(id);
      this.sql
        .get(
          `UPDATE event SET deleted_at = ?, updated_at = ?, title = '', description = '', date_text = NULL,
             place_text = NULL WHERE id = ?`,
        )
        .run(now, now, id);
      this.audit.append({ action: 'event.delete', entityType: 'event', entityId: id, summary: 'Event removed' });
    })();
    return true;
  }

  addParticipant(id: string, entityId: string, role: EventRole): EventRecord {
    this.require(id);
    this.db.transaction(() => {
      this.#assertEntity(entityId);
      this.sql
        .get('INSERT OR IGNORE INTO event_participant (event_id, entity_id, role) VALUES (?, ?, ?)')
        .run(id, entityId, role);
      this.#touch(id, 'Participant added');
    })();
    return this.require(id);
  }

  removeParticipant(id: string, entityId: string, role: EventRole): EventRecord {
    this.require(id);
    this.db.transaction(() => {
      this.sql
        .get('DELETE FROM event_participant WHERE event_id = ? AND entity_id = ? AND role = ?')
        .run(id, entityId, role);
      this.#touch(id, 'Participant removed');
    })();
    return this.require(id);
  }

  addEvidence(id: string, excerptId: string): EventRecord {
    const event = this.require(id);
    this.db.transaction(() => {
      this.#assertExcerptOf(event.dossierId, excerptId);
      this.sql.get('INSERT OR IGNORE INTO event_evidence (event_id, excerpt_id) VALUES (?, ?)').run(id, excerptId);
      this.#touch(id, 'Evidence added');
    })();
    return this.require(id);
  }

  removeEvidence(id: string, excerptId: string): EventRecord {
    this.require(id);
    this.db.transaction(() => {
      this.sql.get('DELETE FROM event_evidence WHERE event_id = ? AND excerpt_id = ?').run(id, excerptId);
      this.#touch(id, 'Evidence removed');
    })();
    return this.require(id);
  }

  /** Removes an excerpt from every event it supports (the excerpt is being deleted); returns how many. */
  removeEvidenceOf(excerptId: string): number {
    return this.sql.get('DELETE FROM event_evidence WHERE excerpt_id = ?').run(excerptId).changes;
  }

  #touch(id: string, summary: string): void {
    this.sql.get('UPDATE event SET updated_at = ? WHERE id = ?').run(nowIso(), id);
    this.audit.append({ action: 'event.update', entityType: 'event', entityId: id, summary });
  }

  #assertEntity(entityId: string): void {
    const live = this.sql.get('SELECT 1 FROM entity WHERE id = ? AND deleted_at IS NULL').pluck().get(entityId);
    if (!live) throw new UprightError('LINKED_ENTITY_GONE');
  }

  #assertExcerptOf(dossierId: string, excerptId: string): void {
    const dossier = this.sql
      .get(
        `SELECT s.dossier_id FROM excerpt x JOIN source s ON s.id = x.source_id
         WHERE x.id = ? AND x.deleted_at IS NULL AND s.deleted_at IS NULL`,
      )
      .pluck()
      .get(excerptId) as string | undefined;
    if (!dossier) throw new UprightError('EXCERPT_NOT_FOUND');
    if (dossier !== dossierId) throw new UprightError('EVIDENCE_FROM_OTHER_DOSSIER');
  }

  #setParticipants(id: string, participants: { entityId: string; role: EventRole }[]): void {
    this.sql.get('DELETE FROM event_participant WHERE event_id = ?').run(id);
    const insert = this.sql.get('INSERT OR IGNORE INTO event_participant (event_id, entity_id, role) VALUES (?, ?, ?)');
    for (const { entityId, role } of participants) {
      this.#assertEntity(entityId);
      insert.run(id, entityId, role);
    }
  }

  #setEvidence(id: string, dossierId: string, excerptIds: string[]): void {
    this.sql.get('DELETE FROM event_evidence WHERE event_id = ?').run(id);
    const insert = this.sql.get('INSERT OR IGNORE INTO event_evidence (event_id, excerpt_id) VALUES (?, ?)');
    for (const excerptId of excerptIds) {
      this.#assertExcerptOf(dossierId, excerptId);
      insert.run(id, excerptId);
    }
  }

  /** Adds participants and evidence to event rows: one query each for all of them. */
  #complete(rows: EventRow[]): EventRecord[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const participants = this.sql
      .get(
        `SELECT p.event_id, p.entity_id, p.role, n.name, n.kind, n.pseudonym FROM event_participant p
         JOIN entity n ON n.id = p.entity_id AND n.deleted_at IS NULL
         WHERE p.event_id IN (SELECT value FROM json_each(?)) AND p.deleted_at IS NULL
         ORDER BY p.created_at, n.name`,
      )
      .all(ids) as {
      event_id: string;
      entity_id: string;
      role: EventRole;
      name: string;
      kind: EntityKind;
      pseudonym: string | null;
    }[];
    // "Contradicted": a live contradicts link from or to the excerpt, whichever way it was made.
    const evidence = this.sql
      .get(
        `SELECT v.event_id, x.id AS excerpt_id, x.source_id, s.title, s.kind, x.exact, x.page,
           EXISTS (SELECT 1 FROM excerpt_link l JOIN excerpt y
             ON y.id = CASE WHEN l.from_excerpt_id = x.id THEN l.to_excerpt_id ELSE l.from_excerpt_id END
             AND y.deleted_at IS NULL
             WHERE (l.from_excerpt_id = x.id OR l.to_excerpt_id = x.id) AND l.kind = 'contradicts'
               AND l.deleted_at IS NULL) AS contradicted
         FROM event_evidence v JOIN excerpt x ON x.id = v.excerpt_id AND x.deleted_at IS NULL
         JOIN source s ON s.id = x.source_id AND s.deleted_at IS NULL
         WHERE v.event_id IN (SELECT value FROM json_each(?)) AND v.deleted_at IS NULL
         ORDER BY s.title, x.start_offset`,
      )
      .all(ids) as {
      event_id: string;
      excerpt_id: string;
      source_id: string;
      title: string;
      kind: SourceKind;
      exact: string;
      page: number | null;
      contradicted: number;
    }[];
    const byEvent = new Map<string, { participants: EventParticipantRecord[]; evidence: EventEvidenceRecord[] }>(
      rows.map((r) => [r.id, { participants: [], evidence: [] }]),
    );
    for (const p of participants) {
      byEvent.get(p.event_id)?.participants.push({
        entityId: p.entity_id,
        role: p.role,
        name: p.name,
        kind: p.kind,
        pseudonym: p.pseudonym,
      });
    }
    for (const e of evidence) {
      byEvent.get(e.event_id)?.evidence.push({
        excerptId: e.excerpt_id,
        sourceId: e.source_id,
        sourceTitle: e.title,
        sourceKind: e.kind,
        exact: e.exact,
        page: e.page,
        contradicted: e.contradicted === 1,
      });
    }
    return rows.map((row) => {
      const { participants: people = [], evidence: support = [] } = byEvent.get(row.id) ?? {};
      return {
        id: row.id,
        dossierId: row.dossier_id,
        title: row.title,
        description: row.description,
        date: dateOf(row),
        dateText: row.date_text,
        place: row.place_text,
        participants: people,
        evidence: support,
        sourceCount: new Set(support.map((e) => e.sourceId)).size,
        disputed: support.some((e) => e.contradicted),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }
}
