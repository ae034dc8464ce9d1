import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH } from '../../../src/main/store/audit.ts';
import { appDataDir, cleanup, errorCode, newVault, OPEN_VAULT_FILES, PASSPHRASE, withRawDatabase } from './helpers.ts';

afterEach(cleanup);

async function vaultWithOriginals() {
  const appData = appDataDir();
  const location = join(appData, 'vault');
  const vault = newVault(location);
  const { recoveryKey } = await vault.create(PASSPHRASE);
  const marker = `BACKUP-MARKER-${randomBytes(8).toString('hex')}`;
  const store = vault.store();
  const dossier = store.dossiers.create({ title: 'Dossier' });
  const report = store.sources.add({
    dossierId: dossier.id,
    title: 'Government reply 2021',
    kind: 'government_reply',
    text: `Reply text ${marker}`,
    original: { bytes: Buffer.from(`%PDF original ${marker}`), mediaType: 'application/pdf' },
  });
  const interview = store.sources.add({
    dossierId: dossier.id,
    title: 'Interview 7',
    kind: 'testimony',
    text: 'Interview text',
    original: { bytes: Buffer.from('interview recording transcript') },
  });
  store.excerpts.add({ sourceId: report.id, exact: 'Reply', start: 0, end: 5, note: marker });
  return { appData, location, vault, recoveryKey, marker, reportId: report.id, interviewId: interview.id };
}

describe('a monitor backs up the vault to a USB stick', () => {
  it('writes an encrypted copy that opens with the same passphrase and recovery key', async () => {
    const { appData, vault, recoveryKey, marker, interviewId } = await vaultWithOriginals();
    const usb = join(appData, 'usb', 'upright-backup');

    const result = await vault.backup(usb);

    expect(result.location).toBe(usb);
    expect(readdirSync(usb).sort()).toEqual(['keyslots.json', 'vault.db']);
    // Written in a hidden sibling and renamed when complete: nothing else is left beside it.
    expect(readdirSync(join(appData, 'usb'))).toEqual(['upright-backup']);
    expect(statSync(usb).mode & 0o777).toBe(0o700);
    for (const file of ['keyslots.json', 'vault.db']) expect(statSync(join(usb, file)).mode & 0o777).toBe(0o600);
    const copyBytes = readFileSync(join(usb, 'vault.db'));
    expect(result.bytes).toBe(copyBytes.length + readFileSync(join(usb, 'keyslots.json')).length);
    expect(copyBytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(copyBytes.includes(Buffer.from(marker))).toBe(false);
    expect(copyBytes.includes(Buffer.from(marker, 'utf16le'))).toBe(false);
    expect(copyBytes.includes(Buffer.from('Interview 7'))).toBe(false);
    expect(vault.store().audit.list().at(-1)?.action).toBe('vault.backup');
    vault.lock();

    const restored = newVault(usb);
    await restored.unlock(PASSPHRASE);
    expect(restored.store().sources.get(interviewId)?.title).toBe('Interview 7');
    expect(restored.store().excerpts.searchText(marker.replaceAll('-', ' '))).toHaveLength(1);
    expect((await restored.verify()).ok).toBe(true);
    restored.lock();
    await restored.recover(recoveryKey, 'a passphrase for the copy');
    restored.lock();
  });

  it('fills an empty folder chosen beforehand', async () => {
    const { appData, vault } = await vaultWithOriginals();
    const chosen = join(appData, 'empty');
    mkdirSync(chosen);
    await vault.backup(chosen);
    expect(readdirSync(chosen).sort()).toEqual(['keyslots.json', 'vault.db']);
    expect(readdirSync(appData).filter((name) => name.startsWith('.'))).toEqual([]);
    vault.lock();
  });

  it('refuses a non-empty folder, the vault itself, or a folder inside it; needs an unlocked vault', async () => {
    const { appData, location, vault } = await vaultWithOriginals();
    const occupied = join(appData, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'holiday.jpg'), 'photo');
    expect(await errorCode(vault.backup(occupied))).toBe('BACKUP_FOLDER_NOT_EMPTY');
    expect(readdirSync(occupied)).toEqual(['holiday.jpg']);
    expect(await errorCode(vault.backup(location))).toBe('BACKUP_INSIDE_VAULT');
    expect(await errorCode(vault.backup(join(location, 'inside')))).toBe('BACKUP_INSIDE_VAULT');
    expect(await errorCode(vault.backup(appData))).toBe('BACKUP_INSIDE_VAULT');
    expect(readdirSync(location).sort()).toEqual(OPEN_VAULT_FILES);
    vault.lock();
    expect(await errorCode(vault.backup(join(appData, 'new-folder')))).toBe('VAULT_LOCKED');
  });
});

