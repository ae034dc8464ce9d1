// Full-text search over everything a dossier holds: source text by page, excerpts (quote and note),
// entity names and aliases, drafts. One contentless FTS5 table (search_fts) holds only the stems of
// the words (src/main/search/words.ts); search_doc says what each indexed row is (kind, thing, dossier,
// source, page, offsets), so the text itself is stored once, in its own table. The index is written
// here, by the repositories, in the transaction of each change: stemming runs in JavaScript, which
// SQLite triggers cannot call.
//
// Contentless FTS5 forgets a row only when told its words again ('delete' with the same values), and
// with secure-delete on, those words then leave the index's pages at once (a deleted source's words
// must not linger, and a full 'optimize' per delete is slow at scale). So a change is always:
// unindex(thing) while its old text is still stored, write, then index it again.
import { createHash } from 'node:crypto';
import {
  type SavedSearch,
  SEARCH_CAP,
  SEARCH_KINDS,
  type SearchFilters,
  type SearchHit,
  type SearchKind,
  type Snippet,
} from '../../shared/api/search.ts';
import type { DraftNode } from '../../shared/draft.ts';
import { UprightError } from '../../shared/errors.ts';
import type { PageSpan } from '../ingest/types.ts';
import { keyMatches, type ParsedQuery, parseQuery, type QueryTerms } from '../search/query.ts';
import { indexText, type Word, words } from '../search/words.ts';
import type { Db } from './database.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';
import { Statements } from './statements.ts';

/** A source without pages is indexed in passages of about this many characters (a hit knows its passage). */
const PASSAGE = 4000;
/** Snippet length around the first match, in characters. */
const SNIPPET = 180;
/** bm25 weights of the two columns: a word in a title counts more than one in the body. */
const RANK = 'bm25(search_fts, 4.0, 1.0)';

/**
 * An index row's seq (the FTS rowid) says its kind in its high bits — KIND_SPAN × the kind's code +
 * an ordinal counted over all kinds in the order rows were written — so a kind's matches are a range
 * of rowids the index reads on its own (newest last), without reading search_doc once per match;
 * ties in rank keep the write order.
 */
const KIND_SPAN = 2 ** 40;
const KIND_CODE: Record<SearchKind, number> = { source: 1, excerpt: 2, entity: 3, draft: 4 };

/**
 * Whether the index was written before seqs carried their kind (an early build of migration 10):
 * then a kind is told by search_doc, never by a range of seqs. One seek.
 */
export function legacyIndex(db: Db): boolean {
  return sql(db).get(`SELECT 1 FROM search_doc WHERE seq < ${KIND_SPAN} LIMIT 1`).get() !== undefined;
}

/**
 * The seqs (FTS rowids) of every index row of a kind matching an expression (already expanded), or
 * of the newest `cap` of them, newest first, read on the index alone: from the top of the kind's
 * range down, stopping below it (FTS5 told of a lower bound steps through every match under it).
 */
export function kindMatches(db: Db, match: string, kind: SearchKind, cap = Number.POSITIVE_INFINITY): number[] {
  const legacy = legacyIndex(db);
  const { lo, hi } = kindRange(kind, legacy);
  const seqs: number[] = [];
  const read = sql(db)
    .get('SELECT rowid FROM search_fts WHERE search_fts MATCH @match AND rowid <= @hi ORDER BY rowid DESC')
    .pluck();
  for (const seq of read.iterate({ match, hi }) as IterableIterator<number>) {
    if (seq < lo || seqs.length >= cap) break;
    seqs.push(seq);
  }
  return seqs;
}

/**
 * bm25 of these matches (seqs of kinds next to each other in seq order), read on the index alone in
 * one pass from the newest of them down to the oldest, as kindMatches reads them.
 */
function ranksOf(db: Db, match: string, seqs: readonly number[]): { seq: number; rank: number }[] {
  if (seqs.length === 0) return [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const seq of seqs) {
    lo = Math.min(lo, seq);
    hi = Math.max(hi, seq);
  }
  const wanted = new Set(seqs);
  const ranked: { seq: number; rank: number }[] = [];
  const scored = sql(db).get(
    `SELECT rowid AS seq, ${RANK} AS rank FROM search_fts WHERE search_fts MATCH @match AND rowid <= @hi
     ORDER BY rowid DESC`,
  );
  for (const row of scored.iterate({ match, hi }) as IterableIterator<{ seq: number; rank: number }>) {
    if (row.seq < lo) break;
    if (wanted.has(row.seq)) ranked.push(row);
  }
  return ranked;
}

/** The seqs (FTS rowids) a kind's rows can have: the whole range in a legacy index. */
export function kindRange(kind: SearchKind, legacy: boolean): { lo: number; hi: number } {
  if (legacy) return { lo: 0, hi: Number.MAX_SAFE_INTEGER };
  const code = KIND_CODE[kind];
  return { lo: code * KIND_SPAN, hi: (code + 1) * KIND_SPAN - 1 };
}

const statements = new WeakMap<Db, Statements>();
function sql(db: Db): Statements {
  let cached = statements.get(db);
  if (!cached) {
    cached = new Statements(db);
    statements.set(db, cached);
  }
  return cached;
}

/**
 * A live source's text and page map: the one place the index reads source text from (the text may
 * move to a table of its own; only this function then changes).
 */
export function readSourceText(db: Db, sourceId: string): { text: string; pageMap: PageSpan[] } | null {
  const row = sql(db)
    .get(
      'SELECT t.text, t.page_map FROM source s JOIN source_text t ON t.source_seq = s.seq WHERE s.id = ? AND s.deleted_at IS NULL',
    )
    .get(sourceId) as { text: string; page_map: string } | undefined;
  return row ? { text: row.text, pageMap: JSON.parse(row.page_map) as PageSpan[] } : null;
}

