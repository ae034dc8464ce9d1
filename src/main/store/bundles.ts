// The records a bundle carries, read from and written to the vault (SQL for bundles lives here only),
// and what was last exchanged with whom (bundle_record), which tells a merge what changed where.
//
// A record is one row of a table (every column but the local `seq`) with the rows it owns folded in
// as `children` (an excerpt's codes and entities, a source's text and original's description, an
// event's participants and evidence): merging a record replaces them as a whole. Its hash is SHA-256
// of its canonical JSON, so two vaults holding the same record compute the same hash.
// Table and column names come from this file and the vault's own schema, never from a bundle: a row
// naming a column this vault does not have is refused.
import { createHash } from 'node:crypto';
import type { BundleRecord, RecordKind } from '../../shared/bundles.ts';
import { UprightError } from '../../shared/errors.ts';
import { canonicalJson, type Json } from './canonical-json.ts';
import { nowIso } from './ids.ts';
import { Repository } from './repository.ts';
import { indexDraft, indexEntity, indexExcerpt, indexSource, unindex } from './search.ts';

type Value = string | number | null;
type Row = Record<string, Value>;

interface ChildSpec {
  /** Name in the record's children. */
  name: string;
  table: string;
  /** The child's column pointing at its parent, and which of the parent's columns it holds. */
  parentColumn: string;
  parentKey: 'id' | 'seq';
  /** Columns carried (the parent column and timestamps are not). */
  columns: string[];
  /** Rows with deleted_at set are left out (the table tombstones its rows). */
  liveOnly: boolean;
  /** A column naming an excerpt: rows pointing at an excerpt the bundle leaves out are left out too. */
  excerptColumn?: string;
}

interface KindSpec {
  table: string;
  /** Local columns that never travel. */
  omit: string[];
  children: ChildSpec[];
  search?: (db: Repository['db'], id: string) => void;
}

const SPECS: Record<RecordKind, KindSpec> = {
  dossier: { table: 'dossier', omit: [], children: [] },
  code: { table: 'code', omit: [], children: [] },
  entity: { table: 'entity', omit: [], children: [], search: indexEntity },
  source: {
    table: 'source',
    omit: ['seq'],
    children: [
      {
        name: 'text',
        table: 'source_text',
        parentColumn: 'source_seq',
        parentKey: 'seq',
        columns: ['page_map', 'blocks', 'paragraph_hashes', 'text'],
        liveOnly: false,
      },
      {
        name: 'original',
        table: 'source_original',
        parentColumn: 'source_id',
        parentKey: 'id',
        columns: ['media_type', 'filename', 'size'],
        liveOnly: false,
      },
    ],
    search: indexSource,
  },
  excerpt: {
    table: 'excerpt',
    omit: ['seq'],
    children: [
      {
        name: 'codes',
        table: 'excerpt_code',
        parentColumn: 'excerpt_id',
        parentKey: 'id',
        columns: ['code_id'],
        liveOnly: true,
      },
      {
        name: 'entities',
        table: 'excerpt_entity',
        parentColumn: 'excerpt_id',
        parentKey: 'id',
        columns: ['entity_id'],
        liveOnly: true,
      },
    ],
    search: indexExcerpt,
  },
  mention: { table: 'entity_mention', omit: [], children: [] },
  link: { table: 'excerpt_link', omit: [], children: [] },
  event: {
    table: 'event',
    omit: [],
    children: [
      {
        name: 'participants',
        table: 'event_participant',
        parentColumn: 'event_id',
        parentKey: 'id',
        columns: ['entity_id', 'role'],
        liveOnly: true,
      },
      {
        name: 'evidence',
        table: 'event_evidence',
        parentColumn: 'event_id',
        parentKey: 'id',
        columns: ['excerpt_id'],
        liveOnly: true,
        excerptColumn: 'excerpt_id',
      },
    ],
  },
  recommendation: {
    table: 'recommendation',
    omit: [],
    children: [
      {
        name: 'codes',
        table: 'recommendation_code',
        parentColumn: 'recommendation_id',
        parentKey: 'id',
        columns: ['code_id'],
        liveOnly: false,
      },
      {
        name: 'evidence',
        table: 'recommendation_evidence',
        parentColumn: 'recommendation_id',
        parentKey: 'id',
        columns: ['excerpt_id', 'note'],
        liveOnly: true,
        excerptColumn: 'excerpt_id',
      },
    ],
  },
  draft: { table: 'draft', omit: [], children: [], search: indexDraft },
  draft_version: { table: 'draft_version', omit: [], children: [] },
};

/** SHA-256 of a record's canonical JSON: the hash a manifest lists and a merge compares. */
export function recordHash(record: BundleRecord): string {
  return createHash('sha256')
    .update(canonicalJson(record as unknown as Json))
    .digest('hex');
}