describe('a monitor checks the vault', () => {
  it('reports a sound vault as ok', async () => {
    const { vault } = await vaultWithOriginals();
    const report = await vault.verify();
    expect(report).toEqual({
      ok: true,
      integrity: ['ok'],
      audit: { ok: true, entries: 5, brokenAtSeq: null, headOk: true },
      originals: { checked: 2, mismatched: [] },
    });
    vault.lock();
  });

  it('names the source whose stored original no longer matches its SHA-256', async () => {
    const { location, vault, interviewId } = await vaultWithOriginals();
    vault.lock();
    await withRawDatabase(location, (db) =>
      db.prepare('UPDATE source_original SET bytes = ? WHERE source_id = ?').run(Buffer.from('altered'), interviewId),
    );
    await vault.unlock(PASSPHRASE);
    const report = await vault.verify();
    expect(report.ok).toBe(false);
    expect(report.integrity).toEqual(['ok']);
    expect(report.originals).toEqual({ checked: 2, mismatched: [{ sourceId: interviewId, title: 'Interview 7' }] });
    vault.lock();
  });

  it('finds an audit entry rewritten behind the log’s back', async () => {
    const { location, vault } = await vaultWithOriginals();
    vault.lock();
    // The append-only trigger stops a plain UPDATE …
    await expect(
      withRawDatabase(location, (db) => db.prepare("UPDATE audit SET summary = 'nothing' WHERE seq = 3").run()),
    ).rejects.toThrow(/append-only/);
    // … so an attacker holding the key drops it first.
    await withRawDatabase(location, (db) => {
      db.exec('DROP TRIGGER audit_no_update');
      db.prepare("UPDATE audit SET summary = 'Dossier created' WHERE seq = 3").run();
    });
    await vault.unlock(PASSPHRASE);
    const report = await vault.verify();
    expect(report.ok).toBe(false);
    expect(report.audit).toEqual({ ok: false, entries: 5, brokenAtSeq: 3, headOk: true });
    vault.lock();
  });

  it('finds the newest entries cut off the end of the log', async () => {
    const { location, vault } = await vaultWithOriginals();
    vault.lock();
    await withRawDatabase(location, (db) => {
      db.exec('DROP TRIGGER audit_no_delete');
      db.prepare('DELETE FROM audit WHERE seq > 3').run(); // what remains still chains perfectly
    });
    await vault.unlock(PASSPHRASE);
    const report = await vault.verify();
    expect(report.ok).toBe(false);
    expect(report.audit).toEqual({ ok: false, entries: 3, brokenAtSeq: null, headOk: false });
    vault.lock();
  });

  it('finds a log rebuilt from scratch, even with its head rewritten to match', async () => {
    const { location, vault } = await vaultWithOriginals();
    vault.lock();
    await withRawDatabase(location, (db) => {
      db.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit');
      // A fresh, self-consistent chain telling another story, and a head pointing at its end.
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= 2; seq++) {
        const row = {
          seq,
          at: new Date().toISOString(),
          actor: 'owner',
          action: 'vault.create',
          entity_type: 'vault',
          entity_id: null,
          summary: 'Vault created',
        };
        const hash = auditHash(prev, row);
        db.prepare(
          'INSERT INTO audit (seq, at, actor, action, entity_type, entity_id, summary, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @summary, @prev_hash, @hash)',
        ).run({ ...row, prev_hash: prev, hash });
        prev = hash;
      }
      db.prepare('UPDATE audit_head SET seq = 2, hash = ?').run(prev);
    });
    await vault.unlock(PASSPHRASE);
    const report = await vault.verify();
    expect(report.ok).toBe(false);
    expect(report.audit).toEqual({ ok: false, entries: 2, brokenAtSeq: null, headOk: false });
    vault.lock();
  });
});
