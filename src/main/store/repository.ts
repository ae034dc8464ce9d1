// What every repository holds: the vault's connection, its prepared statements, and the audit log
// that each change writes to in the same transaction.
import type { AuditLog } from './audit.ts';
import type { Db } from './database.ts';
import { Statements } from './statements.ts';

export abstract class Repository {
  protected readonly db: Db;
  protected readonly sql: Statements;
  protected readonly audit: AuditLog;

  constructor(db: Db, audit: AuditLog) {
    this.db = db;
    this.sql = new Statements(db);
    this.audit = audit;
  }
}
