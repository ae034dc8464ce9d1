// The audit log: append-only (SQL triggers abort any UPDATE or DELETE) and hash-chained, so an edit
// that bypasses the triggers — a raw connection, a dropped trigger — shows up in verifyChain().
// hash = SHA-256(prev_hash || canonical JSON of {seq, at, actor, action, entity_type, entity_id,
// summary}); the first entry chains from 64 zeros. Summaries say what happened to which id, never
// document text: the log is shown and exported more freely than the documents themselves.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { Db } from './database.ts';
import { nowIso } from './ids.ts';
import { Statements } from './statements.ts';

export const GENESIS_HASH = '0'.repeat(64);
const MAX_SUMMARY = 300;

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
  readonly #sql: Statements;
  readonly #actor: string;

  constructor(db: Db, actor: string) {
    this.#sql = new Statements(db);
    this.#actor = actor;
  }

  /** Appends one entry. Call inside the transaction that makes the change, so both commit or neither. */
  append(input: AuditInput): AuditEntry {
    if (!/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/.test(input.action)) throw new TypeError(`Bad audit action: ${input.action}`);
    if (input.summary.length > MAX_SUMMARY) throw new TypeError('Audit summaries are short and carry no document text');
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
    return toEntry({ ...row, prev_hash: prevHash, hash });
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
   * every entry chains to the one before. Truncation of the newest entries cannot be seen here.
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