/**
 * Sources whose text is known to hold no character beyond the BMP (true), or to hold one (false),
 * per connection. Forgotten when the source leaves the index (unindex, which comes before any change
 * of its text), so an entry is never older than the text it describes.
 */
const bmpOnly = new WeakMap<Db, Map<string, boolean>>();
const BMP_ENTRIES = 50_000;

function forgetText(db: Db, sourceId: string): void {
  bmpOnly.get(db)?.delete(sourceId);
}

/**
 * One passage of a live source's text, [start, end) in JavaScript (UTF-16) offsets, read without
 * bringing the whole text into JavaScript: a search hit needs only its passage, and reading every
 * hit's whole source was most of a query's time. SQLite's substr counts code points, which are the
 * same offsets unless the text holds a character beyond the BMP (4 bytes in UTF-8, lead byte F0-F4);
 * then the whole text is read instead. Whether it does is looked for once per source (five scans of
 * the text, most of a passage's cost) and remembered.
 */
export function readSourcePassage(db: Db, sourceId: string, start: number, end: number): string {
  let known = bmpOnly.get(db);
  if (!known) {
    known = new Map();
    bmpOnly.set(db, known);
  }
  const params = { id: sourceId, start, length: Math.max(0, end - start) };
  const bmp = known.get(sourceId);
  if (bmp === false) return (readSourceText(db, sourceId)?.text ?? '').slice(start, end);
  if (bmp === true) {
    const passage = sql(db)
      .get(
        `SELECT substr(text, @start + 1, @length) FROM source s JOIN source_text t ON t.source_seq = s.seq
         WHERE s.id = @id AND s.deleted_at IS NULL`,
      )
      .pluck()
      .get(params) as string | undefined;
    return passage ?? '';
  }
  const row = sql(db)
    .get(
      `SELECT substr(text, @start + 1, @length) AS passage,
         instr(CAST(text AS BLOB), X'F0') + instr(CAST(text AS BLOB), X'F1') + instr(CAST(text AS BLOB), X'F2')
         + instr(CAST(text AS BLOB), X'F3') + instr(CAST(text AS BLOB), X'F4') AS astral
       FROM source s JOIN source_text t ON t.source_seq = s.seq WHERE s.id = @id AND s.deleted_at IS NULL`,
    )
    .get(params) as { passage: string; astral: number } | undefined;
  if (!row) return '';
  // Not inside a transaction: what it wrote may yet be rolled back.
  if (!db.inTransaction) {
    if (known.size >= BMP_ENTRIES) known.clear();
    known.set(sourceId, row.astral === 0);
  }
  if (row.astral === 0) return row.passage;
  return (readSourceText(db, sourceId)?.text ?? '').slice(start, end);
}

/** The passages a source is indexed in: its page spans (long ones cut), or passages of PASSAGE characters. */
export function passages(
  text: string,
  pageMap: readonly PageSpan[],
): { page: number | null; start: number; end: number }[] {
  const spans = pageMap.length > 0 ? pageMap : [{ page: null, start: 0, end: text.length }];
  const out: { page: number | null; start: number; end: number }[] = [];
  for (const span of spans) {
    let start = span.start;
    while (start < span.end) {
      let end = Math.min(span.end, start + PASSAGE);
      // Cut at a space, so no word is split between two passages.
      if (end < span.end) {
        const space = text.lastIndexOf(' ', end);
        const newline = text.lastIndexOf('\n', end);
        const cut = Math.max(space, newline);
        if (cut > start + PASSAGE / 2) end = cut;
      }
      out.push({ page: span.page, start, end });
      start = end;
    }
  }
  return out;
}

