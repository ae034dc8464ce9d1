// The bundle-identity step, from a vault of the version before it holding data: everything stays, and
// the new tables hold one identity, colleagues by unique public key, and what was exchanged with whom.
import { afterEach, describe, expect, it } from 'vitest';
import { migration } from '../../../src/main/store/migrations/017-bundle-identity.ts';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

const KEY = `age1${'q'.repeat(58)}`;
const OTHER = `age1${'p'.repeat(58)}`;

describe('the bundle-identity migration', () => {
  it('keeps a vault of the version before whole and adds identity, colleagues and exchange records', () => {
    const db = tempDatabase();
    migrate(db, migration.version - 1);
    db.exec(`
      INSERT INTO dossier (id, title) VALUES ('d1', 'Kazakhstan');
      INSERT INTO code (id, name) VALUES ('c1', 'Registration');
    `);
    const before = db.prepare('SELECT * FROM dossier').all();

    migrate(db);

    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT * FROM dossier').all()).toEqual(before);
    const identity = db.prepare(
      'INSERT INTO identity (id, age_secret, age_recipient, signing_secret, signing_public) VALUES (?, ?, ?, ?, ?)',
    );
    identity.run(1, 'AGE-SECRET-KEY-1XYZ', KEY, 'secret', 'public');
    expect(() => identity.run(2, 'AGE-SECRET-KEY-1XYZ', KEY, 'secret', 'public')).toThrow(/CHECK/);
    expect(() => identity.run(1, 'AGE-SECRET-KEY-1XYZ', KEY, 'secret', 'public')).toThrow(/UNIQUE|PRIMARY/);

    const colleague = db.prepare('INSERT INTO colleague (id, name, age_recipient) VALUES (?, ?, ?)');
    colleague.run('k1', 'Aigerim', OTHER);
    expect(() => colleague.run('k2', 'Aigerim again', OTHER)).toThrow(/UNIQUE/);
    expect(() => colleague.run('k3', 'Not a key', 'ssh-ed25519 AAAA')).toThrow(/CHECK/);
    expect(() => colleague.run('k4', '', KEY)).toThrow(/CHECK/);

    const record = db.prepare(
      'INSERT INTO bundle_record (peer, kind, record_id, dossier_id, hash) VALUES (?, ?, ?, ?, ?)',
    );
    record.run(OTHER, 'excerpt', 'e1', 'd1', 'a'.repeat(64));
    expect(() => record.run(OTHER, 'excerpt', 'e1', 'd1', 'b'.repeat(64))).toThrow(/UNIQUE|PRIMARY/);
    expect(() => record.run(OTHER, 'excerpt', 'e2', 'd1', 'short')).toThrow(/CHECK/);
  });
});
