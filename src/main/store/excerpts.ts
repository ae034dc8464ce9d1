// Excerpts: a highlighted passage of a source, anchored by quote and by offsets, with the monitor's
// note, its codes, the entities it names, its confidentiality and the stance it records.

import { cutPage, DEFAULT_PAGE_SIZE, decodeCursor, type Page } from '../../shared/api/paging.ts';
import { CLAIM_STANCES, type Confidentiality, type SourceKind, type Stance } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import type { Anchor } from '../annotate/anchor.ts';
import type { Block, SourceFormat } from '../ingest/types.ts';
import { matchingExcerptDocs, matchingExcerptSeqs } from './excerpt-text-match.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { removeLinksOf } from './links.ts';
import { Repository } from './repository.ts';
import { excerptsMatching, indexExcerpt, unindex } from './search.ts';

// The vocabularies are shared with the renderer (labels) and the API schemas.
export { CONFIDENTIALITY, type Confidentiality, STANCES, type Stance } from '../../shared/domain.ts';

/** anchored: quote and offsets agree; reanchored: moved after re-normalisation; orphaned: lost. */
export type AnchorStatus = 'anchored' | 'reanchored' | 'orphaned';

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
  entityIds?: string[];
}

export interface ExcerptPatch {
  note?: string;
  confidentiality?: Confidentiality;
  stance?: Stance | null;
  codeIds?: string[];
  entityIds?: string[];
}

