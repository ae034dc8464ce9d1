// This vault's identity (its age key pair and its Ed25519 signing key) and the colleagues it exchanges
// bundles with. The secret halves stay in the encrypted vault; audit entries carry ids, never names.
import { UprightError } from '../../shared/errors.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

export interface IdentityKeys {
  ageSecret: string;
  ageRecipient: string;
  signingSecret: string;
  signingPublic: string;
}

export interface ColleagueRecord {
  id: string;
  name: string;
  ageRecipient: string;
  /** The key their bundles are signed with, learnt from the first bundle they sent; null until then. */
  signingKey: string | null;
  createdAt: string;
  updatedAt: string;
}

interface ColleagueRow {
  id: string;
  name: string;
  age_recipient: string;
  signing_public: string | null;
  created_at: string;
  updated_at: string;
}

const toColleague = (row: ColleagueRow): ColleagueRecord => ({
  id: row.id,
  name: row.name,
  ageRecipient: row.age_recipient,
  signingKey: row.signing_public,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class IdentityRepository extends Repository {
  /** The vault's keys, or null before they are first made. */
  get(): IdentityKeys | null {
    const row = this.sql
      .get('SELECT age_secret, age_recipient, signing_secret, signing_public FROM identity WHERE id = 1')
      .get() as
      | { age_secret: string; age_recipient: string; signing_secret: string; signing_public: string }
      | undefined;
    if (!row) return null;
    return {
      ageSecret: row.age_secret,
      ageRecipient: row.age_recipient,
      signingSecret: row.signing_secret,
      signingPublic: row.signing_public,
    };
  }

  /** Keeps freshly made keys unless the vault already has some; returns the vault's keys either way. */
  keep(keys: IdentityKeys): IdentityKeys {
    return this.db.transaction(() => {
      const existing = this.get();
      if (existing) return existing;
      this.sql
        .get(
          'INSERT INTO identity (id, age_secret, age_recipient, signing_secret, signing_public) VALUES (1, ?, ?, ?, ?)',
        )
        .run(keys.ageSecret, keys.ageRecipient, keys.signingSecret, keys.signingPublic);
      this.audit.append({
        action: 'identity.create',
        entityType: 'identity',
        entityId: '1',
        summary: 'Vault identity made',
      });
      return keys;
    })();
  }

  colleagues(): ColleagueRecord[] {
    return (this.sql.get('SELECT * FROM colleague ORDER BY name COLLATE NOCASE, id').all() as ColleagueRow[]).map(
      toColleague,
    );
  }

  colleague(id: string): ColleagueRecord {
    const row = this.sql.get('SELECT * FROM colleague WHERE id = ?').get(id) as ColleagueRow | undefined;
    if (!row) throw new UprightError('COLLEAGUE_NOT_FOUND');
    return toColleague(row);
  }

  colleagueByRecipient(ageRecipient: string): ColleagueRecord | null {
    const row = this.sql.get('SELECT * FROM colleague WHERE age_recipient = ?').get(ageRecipient) as
      | ColleagueRow
      | undefined;
    return row ? toColleague(row) : null;
  }

  addColleague(input: { name: string; ageRecipient: string }): ColleagueRecord {
    const own = this.get();
    if (own && own.ageRecipient === input.ageRecipient) throw new UprightError('COLLEAGUE_IS_YOU');
    if (this.colleagueByRecipient(input.ageRecipient)) throw new UprightError('COLLEAGUE_KEY_TAKEN');
    const id = uuidv7();
    const now = nowIso();
    this.db.transaction(() => {
      this.sql
        .get('INSERT INTO colleague (id, name, age_recipient, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, input.name, input.ageRecipient, now, now);
      this.audit.append({ action: 'colleague.add', entityType: 'colleague', entityId: id, summary: 'Colleague added' });
    })();
    return this.colleague(id);
  }

  renameColleague(id: string, name: string): ColleagueRecord {
    this.colleague(id);
    this.db.transaction(() => {
      this.sql.get('UPDATE colleague SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), id);
      this.audit.append({
        action: 'colleague.rename',
        entityType: 'colleague',
        entityId: id,
        summary: 'Colleague renamed',
      });
    })();
    return this.colleague(id);
  }

  removeColleague(id: string): void {
    this.colleague(id);
    this.db.transaction(() => {
      this.sql.get('DELETE FROM colleague WHERE id = ?').run(id);
      this.audit.append({
        action: 'colleague.remove',
        entityType: 'colleague',
        entityId: id,
        summary: 'Colleague removed',
      });
    })();
  }

  /** Remembers the signing key a colleague's first bundle came with (trust on first use). */
  learnSigningKey(id: string, signingKey: string): void {
    this.sql
      .get('UPDATE colleague SET signing_public = ?, updated_at = ? WHERE id = ? AND signing_public IS NULL')
      .run(signingKey, nowIso(), id);
  }

  /** The name this vault's bundles say they come from ('' until the person gives one). */
  ownName(): string {
    const value = this.#setting('identityName');
    return typeof value === 'string' ? value : '';
  }

  setOwnName(name: string): void {
    this.db.transaction(() => {
      this.#write('identityName', name);
      this.audit.append({
        action: 'setting.change',
        entityType: 'setting',
        entityId: 'identityName',
        summary: 'Name shown with bundles changed',
      });
    })();
  }

  /** The shared inbox folder bundles are exchanged through, or null (kept in the vault's settings). */
  inboxFolder(): string | null {
    const value = this.#setting('bundleInbox');
    return typeof value === 'string' ? value : null;
  }

  setInboxFolder(folder: string | null): void {
    this.db.transaction(() => {
      this.#write('bundleInbox', folder);
      this.audit.append({
        action: 'setting.change',
        entityType: 'setting',
        entityId: 'bundleInbox',
        summary: folder === null ? 'Shared inbox folder forgotten' : 'Shared inbox folder chosen',
      });
    })();
  }

  /** Inbox bundles already imported here (by their content-addressed names). */
  inboxSeen(): Set<string> {
    const value = this.#setting('bundleInboxSeen');
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  }

  markInboxSeen(name: string): void {
    const seen = [...this.inboxSeen(), name].slice(-2000);
    this.#write('bundleInboxSeen', [...new Set(seen)]);
  }

  #setting(key: string): unknown {
    const value = this.sql.get('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined;
    return value === undefined ? undefined : JSON.parse(value);
  }

  #write(key: string, value: unknown): void {
    const now = nowIso();
    this.sql
      .get(
        `INSERT INTO setting (key, value, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(value), now, now);
  }
}