function insertDoc(
  db: Db,
  doc: {
    kind: SearchKind;
    thingId: string;
    dossierId: string | null;
    sourceId: string | null;
    page: number | null;
    start: number | null;
    end: number | null;
  },
  title: string,
  body: string,
): boolean {
  const titleKeys = indexText(title);
  const bodyKeys = indexText(body);
  if (!titleKeys && !bodyKeys) return false;
  // The next ordinal after the last one written, of any kind (each kind's last row is one seek).
  let last = 0;
  for (const code of Object.values(KIND_CODE)) {
    const top = sql(db)
      .get('SELECT seq FROM search_doc WHERE seq >= ? AND seq < ? ORDER BY seq DESC LIMIT 1')
      .pluck()
      .get(code * KIND_SPAN, (code + 1) * KIND_SPAN) as number | undefined;
    if (top !== undefined) last = Math.max(last, top - code * KIND_SPAN);
  }
  const seq = KIND_CODE[doc.kind] * KIND_SPAN + last + 1;
  sql(db)
    .get(
      `INSERT INTO search_doc (seq, kind, thing_id, dossier_id, source_id, page, start_offset, end_offset)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(seq, doc.kind, doc.thingId, doc.dossierId, doc.sourceId, doc.page, doc.start, doc.end);
  sql(db).get('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)').run(seq, titleKeys, bodyKeys);
  // Every word indexed is in the list prefix queries are answered from (migration 16 on; the steps
  // before it index without it, and it is filled from the index when made).
  if (hasTermList(db)) {
    const keys = new Set(`${titleKeys} ${bodyKeys}`.split(' '));
    keys.delete('');
    sql(db)
      .get('INSERT OR IGNORE INTO search_term (term) SELECT value FROM json_each(?)')
      .run(JSON.stringify([...keys]));
  }
  return true;
}

/**
 * Whether the vault has its list of indexed words yet (migration 16). Asked each time, not
 * remembered: a migration that made it may still be rolled back. A read of the schema's few pages.
 */
function hasTermList(db: Db): boolean {
  return sql(db).get("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'search_term'").get() !== undefined;
}

/** A prefix standing for more words than this is left to FTS5's own prefix reading. */
const PREFIX_WORDS = 64;

/**
 * An FTS5 expression (of parseQuery or typedWordsMatch) with each prefix ("detain"*) replaced by the
 * words of the index it begins ("detain" OR "detainee"), read from the list of indexed words: FTS5
 * reads a prefix's every match before the first, whole words only as far as needed. A prefix that
 * begins no word, or very many, stays as it is (the list is only a shortcut).
 */
export function expandPrefixes(db: Db, match: string): string {
  if (!match.includes('"*') || !hasTermList(db)) return match;
  const list = sql(db).get('SELECT term FROM search_term WHERE term >= ? AND term < ? ORDER BY term LIMIT ?').pluck();
  return match.replace(/"([^"]*)"\*/g, (prefix, key: string) => {
    if (key === '') return prefix;
    const terms = list.all(key, `${key}\u{10FFFF}`, PREFIX_WORDS + 1) as string[];
    if (terms.length === 0 || terms.length > PREFIX_WORDS) return prefix;
    return terms.length === 1 ? `"${terms[0]}"` : `(${terms.map((t) => `"${t}"`).join(' OR ')})`;
  });
}

/**
 * Takes a thing (source, excerpt, entity, draft) out of the index. Call it BEFORE its text changes
 * or is erased: the index is told the words it held, worked out again from the stored text.
 */
export function unindex(db: Db, thingId: string): void {
  forgetText(db, thingId);
  const docs = sql(db)
    .get('SELECT seq, kind, start_offset, end_offset FROM search_doc WHERE thing_id = ? ORDER BY seq')
    .all(thingId) as { seq: number; kind: SearchKind; start_offset: number | null; end_offset: number | null }[];
  if (docs.length === 0) return;
  const forget = sql(db).get("INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)");
  const strings = indexedStrings(db, docs[0]?.kind as SearchKind, thingId);
  const words = new Set<string>();
  docs.forEach((doc, i) => {
    const [title, body] = strings(i, doc.start_offset, doc.end_offset);
    const titleKeys = indexText(title);
    const bodyKeys = indexText(body);
    forget.run(doc.seq, titleKeys, bodyKeys);
    for (const key of `${titleKeys} ${bodyKeys}`.split(' ')) if (key) words.add(key);
  });
  sql(db).get('DELETE FROM search_doc WHERE thing_id = ?').run(thingId);
  forgetUnusedTerms(db, words);
}

/**
 * Drops from the list of indexed words those no row holds any more: a deleted source's names must
 * not outlive it in the vault (the list would otherwise keep every word ever imported). Each word is
 * asked of the index as a query stopped at its first match (a fraction of a millisecond); the index's
 * vocabulary table counts every row of a word to answer (30 ms for a common word, 190 ms for "the"
 * at 10,000 sources: an excerpt's note edited took 0.9 s).
 */
function forgetUnusedTerms(db: Db, words: ReadonlySet<string>): void {
  if (words.size === 0 || !hasTermList(db)) return;
  const held = sql(db).get('SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1').pluck();
  const drop = sql(db).get('DELETE FROM search_term WHERE term = ?');
  for (const word of words) if (held.get(`"${word}"`) === undefined) drop.run(word);
}

/** The (title, body) each index row of a thing was made from, from what is stored now. */
function indexedStrings(
  db: Db,
  kind: SearchKind,
  thingId: string,
): (index: number, start: number | null, end: number | null) => [string, string] {
  if (kind === 'source') {
    const title =
      (sql(db).get('SELECT title FROM source WHERE id = ?').pluck().get(thingId) as string | undefined) ?? '';
    const text = readSourceText(db, thingId)?.text ?? '';
    return (i, start, end) => [i === 0 ? title : '', text.slice(start ?? 0, end ?? text.length)];
  }
  if (kind === 'excerpt') {
    const row = sql(db).get('SELECT exact, note FROM excerpt WHERE id = ?').get(thingId) as
      | { exact: string; note: string }
      | undefined;
    return () => [row?.note ?? '', row?.exact ?? ''];
  }
  if (kind === 'entity') {
    const row = sql(db).get('SELECT name, aliases FROM entity WHERE id = ?').get(thingId) as
      | { name: string; aliases: string }
      | undefined;
    return () => [row?.name ?? '', row ? aliasText(row.aliases) : ''];
  }
  const row = sql(db).get('SELECT title, body FROM draft WHERE id = ?').get(thingId) as
    | { title: string; body: string }
    | undefined;
  return () => [row?.title ?? '', row ? draftText(row.body) : ''];
}

/** Indexes a source's title and text, passage by passage (after unindex, or when new). */
export function indexSource(db: Db, sourceId: string): void {
  const row = sql(db).get('SELECT dossier_id, title FROM source WHERE id = ? AND deleted_at IS NULL').get(sourceId) as
    | { dossier_id: string; title: string }
    | undefined;
  const content = row ? readSourceText(db, sourceId) : null;
  if (!row || !content) return;
  const all = passages(content.text, content.pageMap);
  if (all.length === 0) all.push({ page: null, start: 0, end: 0 });
  // The title goes with the first row indexed (rows without words are skipped), as unindex expects.
  let titled = false;
  for (const p of all) {
    const inserted = insertDoc(
      db,
      {
        kind: 'source',
        thingId: sourceId,
        dossierId: row.dossier_id,
        sourceId,
        page: p.page,
        start: p.start,
        end: p.end,
      },
      titled ? '' : row.title,
      content.text.slice(p.start, p.end),
    );
    titled ||= inserted;
  }
}

/** Indexes an excerpt's quote and note (after unindex, or when new); a deleted one is not indexed. */
export function indexExcerpt(db: Db, excerptId: string): void {
  const row = sql(db)
    .get(
      `SELECT x.source_id, s.dossier_id, x.exact, x.note, x.page, x.start_offset, x.end_offset
       FROM excerpt x JOIN source s ON s.id = x.source_id
       WHERE x.id = ? AND x.deleted_at IS NULL AND s.deleted_at IS NULL`,
    )
    .get(excerptId) as
    | {
        source_id: string;
        dossier_id: string;
        exact: string;
        note: string;
        page: number | null;
        start_offset: number;
        end_offset: number;
      }
    | undefined;
  if (!row) return;
  insertDoc(
    db,
    {
      kind: 'excerpt',
      thingId: excerptId,
      dossierId: row.dossier_id,
      sourceId: row.source_id,
      page: row.page,
      start: row.start_offset,
      end: row.end_offset,
    },
    row.note,
    row.exact,
  );
}

/** Indexes an entity's name and aliases (after unindex, or when new). */
export function indexEntity(db: Db, entityId: string): void {
  const row = sql(db).get('SELECT name, aliases FROM entity WHERE id = ? AND deleted_at IS NULL').get(entityId) as
    | { name: string; aliases: string }
    | undefined;
  if (!row) return;
  insertDoc(
    db,
    { kind: 'entity', thingId: entityId, dossierId: null, sourceId: null, page: null, start: null, end: null },
    row.name,
    aliasText(row.aliases),
  );
}

function aliasText(aliases: string): string {
  return (JSON.parse(aliases) as string[]).join(' · ');
}

/** The words of a draft's body, block by block. */
function draftText(body: string): string {
  const out: string[] = [];
  const walk = (node: DraftNode) => {
    if (typeof node.text === 'string') out.push(node.text);
    for (const child of node.content ?? []) walk(child);
    if (node.type !== 'text') out.push('\n');
  };
  const parsed = JSON.parse(body) as DraftNode | DraftNode[];
  for (const node of Array.isArray(parsed) ? parsed : [parsed]) walk(node);
  return out.join('').replace(/\n+/g, '\n').trim();
}

/** Indexes a draft's title and text (after unindex, or when new). */
export function indexDraft(db: Db, draftId: string): void {
  const row = sql(db)
    .get('SELECT dossier_id, title, body FROM draft WHERE id = ? AND deleted_at IS NULL')
    .get(draftId) as { dossier_id: string; title: string; body: string } | undefined;
  if (!row) return;
  insertDoc(
    db,
    { kind: 'draft', thingId: draftId, dossierId: row.dossier_id, sourceId: null, page: null, start: null, end: null },
    row.title,
    draftText(row.body),
  );
}

/**
 * Rewrites the whole full-text index as one run of leaves of today's size (FTS5 'optimize'). For a
 * vault moving to AEGIS-256 when its key is rotated: leaves written at FTS5's default 4,050 bytes
 * spill onto a second page beside the cipher's bytes (migration 019), and merges would take long to
 * reach the oldest of them.
 */
export function rewriteSearchLeaves(db: Db): void {
  db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
}

/** Indexes everything live in the vault from scratch (the migration that creates the index). */
export function rebuildSearchIndex(db: Db): void {
  db.exec("INSERT INTO search_fts (search_fts) VALUES ('delete-all'); DELETE FROM search_doc;");
  if (hasTermList(db)) db.exec('DELETE FROM search_term');
  const ids = (query: string) => db.prepare(query).pluck().all() as string[];
  for (const id of ids('SELECT id FROM source WHERE deleted_at IS NULL ORDER BY seq')) indexSource(db, id);
  for (const id of ids('SELECT id FROM excerpt WHERE deleted_at IS NULL ORDER BY seq')) indexExcerpt(db, id);
  for (const id of ids('SELECT id FROM entity WHERE deleted_at IS NULL')) indexEntity(db, id);
  for (const id of ids('SELECT id FROM draft WHERE deleted_at IS NULL')) indexDraft(db, id);
}

/**
 * The excerpts of a dossier whose quote or note holds all these words (in any inflection, case and
 * accents aside; the last word may be the start of one, as typed): seqs, best match first. For the
 * excerpt list's filter.
 */
export function excerptSeqsMatching(db: Db, text: string, dossierId: string): number[] {
  const match = typedWordsMatch(text);
  if (match === null) return [];
  return sql(db)
    .get(
      `SELECT x.seq FROM search_fts f JOIN search_doc d ON d.seq = f.rowid JOIN excerpt x ON x.id = d.thing_id
       WHERE search_fts MATCH @match AND f.rowid BETWEEN @lo AND @hi AND d.kind = 'excerpt' AND d.dossier_id = @dossier
       ORDER BY ${RANK}`,
    )
    .pluck()
    .all({
      match: expandPrefixes(db, match),
      dossier: dossierId,
      ...kindRange('excerpt', legacyIndex(db)),
    }) as number[];
}

/**
 * The index query for words typed into a filter: every word in any inflection (its stem) or as the
 * start of a word; null when nothing typed is a word. Only
 * stems go into the query, so nothing typed is read as query syntax.
 */
export function typedWordsMatch(text: string): string | null {
  const found = words(text);
  if (found.length === 0) return null;
  // A filter narrows as one types, and "work" should keep "Workers" in view: every word is also
  // matched as the start of a word, not only the last one.
  return found.map((w) => `("${w.key}" OR "${prefixOfTyped(text.slice(w.start, w.end))}"*)`).join(' AND ');
}

function prefixOfTyped(typed: string): string {
  const parsed = parseQuery(`${typed}*`);
  return parsed.terms.prefixes[0] ?? typed.toLowerCase();
}

/**
 * The words a query matches, as [first, last] word indexes in reading order: a single word or prefix
 * on its own, a phrase only where all its words stand together (one span, marked as one).
 */
function matchedSpans(all: readonly Word[], terms: QueryTerms): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < all.length; i += 1) {
    const phrase = terms.phrases.find((keys) => keys.every((key, k) => all[i + k]?.key === key));
    if (phrase) {
      spans.push([i, i + phrase.length - 1]);
      i += phrase.length - 1;
    } else if (keyMatches(terms, (all[i] as Word).key)) {
      spans.push([i, i]);
    }
  }
  return spans;
}

/** Plain text around the first match, and the ranges of the matched words in it. */
export function snippetOf(
  text: string,
  terms: QueryTerms,
  width = SNIPPET,
): Snippet & { first: { start: number; end: number } | null } {
  const all = words(text);
  const spans = matchedSpans(all, terms);
  const firstSpan = spans[0];
  const first = firstSpan ? { start: (all[firstSpan[0]] as Word).start, end: (all[firstSpan[1]] as Word).end } : null;
  let from = 0;
  if (first && firstSpan && first.start > width / 3) {
    // Start a few words before the match, at a word's start.
    const before = all.slice(0, firstSpan[0]).filter((w) => w.start >= first.start - width / 3);
    from = before[0]?.start ?? first.start;
  }
  let to = Math.min(text.length, from + width);
  if (to < text.length) {
    const cut = text.lastIndexOf(' ', to);
    if (cut > from + width / 2) to = cut;
  }
  const lead = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  const marks = spans
    .map(([a, b]) => ({ start: (all[a] as Word).start, end: (all[b] as Word).end }))
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: m.start - from + lead.length, end: m.end - from + lead.length }));
  // White space becomes plain spaces one for one, so the offsets stay right.
  const body = text.slice(from, to).replace(/\s/g, ' ');
  return { text: `${lead}${body}${tail}`, marks, first: first ? { start: first.start, end: first.end } : null };
}

export interface SearchQueryInput {
  query: string;
  filters?: SearchFilters | undefined;
  limit?: number | undefined;
  cursor?: string | null | undefined;
  /** Matches taken per kind (SEARCH_CAP; smaller in tests, so a cap is reached with a few rows). */
  cap?: number | undefined;
}

export interface SearchQueryResult {
  hits: SearchHit[];
  total: number;
  totals: Record<SearchKind, number>;
  /** A kind had more than SEARCH_CAP matches: the newest of each kind were taken, newest first. */
  capped: boolean;
  nextCursor: string | null;
}

interface DocRow {
  seq: number;
  kind: SearchKind;
  thing_id: string;
  dossier_id: string | null;
  source_id: string | null;
  page: number | null;
  start_offset: number | null;
  end_offset: number | null;
  rank: number;
}

/** The WHERE clause of the filters over search_doc d (and the source s it sits in), with its parameters. */
function filterClause(filters: SearchFilters): {
  where: string;
  params: Record<string, unknown>;
  needsSource: boolean;
} {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.dossierId) {
    params.dossier = filters.dossierId;
    // An entity is asked about only when one matches, through its own links (a list of every entity
    // linked in the dossier was read in full for the first entity that matched: 0.7 s at 30,000 links).
    parts.push(`(d.dossier_id = @dossier OR (d.kind = 'entity' AND (
      EXISTS (SELECT 1 FROM excerpt_entity l JOIN excerpt x ON x.id = l.excerpt_id JOIN source ls ON ls.id = x.source_id
        WHERE l.entity_id = d.thing_id AND ls.dossier_id = @dossier AND x.deleted_at IS NULL)
      OR EXISTS (SELECT 1 FROM entity_mention m JOIN source ms ON ms.id = m.source_id
        WHERE m.entity_id = d.thing_id AND ms.dossier_id = @dossier))))`);
  }
  if (filters.kinds) {
    params.kinds = JSON.stringify(filters.kinds);
    parts.push('d.kind IN (SELECT value FROM json_each(@kinds))');
  }
  if (filters.sourceKind) {
    params.source_kind = filters.sourceKind;
    parts.push('s.kind = @source_kind');
  }
  if (filters.codeId) {
    // A code stands for its sub-codes too, as in the code book.
    params.code = filters.codeId;
    parts.push(`((d.kind = 'excerpt' AND d.thing_id IN (SELECT c.excerpt_id FROM excerpt_code c
        WHERE c.deleted_at IS NULL AND c.code_id IN (SELECT id FROM coded)))
      OR (d.kind = 'source' AND d.source_id IN (SELECT x.source_id FROM excerpt_code c JOIN excerpt x ON x.id = c.excerpt_id
        WHERE c.deleted_at IS NULL AND x.deleted_at IS NULL AND c.code_id IN (SELECT id FROM coded))))`);
  }
  if (filters.entityId) {
    params.entity = filters.entityId;
    parts.push(`((d.kind = 'entity' AND d.thing_id = @entity)
      OR (d.kind = 'excerpt' AND d.thing_id IN (SELECT excerpt_id FROM excerpt_entity WHERE entity_id = @entity))
      OR (d.kind = 'source' AND d.source_id IN (SELECT source_id FROM entity_mention WHERE entity_id = @entity
        UNION SELECT x.source_id FROM excerpt_entity l JOIN excerpt x ON x.id = l.excerpt_id
          WHERE l.entity_id = @entity AND x.deleted_at IS NULL)))`);
  }
  // Partial dates compare by their first day: "2021" is 2021-01-01, "2021-06" is 2021-06-01.
  const firstDay = "substr(s.date_text || '-01-01', 1, 10)";
  if (filters.dateFrom) {
    params.date_from = filters.dateFrom;
    parts.push(`(s.date_text IS NOT NULL AND ${firstDay} >= @date_from)`);
  }
  if (filters.dateTo) {
    params.date_to = filters.dateTo;
    parts.push(`(s.date_text IS NOT NULL AND ${firstDay} <= @date_to)`);
  }
  if (filters.language) {
    params.language = filters.language;
    parts.push("(s.language = @language OR s.language LIKE @language || '-%')");
  }
  const needsSource = Boolean(filters.sourceKind || filters.dateFrom || filters.dateTo || filters.language);
  return { where: parts.length > 0 ? ` AND ${parts.join(' AND ')}` : '', params, needsSource };
}

function fingerprint(query: string, filters: SearchFilters): string {
  return createHash('sha256')
    .update(JSON.stringify([query, filters]))
    .digest('base64url')
    .slice(0, 12);
}

function encodeCursor(offset: number, print: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: print })).toString('base64url');
}

function decodeCursor(cursor: string, print: string): number {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; f?: unknown };
    if (value.f === print && typeof value.o === 'number' && Number.isInteger(value.o) && value.o >= 0) return value.o;
  } catch {
    // Refused below.
  }
  throw new UprightError('INVALID_PARAMS', { fields: 'cursor' });
}

/** FTS5 refuses some expressions only when it runs them; say so in our words, never SQLite's. */
function asQueryError(error: unknown): unknown {
  if (error instanceof Error && /fts5|syntax error|unterminated|malformed MATCH/i.test(error.message)) {
    return new UprightError('SEARCH_QUERY_INVALID', { reason: 'missing_term' });
  }
  return error;
}

interface SavedRow {
  id: string;
  dossier_id: string;
  name: string;
  query: string;
  filters: string;
  created_at: string;
}

function toSaved(row: SavedRow): SavedSearch {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    name: row.name,
    query: row.query,
    filters: JSON.parse(row.filters) as SearchFilters,
    createdAt: row.created_at,
  };
}

export class SearchRepository extends Repository {
  /**
   * Hits of a query (see parseQuery), with totals per kind and a cursor to the next page. Bounded at
   * any size of vault: at most SEARCH_CAP matches of each kind are taken, the newest (last written)
   * first, read from the index in its own order and stopped there — so a word found in 300,000
   * passages costs what a thousand cost. When no kind has more, the matches are ranked by bm25 (best
   * first, ties in write order); when one has, ranking them all would read every match, so they come
   * newest first, `capped` says so (the screen asks for a narrower query) and the totals count the
   * matches taken. A score is then the match's write ordinal: higher is still shown first.
   */
  query(input: SearchQueryInput): SearchQueryResult {
    const parsed = parseQuery(input.query);
    const filters = input.filters ?? {};
    const limit = input.limit ?? 20;
    const print = fingerprint(input.query, filters);
    const offset = input.cursor ? decodeCursor(input.cursor, print) : 0;
    const cap = input.cap ?? SEARCH_CAP;
    const { kinds: asked, ...narrowing } = filters;
    const kinds = SEARCH_KINDS.filter((k) => !asked || asked.includes(k));
    const { where, params, needsSource } = filterClause(narrowing);
    const legacy = legacyIndex(this.db);
    // A kind's matches are read newest first from the top of its range of seqs down, and the reading
    // stops at the first seq below it — in code: FTS5 seeks to an upper bound at once, but told of a
    // lower one it still steps through every match under it (tens of ms for a common word), so rows
    // under the range are let through unfiltered and end the loop. Unfiltered, on the index alone (a
    // seq carries its kind); filtered, each match in the range joined to its search_doc row and tested.
    const filtered = where !== '' || legacy;
    const newest = this.sql.get(
      filtered
        ? `${
            filters.codeId
              ? `WITH RECURSIVE coded (id) AS (SELECT @code UNION SELECT c.id FROM code c JOIN coded ON c.parent_id = coded.id
                   WHERE c.deleted_at IS NULL) `
              : ''
          }SELECT search_fts.rowid AS seq FROM search_fts JOIN search_doc d ON d.seq = search_fts.rowid
           ${needsSource ? 'LEFT JOIN source s ON s.id = d.source_id' : ''}
           WHERE search_fts MATCH @match AND search_fts.rowid <= @hi
             AND (search_fts.rowid < @lo OR (1${legacy ? ' AND d.kind = @kind' : ''}${where}))
           ORDER BY search_fts.rowid DESC`
        : `SELECT rowid AS seq FROM search_fts WHERE search_fts MATCH @match AND rowid <= @hi ORDER BY rowid DESC`,
    );
    const match = expandPrefixes(this.db, parsed.match);
    const bound = { ...params, match };
    try {
      const totals: Record<SearchKind, number> = { source: 0, excerpt: 0, entity: 0, draft: 0 };
      const taken = new Map<SearchKind, number[]>();
      let capped = false;
      const any = this.sql.get('SELECT 1 FROM search_doc WHERE seq BETWEEN @lo AND @hi LIMIT 1');
      for (const kind of kinds) {
        const range = kindRange(kind, legacy);
        // A kind the vault holds none of (no drafts yet) costs one seek, not a reading of the index.
        if (!legacy && any.get(range) === undefined) continue;
        const seqs: number[] = [];
        for (const seq of newest.pluck().iterate({ ...bound, ...range, kind }) as IterableIterator<number>) {
          if (seq < range.lo) break;
          if (seqs.length === cap) {
            capped = true;
            break;
          }
          seqs.push(seq);
        }
        totals[kind] = seqs.length;
        if (seqs.length > 0) taken.set(kind, seqs);
      }
      const all = [...taken.values()].flat();
      const total = all.length;
      let ranked: { seq: number; rank: number }[];
      if (capped) {
        ranked = all
          .map((seq) => ({ seq, rank: -(seq % KIND_SPAN) }))
          .sort((a, b) => a.rank - b.rank)
          .slice(offset, offset + limit);
      } else {
        // bm25 of the matches taken, read on the index alone as above: one pass per run of kinds next
        // to each other in seq order (one for all kinds), from the newest match taken down to the oldest.
        const runs: SearchKind[][] = [];
        for (const kind of kinds) {
          const run = runs[runs.length - 1];
          const previous = run?.[run.length - 1];
          if (run && previous && KIND_CODE[kind] === KIND_CODE[previous] + 1) run.push(kind);
          else runs.push([kind]);
        }
        ranked = runs
          .flatMap((run) =>
            ranksOf(
              this.db,
              match,
              run.flatMap((kind) => taken.get(kind) ?? []),
            ),
          )
          .sort((a, b) => a.rank - b.rank || (a.seq % KIND_SPAN) - (b.seq % KIND_SPAN))
          .slice(offset, offset + limit);
      }
      const doc = this.sql.get(
        `SELECT seq, kind, thing_id, dossier_id, source_id, page, start_offset, end_offset FROM search_doc WHERE seq = ?`,
      );
      const rows = ranked.flatMap(({ seq, rank }) => {
        const row = doc.get(seq) as Omit<DocRow, 'rank'> | undefined;
        return row ? [{ ...row, rank }] : [];
      });
      const hits = this.#hits(rows, parsed);
      const next = offset + ranked.length;
      return { hits, total, totals, capped, nextCursor: next < total ? encodeCursor(next, print) : null };
    } catch (error) {
      throw asQueryError(error);
    }
  }

  #hits(rows: DocRow[], parsed: ParsedQuery): SearchHit[] {
    const texts = new Map<string, string>();
    const sourceText = (id: string) => {
      let text = texts.get(id);
      if (text === undefined) {
        text = readSourceText(this.db, id)?.text ?? '';
        texts.set(id, text);
      }
      return text;
    };
    const dossierTitle = (id: string | null) =>
      id
        ? ((this.sql.get('SELECT title FROM dossier WHERE id = ?').pluck().get(id) as string | undefined) ?? null)
        : null;
    const sourceOf = (id: string) =>
      this.sql.get('SELECT title, format, dossier_id FROM source WHERE id = ?').get(id) as
        | { title: string; format: string | null; dossier_id: string }
        | undefined;
    const hits: SearchHit[] = [];
    for (const row of rows) {
      const base = { kind: row.kind, id: row.thing_id, score: -row.rank };
      if (row.kind === 'source') {
        const source = sourceOf(row.thing_id);
        const start = row.start_offset ?? 0;
        const passage =
          row.end_offset === null
            ? sourceText(row.thing_id).slice(start)
            : readSourcePassage(this.db, row.thing_id, start, row.end_offset);
        const snippet = snippetOf(passage, parsed.terms);
        hits.push({
          ...base,
          dossierId: row.dossier_id,
          dossierTitle: dossierTitle(row.dossier_id),
          sourceId: row.thing_id,
          title: source?.title ?? '',
          sourceFormat: source?.format ?? null,
          page: row.page,
          at: snippet.first ? { start: start + snippet.first.start, end: start + snippet.first.end } : null,
          snippet: { text: snippet.text, marks: snippet.marks },
        });
      } else if (row.kind === 'excerpt') {
        const excerpt = this.sql.get('SELECT exact, note FROM excerpt WHERE id = ?').get(row.thing_id) as
          | { exact: string; note: string }
          | undefined;
        const source = row.source_id ? sourceOf(row.source_id) : undefined;
        const inQuote = snippetOf(excerpt?.exact ?? '', parsed.terms);
        const snippet = inQuote.first ? inQuote : snippetOf(excerpt?.note ?? '', parsed.terms);
        const start = row.start_offset ?? 0;
        hits.push({
          ...base,
          dossierId: row.dossier_id,
          dossierTitle: dossierTitle(row.dossier_id),
          sourceId: row.source_id,
          title: source?.title ?? '',
          sourceFormat: source?.format ?? null,
          page: row.page,
          at:
            inQuote.first !== null
              ? { start: start + inQuote.first.start, end: start + inQuote.first.end }
              : { start, end: row.end_offset ?? start },
          snippet: { text: snippet.text, marks: snippet.marks },
        });
      } else if (row.kind === 'entity') {
        const entity = this.sql
          .get('SELECT name, aliases, pseudonym, sensitivity FROM entity WHERE id = ?')
          .get(row.thing_id) as
          | { name: string; aliases: string; pseudonym: string | null; sensitivity: string }
          | undefined;
        // A protected person is shown by pseudonym, in the title and the snippet alike.
        const hidden = entity?.sensitivity === 'protected' && entity.pseudonym;
        const names = entity ? [entity.name, aliasText(entity.aliases)].filter(Boolean).join(' · ') : '';
        const snippet = hidden ? { text: entity.pseudonym as string, marks: [] } : snippetOf(names, parsed.terms);
        hits.push({
          ...base,
          dossierId: null,
          dossierTitle: null,
          sourceId: null,
          title: hidden ? (entity.pseudonym as string) : (entity?.name ?? ''),
          sourceFormat: null,
          page: null,
          at: null,
          snippet: { text: snippet.text, marks: snippet.marks },
        });
      } else {
        const draft = this.sql.get('SELECT title, body FROM draft WHERE id = ?').get(row.thing_id) as
          | { title: string; body: string }
          | undefined;
        const inBody = snippetOf(draft ? draftText(draft.body) : '', parsed.terms);
        const snippet = inBody.first ? inBody : snippetOf(draft?.title ?? '', parsed.terms);
        hits.push({
          ...base,
          dossierId: row.dossier_id,
          dossierTitle: dossierTitle(row.dossier_id),
          sourceId: null,
          title: draft?.title ?? '',
          sourceFormat: null,
          page: null,
          at: null,
          snippet: { text: snippet.text, marks: snippet.marks },
        });
      }
    }
    return hits;
  }

  savedList(dossierId: string): SavedSearch[] {
    const rows = this.sql
      .get('SELECT * FROM saved_search WHERE dossier_id = ? ORDER BY name COLLATE NOCASE, created_at')
      .all(dossierId) as SavedRow[];
    return rows.map(toSaved);
  }

  saveSearch(input: {
    dossierId: string;
    name: string;
    query: string;
    filters?: SearchFilters | undefined;
  }): SavedSearch {
    // Refuse a query that cannot run now rather than when it is opened.
    parseQuery(input.query);
    const id = uuidv7();
    const now = nowIso();
    this.db.transaction(() => {
      this.sql
        .get(
          `INSERT INTO saved_search (id, dossier_id, name, query, filters, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.dossierId, input.name, input.query, JSON.stringify(input.filters ?? {}), now, now);
      this.audit.append({ action: 'search.save', entityType: 'saved_search', entityId: id, summary: 'Search saved' });
    })();
    return toSaved(this.sql.get('SELECT * FROM saved_search WHERE id = ?').get(id) as SavedRow);
  }

  deleteSaved(id: string): boolean {
    let deleted = false;
    this.db.transaction(() => {
      deleted = this.sql.get('DELETE FROM saved_search WHERE id = ?').run(id).changes > 0;
      if (deleted) {
        this.audit.append({
          action: 'search.forget',
          entityType: 'saved_search',
          entityId: id,
          summary: 'Saved search removed',
        });
      }
    })();
    return deleted;
  }
}

