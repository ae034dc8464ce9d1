// Prepared statements, compiled once per connection and reused: preparing costs more than running
// a simple insert, and repositories run the same few statements many times.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database.ts';

type Statement = Database.Statement<unknown[], unknown>;

export class Statements {
  readonly #db: Db;
  readonly #cache = new Map<string, Statement>();

  constructor(db: Db) {
    this.#db = db;
  }

  get(sql: string): Statement {
    let statement = this.#cache.get(sql);
    if (!statement) {
      statement = this.#db.prepare<unknown[], unknown>(sql);
      this.#cache.set(sql, statement);
    }
    return statement;
  }
}
