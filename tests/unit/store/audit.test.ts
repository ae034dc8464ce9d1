import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, auditHash, GENESIS_HASH } from '../../../src/main/store/audit.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import { closeAll, tempDatabase } from './helpers.ts';

afterEach(closeAll);

function log() {
  const db = tempDatabase();
  migrate(db);
  return { db, audit: new AuditLog(db, 'owner') };
}

describe('the audit log', () => {
  it('chains each entry to the one before', () => {
    const { audit } = log();
    const first = audit.append({ action: 'vault.create', entityType: 'vault', summary: 'Vault created' });
    const second = audit.append({
      action: 'source.add',
      entityType: 'source',
      entityId: 'abc',
      summary: 'Source added',
    });
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actor: 'owner' });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, entityId: 'abc' });
    expect(second.hash).toBe(
      auditHash(first.hash, {
        seq: 2,
        at: second.at,
        actor: 'owner',
        action: 'source.add',
        entity_type: 'source',
        entity_id: 'abc',
        summary: 'Source added',
      }),
    );
    expect(audit.list()).toEqual([first, second]);
    expect(audit.count()).toBe(2);
    expect(audit.verifyChain()).toBeNull();
  });

  it('cannot be edited or deleted through SQL', () => {
    const { db, audit } = log();
    audit.append({ action: 'vault.create', summary: 'Vault created' });
    expect(() => db.prepare("UPDATE audit SET summary = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(audit.verifyChain()).toBeNull();
  });

  it('shows where an edit made around the triggers breaks the chain', () => {
    const { db, audit } = log();
    for (let i = 0; i < 5; i++) audit.append({ action: 'excerpt.add', entityId: `e${i}`, summary: 'Excerpt added' });
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit SET entity_id = 'other' WHERE seq = 4").run();
    expect(audit.verifyChain()).toBe(4);
  });

  it('shows a removed entry, and a re-hashed forgery that no longer links', () => {
    const { db, audit } = log();
    for (let i = 0; i < 5; i++) audit.append({ action: 'excerpt.add', entityId: `e${i}`, summary: 'Excerpt added' });
    db.exec('DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update');
    db.prepare('DELETE FROM audit WHERE seq = 2').run();
    expect(audit.verifyChain()).toBe(2);
    // Renumbering to hide the gap does not help: entry 3's prev_hash named the deleted entry.
    db.exec('UPDATE audit SET seq = seq - 1 WHERE seq > 2');
    expect(audit.verifyChain()).toBe(2);
  });

  it('keeps summaries short and actions well-formed (no document text goes in)', () => {
    const { audit } = log();
    expect(() => audit.append({ action: 'excerpt.add', summary: 'x'.repeat(301) })).toThrow();
    expect(() => audit.append({ action: 'Added a note', summary: 'ok' })).toThrow();
  });
});