export interface ExcerptFilter {
  dossierId: string;
  sourceId?: string;
  codeId?: string;
  entityId?: string;
  sourceKind?: SourceKind;
  confidentiality?: Confidentiality;
  stance?: Stance;
  anchorStatus?: AnchorStatus;
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
  /** Whether the quote was found again after the source's text was re-normalised. */
  anchorStatus: AnchorStatus;
  codeIds: string[];
  /** Entities (persons, organisations, …) this excerpt is linked to. */
  entityIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ExcerptListItem extends ExcerptRecord {
  sourceTitle: string;
  sourceKind: string;
  /** The file format the source was imported from: tells renditions of one document apart. */
  sourceFormat: SourceFormat | null;
}

/** A claim in the Claims view: the listed excerpt and its source's date as the source gives it. */
export interface ClaimExcerpt extends ExcerptListItem {
  sourceDate: string | null;
}

/** Where the words searched for were found, best first: the quote, then the note, then the source's title. */
export const SEARCH_MATCHES = ['quote', 'note', 'source'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export interface ExcerptSearchHit extends ExcerptListItem {
  matchedIn: SearchMatch;
  /** The excerpt's paragraph in its source (1-based, headings not counted): its place where there are no pages. */
  paragraph: number | null;
}

/**
 * Text folded for matching in any script: SQLite's lower() folds only ASCII, so "Суд" would not find
 * "суд". NFKC joins ligatures and full-width forms; "ё" is written "е" as often as not.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll('ё', 'е');
}

const FOLD_FUNCTION = 'upright_fold';
/** At most this many words of a search are matched (each must appear; the rest are ignored). */
const SEARCH_WORDS = 8;

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
  anchor_status: AnchorStatus;
  created_at: string;
  updated_at: string;
}

type ListRow = ExcerptRow & { source_title: string; source_kind: string; source_format: SourceFormat | null };

const LIST_COLUMNS = `SELECT e.*, s.title AS source_title, s.kind AS source_kind, s.format AS source_format,
  s.seq AS source_seq`;
const LIST_SELECT = `${LIST_COLUMNS} FROM source s JOIN excerpt e ON e.source_id = s.id`;
/**
 * The condition of the excerpt_claim index (migration 018), word for word: SQLite uses a partial index
 * only then, and refuses the query ("no query solution") if the stances ever differ from the index's.
 */
const CLAIM_CONDITION = `e.stance IN (${CLAIM_STANCES.map((stance) => `'${stance}'`).join(', ')})`;
/**
 * Filtered by words: read from the excerpts that hold them (a few thousand at most in a dossier of
 * 50,000), each found by its seq, its source by id — not the dossier's every excerpt in list order,
 * each tested against the list of matches.
 */
const MATCHED_FROM = `FROM json_each(@docs) j CROSS JOIN search_doc d ON d.seq = j.value
  CROSS JOIN excerpt e ON e.id = d.thing_id CROSS JOIN source s ON s.id = e.source_id`;

/** The 1-based number of the paragraph holding `offset`, or null when the source records none. */
function paragraphAt(starts: readonly number[], offset: number): number | null {
  let count = 0;
  for (const start of starts) {
    if (start > offset) break;
    count++;
  }
  return count > 0 ? count : null;
}

export class ExcerptRepository extends Repository {
  constructor(...args: ConstructorParameters<typeof Repository>) {
    super(...args);
    this.db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? foldText(value) : value,
    );
  }

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
      this.#setEntities(id, input.entityIds ?? []);
      this.audit.append({ action: 'excerpt.add', entityType: 'excerpt', entityId: id, summary: 'Excerpt added' });
      indexExcerpt(this.db, id);
    })();
    return this.get(id) as ExcerptRecord;
  }

  require(id: string): ExcerptRecord {
    const excerpt = this.get(id);
    if (!excerpt) throw new UprightError('EXCERPT_NOT_FOUND');
    return excerpt;
  }

  update(id: string, patch: ExcerptPatch): ExcerptRecord {
    const current = this.require(id);
    const renoted = patch.note !== undefined && patch.note !== current.note;
    this.db.transaction(() => {
      if (renoted) unindex(this.db, id);
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
      if (patch.entityIds) this.#setEntities(id, patch.entityIds);
      this.audit.append({ action: 'excerpt.update', entityType: 'excerpt', entityId: id, summary: 'Excerpt changed' });
      if (renoted) indexExcerpt(this.db, id);
    })();
    return this.require(id);
  }

  /** Removes an excerpt: its quote and note are erased, a tombstone stays for exchange between vaults. */
  remove(id: string): boolean {
    return this.delete(id).deleted;
  }

  /**
   * Removes an excerpt as remove() does, and its links to other excerpts with it; says how many
   * links went, so the person is told ("2 links removed").
   */
  delete(id: string): { deleted: boolean; linksRemoved: number } {
    if (!this.get(id)) return { deleted: false, linksRemoved: 0 };
    const now = nowIso();
    let linksRemoved = 0;
    this.db.transaction(() => {
      unindex(this.db, id);
      this.sql.get('DELETE FROM excerpt_code WHERE excerpt_id = ?').run(id);
      this.sql.get('DELETE FROM excerpt_entity WHERE excerpt_id = ?').run(id);
      linksRemoved = removeLinksOf(this.sql, [id], now);
      this.sql
        .get(
          "UPDATE excerpt SET deleted_at = ?, updated_at = ?, exact = '', prefix = '', suffix = '', note = '' WHERE id = ?",
        )
        .run(now, now, id);
      this.audit.append({ action: 'excerpt.delete', entityType: 'excerpt', entityId: id, summary: 'Excerpt removed' });
    })();
    return { deleted: true, linksRemoved };
  }

  /** A source's excerpts in reading order (for highlights). */
  listForSource(sourceId: string): ExcerptRecord[] {
    const rows = this.sql
      .get('SELECT * FROM excerpt WHERE source_id = ? AND deleted_at IS NULL ORDER BY start_offset, end_offset')
      .all(sourceId) as ExcerptRow[];
    const codes = this.#codesOf(rows.map((r) => r.id));
    const entities = this.#entitiesOf(rows.map((r) => r.id));
    return rows.map((row) => this.#toRecord(row, codes.get(row.id) ?? [], entities.get(row.id) ?? []));
  }

  /** Excerpts across a dossier, filtered as the person asks, in source then reading order (all of them). */
  list(filter: ExcerptFilter): ExcerptListItem[] {
    const { where, params, matched } = this.#where(filter);
    const rows = this.sql
      .get(
        `${matched ? `${LIST_COLUMNS} ${MATCHED_FROM}` : LIST_SELECT} WHERE ${where} ORDER BY s.seq, e.start_offset, e.seq`,
      )
      .all(params) as ListRow[];
    return this.#toListItems(rows);
  }

  /**
   * The State's claims, denials and acknowledgements in a dossier (the Claims view), filtered by code
   * or entity as the list is, in list order, each with its source's date. Read from the partial
   * index that holds only excerpts with such a stance (migration 018), not the dossier's every excerpt.
   */
  claims(filter: { dossierId: string; codeId?: string; entityId?: string }): ClaimExcerpt[] {
    const { where, params } = this.#where(filter);
    const rows = this.sql
      .get(
        `${LIST_COLUMNS}, s.date_text AS source_date
         FROM excerpt e INDEXED BY excerpt_claim CROSS JOIN source s ON s.id = e.source_id
         WHERE ${CLAIM_CONDITION} AND ${where} ORDER BY s.seq, e.start_offset, e.seq`,
      )
      .all(params) as (ListRow & { source_date: string | null })[];
    const items = this.#toListItems(rows);
    return items.map((item, i) => ({ ...item, sourceDate: rows[i]?.source_date ?? null }));
  }

  /**
   * One page of the list above, after `cursor` (the position of the last row of the previous page):
   * read in index order and stopped at the limit, so the first page of 100,000 excerpts costs what a
   * page costs. The total comes from the kept counts when only the dossier or source is asked for.
   */
  page(filter: ExcerptFilter, limit = DEFAULT_PAGE_SIZE, cursor?: string): Page<ExcerptListItem> {
    const { where, params, matched } = this.#where(filter);
    const after = cursor ? decodeCursor(cursor, 'excerpt.list', { ...filter }, ['n', 'n', 'n']) : null;
    const keyOf = (row: { source_seq: number; start_offset: number; seq: number }) =>
      [row.source_seq, row.start_offset, row.seq] as [number, number, number];
    if (matched) {
      // Filtered by words: the list position of every excerpt holding them is read once (a few
      // thousand small rows), which gives the total and the page; then the page's rows in full.
      const keys = (
        this.sql
          .get(`SELECT s.seq AS source_seq, e.start_offset, e.seq ${MATCHED_FROM} WHERE ${where}`)
          .all(params) as { source_seq: number; start_offset: number; seq: number }[]
      ).map(keyOf);
      const before = (a: readonly number[], b: readonly number[]) =>
        (a[0] as number) - (b[0] as number) ||
        (a[1] as number) - (b[1] as number) ||
        (a[2] as number) - (b[2] as number);
      keys.sort(before);
      const wanted = (after ? keys.filter((key) => before(key, after as number[]) > 0) : keys).slice(0, limit + 1);
      const rows = this.sql
        .get(
          `${LIST_SELECT} WHERE e.seq IN (SELECT value FROM json_each(@seqs))
           ORDER BY s.seq, e.start_offset, e.seq`,
        )
        .all({ seqs: JSON.stringify(wanted.map((key) => key[2])) }) as (ListRow & {
        source_seq: number;
        seq: number;
      })[];
      return cutPage(rows, limit, keys.length, (kept) => this.#toListItems(kept), keyOf, 'excerpt.list', {
        ...filter,
      });
    }
    const keyset = after ? ' AND s.seq >= @k0 AND (s.seq, e.start_offset, e.seq) > (@k0, @k1, @k2)' : '';
    const rows = this.sql
      .get(`${LIST_SELECT} WHERE ${where}${keyset} ORDER BY s.seq, e.start_offset, e.seq LIMIT @limit`)
      .all({
        ...params,
        k0: after?.[0] ?? null,
        k1: after?.[1] ?? null,
        k2: after?.[2] ?? null,
        limit: limit + 1,
      }) as (ListRow & { source_seq: number; seq: number })[];
    return cutPage(
      rows,
      limit,
      this.#total(filter, where, params),
      (kept) => this.#toListItems(kept),
      keyOf,
      'excerpt.list',
      { ...filter },
    );
  }

  #total(filter: ExcerptFilter, where: string, params: Record<string, unknown>): number {
    const narrowed = Object.entries(filter).some(
      ([key, value]) => value !== undefined && value !== '' && key !== 'dossierId' && key !== 'sourceId',
    );
    if (!narrowed && filter.sourceId) {
      // The source must be of this dossier; its kept count otherwise.
      return Number(
        this.sql
          .get(
            `SELECT coalesce((SELECT t.excerpts FROM source_tally t WHERE t.source_id = s.id), 0) FROM source s
             WHERE s.id = ? AND s.dossier_id = ? AND s.deleted_at IS NULL`,
          )
          .pluck()
          .get(filter.sourceId, filter.dossierId) ?? 0,
      );
    }
    if (!narrowed) {
      return Number(
        this.sql.get('SELECT excerpts FROM dossier_tally WHERE dossier_id = ?').pluck().get(filter.dossierId) ?? 0,
      );
    }
    // Walks two indexes, the dossier's sources (with their ids) and each source's live excerpts (with
    // their seq): the word, code and entity filters test seq, so no row is read unless the filter needs
    // one (source kind, confidentiality, stance). Driving from the matches reads a row per match.
    return Number(
      this.sql
        .get(
          `SELECT count(*) FROM source s INDEXED BY source_import_order
             CROSS JOIN excerpt e INDEXED BY excerpt_reading_order ON e.source_id = s.id
           WHERE ${where}`,
        )
        .pluck()
        .get(params),
    );
  }

  /** The conditions of a filter; `matched`: read from the excerpts holding its words (MATCHED_FROM). */
  #where(filter: ExcerptFilter): { where: string; params: Record<string, unknown>; matched: boolean } {
    const where = ['s.dossier_id = @dossierId', 'e.deleted_at IS NULL', 's.deleted_at IS NULL'];
    if (filter.sourceId) where.push('e.source_id = @sourceId');
    // The "+" keeps these as filters on rows read in list order: as index probes SQLite would try
    // every listed id against every source (minutes at 10,000 sources).
    if (filter.codeId)
      where.push(
        '+e.seq IN (SELECT x.seq FROM excerpt_code l JOIN excerpt x ON x.id = l.excerpt_id WHERE l.code_id = @codeId)',
      );
    if (filter.entityId)
      where.push(
        '+e.seq IN (SELECT x.seq FROM excerpt_entity l JOIN excerpt x ON x.id = l.excerpt_id WHERE l.entity_id = @entityId)',
      );
    if (filter.sourceKind) where.push('s.kind = @sourceKind');
    if (filter.confidentiality) where.push('e.confidentiality = @confidentiality');
    if (filter.stance) where.push('e.stance = @stance');
    if (filter.anchorStatus) where.push('e.anchor_status = @anchorStatus');
    const docs = filter.text ? matchingExcerptDocs(this.db, filter.text) : null;
    // The index records each excerpt's dossier: the others' matches stop at their index row.
    if (docs) where.push("d.kind = 'excerpt'", 'd.dossier_id = @dossierId');
    return {
      matched: docs !== null,
      where: where.join(' AND '),
      params: {
        dossierId: filter.dossierId,
        sourceId: filter.sourceId ?? null,
        codeId: filter.codeId ?? null,
        entityId: filter.entityId ?? null,
        sourceKind: filter.sourceKind ?? null,
        confidentiality: filter.confidentiality ?? null,
        stance: filter.stance ?? null,
        anchorStatus: filter.anchorStatus ?? null,
        docs: docs ? JSON.stringify(docs) : null,
      },
    };
  }

  /**
   * Excerpts of a dossier to cite, found by words: every word must appear in the quote, the note or
   * the source's title, and hits in the quote come first, then the note, then the title — a word the
   * monitor wrote in a note must not push the passage that says it out of first place (Enter cites the
   * first). Within each rank: sources in import order, excerpts in reading order. Paged like the list.
   */
  search(dossierId: string, text: string, limit = 50, cursor?: string): Page<ExcerptSearchHit> {
    const words = foldText(text).split(/\s+/).filter(Boolean).slice(0, SEARCH_WORDS);
    if (words.length === 0) return { items: [], total: 0, nextCursor: null };
    const after = cursor
      ? decodeCursor(cursor, 'excerpt.search', { dossierId, text }, ['n', 'n', 'n', 'n', 'n'])
      : null;
    const inQuote = matchingExcerptSeqs(this.db, text, 'quote') ?? [];
    const inNote = matchingExcerptSeqs(this.db, text, 'note') ?? [];
    const params: Record<string, string | number | null> = {
      dossierId,
      quote: JSON.stringify(inQuote),
      note: JSON.stringify(inNote),
      k0: after?.[0] ?? null,
      k1: after?.[1] ?? null,
      k2: after?.[2] ?? null,
      k3: after?.[3] ?? null,
      k4: after?.[4] ?? null,
      limit: limit + 1,
    };
    words.forEach((word, i) => {
      params[`w${i}`] = word;
    });
    // Titles are few (one per source) and short: matched as typed, folded, anywhere in the title.
    const inTitle = `(${words.map((_, i) => `instr(${FOLD_FUNCTION}(s.title), @w${i}) > 0`).join(' AND ')})`;
    const ranked = `SELECT e.*, s.title AS source_title, s.kind AS source_kind, s.format AS source_format,
        s.seq AS source_seq,
        CASE WHEN e.seq IN (SELECT value FROM json_each(@quote)) THEN 0
          WHEN e.seq IN (SELECT value FROM json_each(@note)) THEN 1 WHEN ${inTitle} THEN 2 END AS match_rank
      FROM excerpt e JOIN source s ON s.id = e.source_id
      WHERE s.dossier_id = @dossierId AND e.deleted_at IS NULL AND s.deleted_at IS NULL`;
    const keyset = after
      ? 'AND (match_rank, source_seq, start_offset, end_offset, seq) > (@k0, @k1, @k2, @k3, @k4)'
      : '';
    const rows = this.sql
      .get(
        `SELECT * FROM (${ranked}) WHERE match_rank IS NOT NULL ${keyset}
         ORDER BY match_rank, source_seq, start_offset, end_offset, seq LIMIT @limit`,
      )
      .all(params) as (ListRow & { match_rank: number; source_seq: number; seq: number })[];
    const total = Number(
      this.sql
        .get(`SELECT count(*) FROM (${ranked}) WHERE match_rank IS NOT NULL`)
        .pluck()
        .get({ ...params, k0: null, k1: null, k2: null, k3: null, k4: null, limit: null }),
    );
    return cutPage(
      rows,
      limit,
      total,
      (kept) => {
        const items = this.#toListItems(kept);
        const paragraphs = this.#paragraphsOf([...new Set(kept.map((r) => r.source_id))]);
        return items.map((item, i) => ({
          ...item,
          matchedIn: SEARCH_MATCHES[(kept[i] as { match_rank: number }).match_rank] as SearchMatch,
          paragraph: paragraphAt(paragraphs.get(item.sourceId) ?? [], item.start),
        }));
      },
      (row) => [row.match_rank, row.source_seq, row.start_offset, row.end_offset, row.seq],
      'excerpt.search',
      { dossierId, text },
    );
  }

  /** Each source's paragraph starts, in text order (headings are not numbered paragraphs). */
  #paragraphsOf(sourceIds: string[]): Map<string, number[]> {
    const map = new Map<string, number[]>();
    if (sourceIds.length === 0) return map;
    const rows = this.sql
      .get(
        `SELECT s.id, t.blocks FROM source s JOIN source_text t ON t.source_seq = s.seq
         WHERE s.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(sourceIds)) as { id: string; blocks: string }[];
    for (const row of rows) {
      const blocks = JSON.parse(row.blocks) as Block[];
      map.set(
        row.id,
        blocks.filter((b) => b.kind !== 'heading').map((b) => b.start),
      );
    }
    return map;
  }

  #toListItems(rows: ListRow[]): ExcerptListItem[] {
    const codes = this.#codesOf(rows.map((r) => r.id));
    const entities = this.#entitiesOf(rows.map((r) => r.id));
    return rows.map((row) => ({
      ...this.#toRecord(row, codes.get(row.id) ?? [], entities.get(row.id) ?? []),
      sourceTitle: row.source_title,
      sourceKind: row.source_kind,
      sourceFormat: row.source_format,
    }));
  }

  #setCodes(id: string, codeIds: string[]): void {
    const now = nowIso();
    this.sql.get('DELETE FROM excerpt_code WHERE excerpt_id = ?').run(id);
    for (const codeId of new Set(codeIds)) {
      const live = this.sql.get('SELECT 1 FROM code WHERE id = ? AND deleted_at IS NULL').pluck().get(codeId);
      if (!live) throw new UprightError('LINKED_CODE_GONE');
      this.sql
        .get('INSERT INTO excerpt_code (excerpt_id, code_id, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(id, codeId, now, now);
    }
  }

  /** Links exactly these entities; links that stay keep their date (and so their order). */
  #setEntities(id: string, entityIds: string[]): void {
    const now = nowIso();
    const wanted = [...new Set(entityIds)];
    this.sql
      .get('DELETE FROM excerpt_entity WHERE excerpt_id = ? AND entity_id NOT IN (SELECT value FROM json_each(?))')
      .run(id, JSON.stringify(wanted));
    for (const entityId of wanted) {
      const live = this.sql.get('SELECT 1 FROM entity WHERE id = ? AND deleted_at IS NULL').pluck().get(entityId);
      if (!live) throw new UprightError('LINKED_ENTITY_GONE');
      this.sql
        .get('INSERT OR IGNORE INTO excerpt_entity (excerpt_id, entity_id, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(id, entityId, now, now);
    }
  }

  #codesOf(ids: string[]): Map<string, string[]> {
    return this.#linksOf('SELECT excerpt_id, code_id AS other FROM excerpt_code', ids);
  }

  #entitiesOf(ids: string[]): Map<string, string[]> {
    return this.#linksOf('SELECT excerpt_id, entity_id AS other FROM excerpt_entity', ids);
  }

  /** excerpt id → the ids it links to, in the order they were linked. */
  #linksOf(select: string, ids: string[]): Map<string, string[]> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const rows = this.sql
      .get(`${select} WHERE excerpt_id IN (SELECT value FROM json_each(?)) ORDER BY created_at`)
      .all(JSON.stringify(ids)) as { excerpt_id: string; other: string }[];
    for (const row of rows) map.set(row.excerpt_id, [...(map.get(row.excerpt_id) ?? []), row.other]);
    return map;
  }

  #toRecord(row: ExcerptRow, codeIds: string[], entityIds: string[]): ExcerptRecord {
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
      anchorStatus: row.anchor_status,
      codeIds,
      entityIds,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  get(id: string): ExcerptRecord | null {
    const row = this.sql.get('SELECT * FROM excerpt WHERE id = ? AND deleted_at IS NULL').get(id) as
      | ExcerptRow
      | undefined;
    if (!row) return null;
    return this.#toRecord(row, this.#codesOf([id]).get(id) ?? [], this.#entitiesOf([id]).get(id) ?? []);
  }

  /** What re-anchoring needs of a source's live excerpts: the stored anchors. */
  anchorsOf(sourceId: string): { id: string; anchor: Anchor }[] {
    const rows = this.sql
      .get('SELECT * FROM excerpt WHERE source_id = ? AND deleted_at IS NULL ORDER BY start_offset')
      .all(sourceId) as ExcerptRow[];
    return rows.map((r) => ({
      id: r.id,
      anchor: {
        exact: r.exact,
        prefix: r.prefix,
        suffix: r.suffix,
        start: r.start_offset,
        end: r.end_offset,
        page: r.page,
      },
    }));
  }

  /**
   * Stores where excerpts were found in a source's new text, and marks the rest orphaned (kept with
   * their quote, offsets untouched, for the person to place again). Call inside the transaction that
   * replaces the text.
   */
  applyReanchoring(
    placed: { id: string; status: 'exact' | 'moved' | 'fuzzy'; anchor: Anchor }[],
    orphanIds: string[],
  ): void {
    const now = nowIso();
    const move = this.sql.get(
      `UPDATE excerpt SET exact = ?, prefix = ?, suffix = ?, start_offset = ?, end_offset = ?, page = ?,
         anchor_status = CASE WHEN ? THEN anchor_status ELSE 'reanchored' END, updated_at = ? WHERE id = ?`,
    );
    for (const { id, status, anchor } of placed) {
      unindex(this.db, id);
      // An excerpt found exactly where it was keeps its status (an orphan placed again stays placed).
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
      indexExcerpt(this.db, id);
    }
    const lose = this.sql.get("UPDATE excerpt SET anchor_status = 'orphaned', updated_at = ? WHERE id = ?");
    for (const id of orphanIds) lose.run(now, id);
  }

  /** Places an orphaned (or any) excerpt on a new selection of its source's text. */
  place(id: string, anchor: Anchor): ExcerptRecord {
    this.require(id);
    this.db.transaction(() => {
      unindex(this.db, id);
      this.sql
        .get(
          `UPDATE excerpt SET exact = ?, prefix = ?, suffix = ?, start_offset = ?, end_offset = ?, page = ?,
             anchor_status = 'anchored', updated_at = ? WHERE id = ?`,
        )
        .run(anchor.exact, anchor.prefix, anchor.suffix, anchor.start, anchor.end, anchor.page, nowIso(), id);
      indexExcerpt(this.db, id);
      this.audit.append({
        action: 'excerpt.place',
        entityType: 'excerpt',
        entityId: id,
        summary: 'Excerpt placed again',
      });
    })();
    return this.require(id);
  }

  /** A dossier's orphaned excerpts (or one source's), with their source, for the person to fix. */
  orphans(dossierId: string, sourceId?: string): ExcerptListItem[] {
    return this.list({ dossierId, anchorStatus: 'orphaned', ...(sourceId ? { sourceId } : {}) });
  }

  /** Full-text lookup over the quote and the note (the search syntax), best match first. */
  searchText(query: string, limit = 50): { id: string; sourceId: string }[] {
    return excerptsMatching(this.db, query, limit);
  }
}