/**
 * Index rows read per call of thingsMatching, newest first, on the index alone (no ranking): enough
 * for 200 distinct sources even when a name is on every page of each.
 */
const THINGS_READ_CAP = 20_000;

/**
 * Things of one kind matching a query (the person's syntax), each once at its best rank — best first
 * when at most SEARCH_CAP index rows match, newest first beyond (as the search screen answers): ranking
 * every match of a common name read and scored them all (450 ms for "trade unions" over 10,000
 * sources, on the main process, at each opening of an entity's page).
 */
function thingsMatching(
  db: Db,
  kind: SearchKind,
  match: string,
  limit: number,
  rankCap = SEARCH_CAP,
): { thingId: string; seq: number }[] {
  try {
    const expanded = expandPrefixes(db, match);
    const seqs = kindMatches(db, expanded, kind, THINGS_READ_CAP);
    const ordered =
      seqs.length <= rankCap
        ? ranksOf(db, expanded, seqs)
            .sort((a, b) => a.rank - b.rank || b.seq - a.seq)
            .map((row) => row.seq)
        : seqs; // newest first
    const thingOf = sql(db).get('SELECT thing_id FROM search_doc WHERE seq = ? AND kind = ?').pluck();
    const found = new Map<string, number>();
    for (const seq of ordered) {
      if (found.size === limit) break;
      const thingId = thingOf.get(seq, kind) as string | undefined;
      if (thingId !== undefined && !found.has(thingId)) found.set(thingId, seq);
    }
    return [...found].map(([thingId, seq]) => ({ thingId, seq }));
  } catch (error) {
    throw asQueryError(error);
  }
}