/** Which records of a dossier a bundle carries. */
export interface Selection {
  dossierId: string;
  /** Excerpts marked "never export" travel too (the person said so). */
  includeNeverExport: boolean;
  /**
   * Only these sources (with their excerpts, the links between those, their mentions and the codes
   * and entities they use); events, recommendations and drafts stay home. Absent: the whole dossier.
   */
  sourceIds?: readonly string[];
}

/** A record as it stands in this vault and how the merge should treat it. */
export interface ExchangeBase {
  kind: RecordKind;
  recordId: string;
  hash: string;
}

/** The base a passphrase bundle is recorded under: whoever knows the passphrase. */
export const PASSPHRASE_PEER = '*';

export class BundleRepository extends Repository {
  readonly #columns = new Map<string, string[]>();

  /** The columns of a table that travel (from the vault's own schema). */
  columnsOf(kind: RecordKind): string[] {
    const spec = SPECS[kind];
    let columns = this.#columns.get(spec.table);
    if (!columns) {
      columns = (this.db.prepare(`PRAGMA table_info(${spec.table})`).all() as { name: string }[])
        .map((c) => c.name)
        .filter((name) => !spec.omit.includes(name));
      this.#columns.set(spec.table, columns);
    }
    return columns;
  }

  #ids(query: string, ...params: unknown[]): string[] {
    return this.sql
      .get(query)
      .pluck()
      .all(...params) as string[];
  }

  /** The ids of every record a bundle of this selection carries, kind by kind in merge order. */
  select(selection: Selection): { kind: RecordKind; id: string }[] {
    const d = selection.dossierId;
    const whole = selection.sourceIds === undefined;
    const sources = this.#ids(
      `SELECT id FROM source WHERE dossier_id = ? AND (? OR id IN (SELECT value FROM json_each(?))) ORDER BY seq`,
      d,
      whole ? 1 : 0,
      JSON.stringify(selection.sourceIds ?? []),
    );
    const sourceJson = JSON.stringify(sources);
    const excerpts = this.#ids(
      `SELECT id FROM excerpt WHERE source_id IN (SELECT value FROM json_each(?))
       AND (? OR confidentiality != 'never_export') ORDER BY seq`,
      sourceJson,
      selection.includeNeverExport ? 1 : 0,
    );
    const excerptJson = JSON.stringify(excerpts);
    const byDossier = (query: string) => (whole ? this.#ids(query, d) : []);
    const events = byDossier('SELECT id FROM event WHERE dossier_id = ? ORDER BY id');
    const recommendations = byDossier('SELECT id FROM recommendation WHERE dossier_id = ? ORDER BY position, id');
    const codes = this.#ids(
      `WITH RECURSIVE used(id) AS (
         SELECT code_id FROM excerpt_code WHERE deleted_at IS NULL AND excerpt_id IN (SELECT value FROM json_each(?))
         UNION SELECT code_id FROM recommendation_code WHERE recommendation_id IN (SELECT value FROM json_each(?))
         UNION SELECT c.parent_id FROM code c JOIN used u ON c.id = u.id WHERE c.parent_id IS NOT NULL)
       SELECT id FROM used ORDER BY id`,
      excerptJson,
      JSON.stringify(recommendations),
    );
    const eventJson = JSON.stringify(events);
    const entities = this.#ids(
      `SELECT entity_id FROM excerpt_entity WHERE deleted_at IS NULL AND excerpt_id IN (SELECT value FROM json_each(?))
       UNION SELECT entity_id FROM entity_mention WHERE source_id IN (SELECT value FROM json_each(?))
       UNION SELECT entity_id FROM event_participant
         WHERE event_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
       UNION SELECT place_entity_id FROM event
         WHERE id IN (SELECT value FROM json_each(?)) AND place_entity_id IS NOT NULL
       ORDER BY 1`,
      excerptJson,
      sourceJson,
      eventJson,
      eventJson,
    );
    const ordered: [RecordKind, string[]][] = [
      ['dossier', this.#ids('SELECT id FROM dossier WHERE id = ?', d)],
      ['code', this.#parentsFirst(codes)],
      ['entity', entities],
      ['source', sources],
      ['excerpt', excerpts],
      [
        'mention',
        this.#ids(
          'SELECT id FROM entity_mention WHERE source_id IN (SELECT value FROM json_each(?)) ORDER BY id',
          sourceJson,
        ),
      ],
      [
        'link',
        this.#ids(
          `SELECT id FROM excerpt_link WHERE from_excerpt_id IN (SELECT value FROM json_each(?))
           AND to_excerpt_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
          excerptJson,
          excerptJson,
        ),
      ],
      ['event', events],
      ['recommendation', recommendations],
      ['draft', byDossier('SELECT id FROM draft WHERE dossier_id = ? ORDER BY id')],
      [
        'draft_version',
        byDossier(
          'SELECT v.id FROM draft_version v JOIN draft r ON r.id = v.draft_id WHERE r.dossier_id = ? ORDER BY v.id',
        ),
      ],
    ];
    return ordered.flatMap(([kind, ids]) => ids.map((id) => ({ kind, id })));
  }

  /** Codes ordered so that a parent comes before its sub-codes. */
  #parentsFirst(ids: string[]): string[] {
    const parent = new Map<string, string | null>();
    for (const id of ids) {
      parent.set(
        id,
        (this.sql.get('SELECT parent_id FROM code WHERE id = ?').pluck().get(id) as string | null) ?? null,
      );
    }
    const depth = (id: string): number => {
      let n = 0;
      for (let p = parent.get(id); p && n < 1000; p = parent.get(p)) n++;
      return n;
    };
    return [...ids].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
  }

  /**
   * One record as this vault holds it, or null when there is no such row. `includeNeverExport`
   * false: children pointing at excerpts marked "never export" are left out, as a bundle leaves them.
   */
  read(kind: RecordKind, id: string, includeNeverExport: boolean): BundleRecord | null {
    const spec = SPECS[kind];
    const columns = this.columnsOf(kind);
    const full = this.sql.get(`SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as
      | Record<string, unknown>
      | undefined;
    if (!full) return null;
    const row: Row = {};
    for (const column of columns) row[column] = full[column] as Value;
    const children: Record<string, Row[]> = {};
    for (const child of spec.children) {
      const excerptFilter =
        child.excerptColumn && !includeNeverExport
          ? ` AND ${child.excerptColumn} NOT IN (SELECT id FROM excerpt WHERE confidentiality = 'never_export')`
          : '';
      const rows = this.sql
        .get(
          `SELECT ${child.columns.join(', ')} FROM ${child.table} WHERE ${child.parentColumn} = ?${
            child.liveOnly ? ' AND deleted_at IS NULL' : ''
          }${excerptFilter} ORDER BY ${child.columns.join(', ')}`,
        )
        .all(full[child.parentKey]) as Row[];
      children[child.name] = rows;
    }
    return { kind, id, row, children };
  }

  /** A source's original bytes, by source id (null when it has none). */
  original(sourceId: string): Buffer | null {
    return (
      (this.sql.get('SELECT bytes FROM source_original WHERE source_id = ?').pluck().get(sourceId) as Buffer) ?? null
    );
  }

  /** Whether a row of this kind exists (live or tombstoned). */
  exists(kind: RecordKind, id: string): boolean {
    return this.sql.get(`SELECT 1 FROM ${SPECS[kind].table} WHERE id = ?`).get(id) !== undefined;
  }

  /** The dossier an existing record belongs to (null for codes and entities, which belong to the vault). */
  dossierOf(kind: RecordKind, id: string): string | null {
    const query: Partial<Record<RecordKind, string>> = {
      dossier: 'SELECT id FROM dossier WHERE id = ?',
      source: 'SELECT dossier_id FROM source WHERE id = ?',
      excerpt: 'SELECT s.dossier_id FROM excerpt x JOIN source s ON s.id = x.source_id WHERE x.id = ?',
      mention: 'SELECT s.dossier_id FROM entity_mention m JOIN source s ON s.id = m.source_id WHERE m.id = ?',
      link: `SELECT s.dossier_id FROM excerpt_link l JOIN excerpt x ON x.id = l.from_excerpt_id
             JOIN source s ON s.id = x.source_id WHERE l.id = ?`,
      event: 'SELECT dossier_id FROM event WHERE id = ?',
      recommendation: 'SELECT dossier_id FROM recommendation WHERE id = ?',
      draft: 'SELECT dossier_id FROM draft WHERE id = ?',
      draft_version: 'SELECT r.dossier_id FROM draft_version v JOIN draft r ON r.id = v.draft_id WHERE v.id = ?',
    };
    const sql = query[kind];
    return sql ? ((this.sql.get(sql).pluck().get(id) as string | undefined) ?? null) : null;
  }

  /**
   * Writes a record as it came (inserted, or replacing this vault's row and its children), keeping
   * the search index in step. `original`: the source's original bytes, when the record has one.
   * Call inside the merge's transaction.
   */
  write(record: BundleRecord, original: Uint8Array | null, includeNeverExport: boolean): void {
    const spec = SPECS[record.kind];
    const allowed = new Set(this.columnsOf(record.kind));
    const columns = Object.keys(record.row);
    if (columns.some((c) => !allowed.has(c)) || record.row.id !== record.id) {
      throw new UprightError('BUNDLE_INCOMPATIBLE');
    }
    if (spec.search) unindex(this.db, record.id);
    const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
    this.sql
      .get(
        `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT (id) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      )
      .run(...columns.map((c) => record.row[c]));
    const parent = this.sql.get(`SELECT * FROM ${spec.table} WHERE id = ?`).get(record.id) as Record<string, unknown>;
    const now = nowIso();
    for (const child of spec.children) {
      const rows = record.children[child.name] ?? [];
      if (rows.some((r) => Object.keys(r).some((c) => !child.columns.includes(c)))) {
        throw new UprightError('BUNDLE_INCOMPATIBLE');
      }
      const key = parent[child.parentKey];
      if (child.name === 'original') {
        if (rows.length === 0) this.sql.get('DELETE FROM source_original WHERE source_id = ?').run(key);
        else {
          const r = rows[0] as Row;
          if (!original) throw new UprightError('BUNDLE_DAMAGED');
          this.sql
            .get(
              `INSERT INTO source_original (source_id, media_type, filename, size, created_at, updated_at, bytes)
               VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id) DO UPDATE SET media_type = excluded.media_type,
               filename = excluded.filename, size = excluded.size, updated_at = excluded.updated_at, bytes = excluded.bytes`,
            )
            .run(key, r.media_type ?? null, r.filename ?? null, r.size ?? original.byteLength, now, now, original);
        }
        continue;
      }
      // Rows pointing at this vault's "never export" excerpts stay when the bundle left such rows out.
      const keepHidden =
        child.excerptColumn && !includeNeverExport
          ? ` AND ${child.excerptColumn} NOT IN (SELECT id FROM excerpt WHERE confidentiality = 'never_export')`
          : '';
      this.sql.get(`DELETE FROM ${child.table} WHERE ${child.parentColumn} = ?${keepHidden}`).run(key);
      const timed = child.liveOnly ? ['created_at', 'updated_at'] : [];
      const insertColumns = [child.parentColumn, ...child.columns, ...timed];
      const insert = this.sql.get(
        `INSERT OR IGNORE INTO ${child.table} (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`,
      );
      for (const r of rows) insert.run(key, ...child.columns.map((c) => r[c] ?? null), ...timed.map(() => now));
    }
    spec.search?.(this.db, record.id);
  }

  /** A record deleted in the other vault: tombstoned here (or removed, for rows that keep no tombstone). */
  bury(kind: RecordKind, id: string): void {
    const spec = SPECS[kind];
    if (spec.search) unindex(this.db, id);
    if (this.columnsOf(kind).includes('deleted_at')) {
      const now = nowIso();
      this.sql
        .get(`UPDATE ${spec.table} SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`)
        .run(now, now, id);
    } else {
      this.sql.get(`DELETE FROM ${spec.table} WHERE id = ?`).run(id);
    }
  }

  /** The hash of a record as last exchanged with `peer` (null: never exchanged). */
  base(peer: string, kind: RecordKind, id: string): string | null {
    return (
      (this.sql
        .get('SELECT hash FROM bundle_record WHERE peer = ? AND kind = ? AND record_id = ?')
        .pluck()
        .get(peer, kind, id) as string | undefined) ?? null
    );
  }

  /** Records what was exchanged with `peer` (after an export to them, or an import from them). */
  remember(peer: string, dossierId: string, entries: ExchangeBase[]): void {
    const now = nowIso();
    const upsert = this.sql.get(
      `INSERT INTO bundle_record (peer, kind, record_id, dossier_id, hash, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (peer, kind, record_id) DO UPDATE SET hash = excluded.hash, dossier_id = excluded.dossier_id,
       at = excluded.at WHERE hash != excluded.hash`,
    );
    for (const e of entries) upsert.run(peer, e.kind, e.recordId, dossierId, e.hash, now);
  }

  /** Forgets records exchanged with `peer` (tombstones sent or applied). */
  forget(peer: string, records: { kind: RecordKind; id: string }[]): void {
    const remove = this.sql.get('DELETE FROM bundle_record WHERE peer = ? AND kind = ? AND record_id = ?');
    for (const r of records) remove.run(peer, r.kind, r.id);
  }

  /** Records sent to or received from `peer` for a dossier that this vault no longer has at all. */
  gone(peer: string, dossierId: string): { kind: RecordKind; id: string }[] {
    const rows = this.sql
      .get('SELECT kind, record_id AS id FROM bundle_record WHERE peer = ? AND dossier_id = ? ORDER BY kind, record_id')
      .all(peer, dossierId) as { kind: RecordKind; id: string }[];
    return rows.filter((r) => r.kind in SPECS && !this.exists(r.kind, r.id));
  }
}
