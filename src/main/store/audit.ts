// The audit log: append-only (SQL triggers abort any UPDATE or DELETE) and hash-chained, so an edit
// that bypasses the triggers — a raw connection, a dropped trigger — shows up in verifyChain().
// hash = SHA-256(prev_hash || canonical JSON of {seq, at, actor, action, entity_type, entity_id,
// summary}); the first entry chains from 64 zeros. Summaries say what happened to which id, never
// document text: the log is shown and exported more freely than the documents themselves.
// The chain alone cannot see a cut tail or a chain rebuilt from scratch, so the head (newest seq and
// hash) is kept in audit_head with an HMAC under a key derived from the vault's data key
// (migration 005): verifyHead() fails when the log no longer ends where the sealed head says.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { Db } from './database.ts';
import { nowIso } from './ids.ts';
import { Statements } from './statements.ts';

export const GENESIS_HASH = '0'.repeat(64);
const MAX_SUMMARY = 300;
const HEAD_INFO = 'upright/audit/head/v1';

/** The audit head's HMAC key, derived from the vault's data key (zero it when the vault locks). */
export function auditHeadKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), HEAD_INFO, 32));
}

function headMac(key: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`${seq}:${hash}`, 'utf8').digest('hex');
}

export interface AuditInput {
  /** Dotted verb, e.g. "source.add", "setting.change". */
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  summary: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
}

export function auditHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    summary: row.summary,
  });
  return createHash('sha256').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: row.summary,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export class AuditLog {
  readonly #db: Db;
  readonly #sql: Statements;
  readonly #actor: string;
  readonly #headKey: Buffer | null;

  /** headKey: from auditHeadKey(dataKey); without it (tests on bare databases) the head is unsealed. */
  constructor(db: Db, actor: string, headKey: Buffer | null = null) {
    this.#db = db;
    this.#sql = new Statements(db);
    this.#actor = actor;
    this.#headKey = headKey;
  }

  /**
   * Appends one entry. Call inside the transaction that makes the change, so both commit or neither.
   * The entry itself is written in a savepoint (a transaction of its own when called outside one):
   * reading the last entry and appending after it is one step, even with two writing connections
   * (the vault worker stores imported files), so the chain never forks.
   */
  append(input: AuditInput): AuditEntry {
    if (!/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/.test(input.action)) throw new TypeError(`Bad audit action: ${input.action}`);
    if (input.summary.length > MAX_SUMMARY) throw new TypeError('Audit summaries are short and carry no document text');
    return this.#db.transaction(() => this.#append(input))();
  }

  #append(input: AuditInput): AuditEntry {
    const last = this.#sql.get('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const row = {
      seq: (last?.seq ?? 0) + 1,
      at: nowIso(),
      actor: this.#actor,
      action: input.action,
      entity_type: input.entityType ?? null,
      entity_id: input.entityId ?? null,
      summary: input.summary,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = auditHash(prevHash, row);
    this.#sql
      .get(
        `INSERT INTO audit (seq, at, actor, action, entity_type, entity_id, summary, prev_hash, hash)
         VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @summary, @prev_hash, @hash)`,
      )
      .run({ ...row, prev_hash: prevHash, hash });
    this.#writeHead(row.seq, hash);
    return toEntry({ ...row, prev_hash: prevHash, hash });
  }

  #writeHead(seq: number, hash: string): void {
    this.#sql
      .get(
        `INSERT INTO audit_head (id, seq, hash, mac) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, mac = excluded.mac`,
      )
      .run(seq, hash, this.#headKey ? headMac(this.#headKey, seq, hash) : null);
  }

  /**
   * Seals the log's current end as its head. Only for a log that had no sealed head yet (written
   * before migration 005) or that now lives under a new data key (after re-encryption): sealing
   * at any other time would bless a cut or rebuilt log.
   */
  sealHead(): void {
    const last = this.#sql.get('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    if (last) this.#writeHead(last.seq, last.hash);
  }

  /**
   * Whether the log ends at its sealed head: same newest seq and hash, and (with a key) an HMAC that
   * only the vault key's holder could have made. False for a cut tail or a rebuilt chain.
   */
  verifyHead(): boolean {
    const last = this.#sql.get('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const head = this.#sql.get('SELECT seq, hash, mac FROM audit_head WHERE id = 1').get() as
      | { seq: number; hash: string; mac: string | null }
      | undefined;
    if (!last || !head) return !last && !head;
    if (head.seq !== last.seq || head.hash !== last.hash) return false;
    if (!this.#headKey) return true;
    if (head.mac === null || !/^[0-9a-f]{64}$/.test(head.mac)) return false;
    return timingSafeEqual(
      Buffer.from(headMac(this.#headKey, head.seq, head.hash), 'hex'),
      Buffer.from(head.mac, 'hex'),
    );
  }

  /** Entries in order, oldest first. */
  list(options: { afterSeq?: number; limit?: number } = {}): AuditEntry[] {
    const rows = this.#sql
      .get('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(options.afterSeq ?? 0, options.limit ?? -1) as AuditRow[];
    return rows.map(toEntry);
  }

  count(): number {
    return Number(this.#sql.get('SELECT count(*) FROM audit').pluck().get());
  }

  /**
   * Walks the chain from the first entry. Returns the seq of the first entry that does not hold
   * (edited, reordered, or missing — then the seq that should have been there), or null when
   * every entry chains to the one before. Truncation of the newest entries cannot be seen here:
   * verifyHead() does that.
   */
  verifyChain(): number | null {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (const row of this.#sql.get('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
      if (row.seq !== expectedSeq) return expectedSeq;
      if (row.prev_hash !== prevHash || auditHash(prevHash, row) !== row.hash) return row.seq;
      prevHash = row.hash;
      expectedSeq++;
    }
    return null;
  }
}