/**
 * Sources whose title or text matches a query, best first (newest first past `rankCap` matching
 * pages: SEARCH_CAP; smaller in tests).
 */
export function sourcesMatching(
  db: Db,
  query: string,
  limit = 50,
  rankCap = SEARCH_CAP,
): { id: string; title: string }[] {
  return thingsMatching(db, 'source', parseQuery(query).match, limit, rankCap).map(({ thingId }) => ({
    id: thingId,
    title: sql(db).get('SELECT title FROM source WHERE id = ?').pluck().get(thingId) as string,
  }));
}

/** Excerpts whose quote or note matches a query, best first. */
export function excerptsMatching(db: Db, query: string, limit = 50): { id: string; sourceId: string }[] {
  return thingsMatching(db, 'excerpt', parseQuery(query).match, limit).map(({ thingId }) => ({
    id: thingId,
    sourceId: sql(db).get('SELECT source_id FROM excerpt WHERE id = ?').pluck().get(thingId) as string,
  }));
}

/**
 * Sources whose text names any of these names (each as a phrase), best first, with the passage
 * that names it: plain text and the ranges of the name in it.
 */
export function sourcesNaming(
  db: Db,
  names: readonly string[],
  limit: number,
): { id: string; passage: { text: string; marks: { start: number; end: number }[] } }[] {
  const phrases = names.filter((n) => /[\p{L}\p{N}]/u.test(n)).map((n) => `"${n.replaceAll('"', ' ')}"`);
  if (phrases.length === 0) return [];
  const parsed = parseQuery(phrases.join(' OR '));
  return thingsMatching(db, 'source', parsed.match, limit).map(({ thingId, seq }) => {
    const doc = sql(db).get('SELECT start_offset, end_offset FROM search_doc WHERE seq = ?').get(seq) as {
      start_offset: number;
      end_offset: number;
    };
    const snippet = snippetOf(readSourcePassage(db, thingId, doc.start_offset, doc.end_offset), parsed.terms);
    return { id: thingId, passage: { text: snippet.text, marks: snippet.marks } };
  });
}
