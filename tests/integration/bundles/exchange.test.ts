// Two colleagues work on one dossier without a server: the monitor (vault A) sends a bundle to the
// lawyer (vault B), both go on working, and they exchange again. Bundles are encrypted with age to
// the other's public key (the standard `age` tool opens them), signed, checked whole before anything
// is written, and merged by ids in one transaction.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BundleManifest } from '../../../src/shared/bundles.ts';
import { UprightError } from '../../../src/shared/errors.ts';
import { freshVault, TEST_PASSPHRASE } from '../../support/vault.ts';
import { api, fingerprint, monitorsDossier, scratch, type Vault } from './support.ts';

const AGE = '/usr/bin/age';

async function pair() {
  const monitor = await freshVault({ dossier: { title: 'Kazakhstan' } });
  const lawyer = await freshVault({ dossier: { title: 'Lawyer’s own dossier' } });
  const monitorKey = (await api(monitor, 'identity.show', {})).ageRecipient;
  const lawyerKey = (await api(lawyer, 'identity.show', {})).ageRecipient;
  await api(monitor, 'colleague.add', { name: 'Aigerim (lawyer)', ageRecipient: lawyerKey });
  await api(lawyer, 'colleague.add', { name: 'Daniyar (monitor)', ageRecipient: monitorKey });
  return { monitor, lawyer, monitorKey, lawyerKey, dir: scratch() };
}

async function send(from: Vault, dossierId: string, to: string, path: string) {
  const result = await api(from, 'bundle.export', { dossierId, to: [to], path });
  if (!result.saved) throw new Error('not saved');
  return result;
}

async function preview(vault: Vault, path: string) {
  const result = await api(vault, 'bundle.preview', { path });
  if (result.state !== 'ready') throw new Error(`preview ${result.state}`);
  return result;
}

/** Everything of a dossier as a vault holds it, as comparable records (via the bundles' own reader). */
function dossierRecords(vault: Vault, dossierId: string) {
  const store = vault.services.vault.store();
  return store.bundles
    .select({ dossierId, includeNeverExport: false })
    .map(({ kind, id }) => store.bundles.read(kind, id, false));
}

/** Files under `dir` changed since `since` (ms), skipping what cannot be read (other users' folders). */
function* filesUnder(dir: string, since: number): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) yield* filesUnder(path, since);
    else if (stat.isFile() && stat.mtimeMs >= since && stat.size < 256 * 1024 * 1024) yield path;
  }
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UprightError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a dossier carried between two vaults in an encrypted bundle', () => {
  it.skipIf(!existsSync(AGE))(
    'is a standard age file the age tool decrypts with the lawyer’s key, whose manifest lists every record and original',
    async () => {
      const { monitor, lawyer, lawyerKey, dir } = await pair();
      const filled = await monitorsDossier(monitor);
      const path = join(dir, 'kazakhstan.upright.age');
      const sent = await send(monitor, filled.dossierId, lawyerKey, path);
      expect(sent).toMatchObject({ originals: 1, tombstones: 0, neverExportLeftOut: 1 });

      const keyFile = join(dir, 'lawyer.key');
      writeFileSync(keyFile, `${lawyer.services.vault.store().identity.get()?.ageSecret}\n`, { mode: 0o600 });
      const zip = execFileSync(AGE, ['-d', '-i', keyFile, path]);
      const files = unzipSync(new Uint8Array(zip));
      const manifest = BundleManifest.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])));
      expect(manifest.sender.ageRecipient).toBe((await api(monitor, 'identity.show', {})).ageRecipient);
      expect(manifest.dossier).toEqual({ id: filled.dossierId, title: 'Kazakhstan' });
      const listed = manifest.records.map((r) => `${r.kind}:${r.id}`);
      for (const id of [filled.source.id, filled.claim.id, filled.detention.id]) {
        expect(listed.some((l) => l.endsWith(id))).toBe(true);
      }
      expect(listed).toContain(`link:${filled.link.id}`);
      expect(listed).toContain(`event:${filled.event.id}`);
      expect(listed).toContain(`entity:${filled.leader.id}`);
      expect(listed).toContain(`code:${filled.codes[0]?.id}`);
      expect(listed).toContain(`recommendation:${filled.recommendation.id}`);
      // The "never export" excerpt is not in it, not even as evidence of the event.
      expect(listed).not.toContain(`excerpt:${filled.secret.id}`);
      expect(new TextDecoder().decode(files['records.json'])).not.toContain('NEVER-LEAVES-THE-VAULT');
      const [original] = manifest.originals;
      const bytes = files[`originals/${original?.sha256}`] as Uint8Array;
      expect(Buffer.from(bytes).toString()).toContain('%PDF-1.7');
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(original?.sha256);
      expect(files['manifest.sig']?.byteLength).toBe(64);
    },
  );

  it('arrives whole in the lawyer’s vault, from a named colleague, and a second import changes nothing', async () => {
    const { monitor, lawyer, lawyerKey, dir } = await pair();
    const filled = await monitorsDossier(monitor);
    const path = join(dir, 'first.upright.age');
    await send(monitor, filled.dossierId, lawyerKey, path);

    const seen = await preview(lawyer, path);
    expect(seen.sender).toMatchObject({ name: 'Daniyar (monitor)', verified: false, self: false });
    expect(seen.dossier).toEqual({ id: filled.dossierId, title: 'Kazakhstan', exists: false });
    expect(seen.counts).toMatchObject({ changed: 0, conflicts: 0, tombstoned: 0, unchanged: 0 });
    expect(seen.counts.added).toBeGreaterThan(8);
    expect(seen.kinds).toContainEqual({
      kind: 'excerpt',
      added: 2,
      changed: 0,
      conflicts: 0,
      tombstoned: 0,
      unchanged: 0,
    });
    expect(seen.kinds).toContainEqual({
      kind: 'source',
      added: 1,
      changed: 0,
      conflicts: 0,
      tombstoned: 0,
      unchanged: 0,
    });
    const merged = await api(lawyer, 'bundle.import', { token: seen.token });
    expect(merged.added).toBe(seen.counts.added);

    expect(dossierRecords(lawyer, filled.dossierId)).toEqual(dossierRecords(monitor, filled.dossierId));
    const store = lawyer.services.vault.store();
    expect(store.sources.originalFile(filled.source.id)?.bytes.toString()).toContain('%PDF-1.7');
    expect(store.excerpts.get(filled.secret.id)).toBeNull();
    expect(store.events.require(filled.event.id).evidence.map((e) => e.excerptId)).toEqual([filled.detention.id]);
    expect(store.recommendations.require(filled.recommendation.id).text).toBe(
      'Ensure that trade unions can register by notification',
    );
    // The lawyer finds the monitor's words by search: the index was kept in step.
    const hits = await api(lawyer, 'search.query', { query: 'detained' });
    expect(hits.hits.some((h) => h.sourceId === filled.source.id)).toBe(true);

    // Their signing key is now known: the next bundle from them shows as verified.
    const again = await preview(lawyer, path);
    expect(again.sender.verified).toBe(true);
    expect(again.counts).toMatchObject({ added: 0, changed: 0, conflicts: 0, tombstoned: 0 });
    const before = JSON.stringify(dossierRecords(lawyer, filled.dossierId));
    const auditBefore = store.audit.count();
    expect(await api(lawyer, 'bundle.import', { token: again.token })).toEqual({
      added: 0,
      changed: 0,
      tombstoned: 0,
      keptMine: 0,
      keptBoth: 0,
    });
    expect(JSON.stringify(dossierRecords(lawyer, filled.dossierId))).toBe(before);
    expect(store.audit.count()).toEqual(auditBefore);
  });

  it('merges edits made on both sides since they parted, and asks about records both changed', async () => {
    const { monitor, lawyer, monitorKey, lawyerKey, dir } = await pair();
    const filled = await monitorsDossier(monitor);
    await send(monitor, filled.dossierId, lawyerKey, join(dir, '1.age'));
    const first = await preview(lawyer, join(dir, '1.age'));
    await api(lawyer, 'bundle.import', { token: first.token });

    const a = monitor.services.vault.store();
    const b = lawyer.services.vault.store();
    // The monitor rewrites one note, deletes the detention excerpt; the lawyer edits the claim's note;
    // both change the event's title.
    a.excerpts.update(filled.claim.id, { note: 'Contradicted by ICTUR' });
    b.entities.update(filled.leader.id, { description: 'Chair of the union' });
    a.events.update(filled.event.id, { title: 'Arrest of the union leader' });
    b.events.update(filled.event.id, { title: 'Detention after the strike' });
    const added = b.excerpts.add({
      sourceId: filled.source.id,
      exact: 'after the strike',
      start: filled.detention.end + 1,
      end: filled.detention.end + 17,
      note: 'The lawyer’s excerpt',
    });

    // Lawyer → monitor.
    await send(lawyer, filled.dossierId, monitorKey, join(dir, '2.age'));
    const back = await preview(monitor, join(dir, '2.age'));
    expect(back.sender).toMatchObject({ name: 'Aigerim (lawyer)' });
    expect(back.counts).toMatchObject({ added: 1, changed: 1, conflicts: 1, tombstoned: 0 });
    expect(back.conflicts).toEqual([
      expect.objectContaining({
        key: `event:${filled.event.id}`,
        label: 'Arrest of the union leader',
        canKeepBoth: true,
        differences: [{ field: 'title', mine: 'Arrest of the union leader', theirs: 'Detention after the strike' }],
      }),
    ]);
    await expect(api(monitor, 'bundle.import', { token: back.token })).rejects.toMatchObject({
      code: 'BUNDLE_CONFLICT_UNRESOLVED',
    });
    expect(a.excerpts.get(added.id)).toBeNull(); // refused whole: nothing written
    await api(monitor, 'bundle.import', { token: back.token, resolutions: { [`event:${filled.event.id}`]: 'mine' } });
    expect(a.excerpts.require(added.id).note).toBe('The lawyer’s excerpt');
    expect(a.entities.require(filled.leader.id).description).toBe('Chair of the union');
    expect(a.excerpts.require(filled.claim.id).note).toBe('Contradicted by ICTUR'); // the monitor's own edit stays
    expect(a.events.require(filled.event.id).title).toBe('Arrest of the union leader');

    // The monitor deletes the detention excerpt (its link goes with it) and sends again, while the
    // lawyer has rewritten the claim's note the monitor had changed too: "keep theirs" settles it.
    // The event's title, which the lawyer had sent and the monitor kept, is the monitor's now.
    a.excerpts.delete(filled.detention.id);
    b.excerpts.update(filled.claim.id, { note: 'The lawyer’s second thoughts' });
    await send(monitor, filled.dossierId, lawyerKey, join(dir, '3.age'));
    const third = await preview(lawyer, join(dir, '3.age'));
    expect(third.counts).toMatchObject({ added: 0, conflicts: 1, tombstoned: 2 });
    expect(third.conflicts.map((c) => c.key)).toEqual([`excerpt:${filled.claim.id}`]);
    await api(lawyer, 'bundle.import', {
      token: third.token,
      resolutions: { [`excerpt:${filled.claim.id}`]: 'theirs' },
    });
    expect(b.excerpts.require(filled.claim.id).note).toBe('Contradicted by ICTUR');
    expect(b.excerpts.get(filled.detention.id)).toBeNull();
    expect(b.links.get(filled.link.id)).toBeUndefined();
    expect(b.events.require(filled.event.id).title).toBe('Arrest of the union leader');
    expect(dossierRecords(lawyer, filled.dossierId)).toEqual(dossierRecords(monitor, filled.dossierId));
  });

  it('keeps both versions of an excerpt when asked: theirs is added beside mine', async () => {
    const { monitor, lawyer, monitorKey, lawyerKey, dir } = await pair();
    const filled = await monitorsDossier(monitor);
    await send(monitor, filled.dossierId, lawyerKey, join(dir, '1.age'));
    await api(lawyer, 'bundle.import', { token: (await preview(lawyer, join(dir, '1.age'))).token });
    monitor.services.vault.store().excerpts.update(filled.claim.id, { note: 'Monitor’s reading' });
    lawyer.services.vault.store().excerpts.update(filled.claim.id, { note: 'Lawyer’s reading' });
    await send(lawyer, filled.dossierId, monitorKey, join(dir, '2.age'));
    const seen = await preview(monitor, join(dir, '2.age'));
    const key = `excerpt:${filled.claim.id}`;
    expect(seen.conflicts.map((c) => c.key)).toEqual([key]);
    expect(await api(monitor, 'bundle.import', { token: seen.token, resolutions: { [key]: 'both' } })).toMatchObject({
      keptBoth: 1,
    });
    const notes = monitor.services.vault
      .store()
      .excerpts.listForSource(filled.source.id)
      .map((e) => e.note);
    expect(notes).toEqual(expect.arrayContaining(['Monitor’s reading', 'Lawyer’s reading']));
  });

  it('refuses a flipped byte, a cut file, another vault’s bundle and a wrong passphrase, leaving the vault byte for byte as it was', async () => {
    const { monitor, lawyer, lawyerKey, dir } = await pair();
    const filled = await monitorsDossier(monitor);
    const path = join(dir, 'good.age');
    await send(monitor, filled.dossierId, lawyerKey, path);
    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    const at = Math.floor(bytes.length * 0.6);
    flipped.writeUInt8((flipped.readUInt8(at) ^ 0x01) & 0xff, at);
    writeFileSync(join(dir, 'flipped.age'), flipped);
    writeFileSync(join(dir, 'cut.age'), bytes.subarray(0, bytes.length - 100));
    writeFileSync(join(dir, 'not-a-bundle.age'), 'Just a note, not a bundle.');
    const stranger = await freshVault();
    await api(stranger, 'identity.show', {});
    await send(
      monitor,
      filled.dossierId,
      (await api(stranger, 'identity.show', {})).ageRecipient,
      join(dir, 'other.age'),
    );
    const locked = await api(monitor, 'bundle.export', {
      dossierId: filled.dossierId,
      passphrase: 'seven ravens over the steppe',
      path: join(dir, 'passphrase.age'),
    });
    expect(locked.saved).toBe(true);

    const vaultDir = lawyer.services.vault.status().location;
    lawyer.services.vault.store().checkpoint();
    const before = fingerprint(vaultDir);
    expect(await refusal(api(lawyer, 'bundle.preview', { path: join(dir, 'flipped.age') }))).toBe('BUNDLE_DAMAGED');
    expect(await refusal(api(lawyer, 'bundle.preview', { path: join(dir, 'cut.age') }))).toBe('BUNDLE_DAMAGED');
    expect(await refusal(api(lawyer, 'bundle.preview', { path: join(dir, 'not-a-bundle.age') }))).toBe(
      'BUNDLE_NOT_A_BUNDLE',
    );
    expect(await refusal(api(lawyer, 'bundle.preview', { path: join(dir, 'other.age') }))).toBe('BUNDLE_NOT_FOR_YOU');
    const asked = await api(lawyer, 'bundle.preview', { path: join(dir, 'passphrase.age') });
    expect(asked.state).toBe('passphrase');
    const token = asked.state === 'passphrase' ? asked.token : '';
    expect(await refusal(api(lawyer, 'bundle.preview', { token, passphrase: 'six ravens' }))).toBe(
      'BUNDLE_WRONG_PASSPHRASE',
    );
    lawyer.services.vault.store().checkpoint();
    expect(fingerprint(vaultDir)).toEqual(before);

    // The right passphrase opens it.
    const opened = await api(lawyer, 'bundle.preview', { token, passphrase: 'seven ravens over the steppe' });
    expect(opened.state).toBe('ready');
  });

  it('writes no plaintext of the dossier to any file while exporting and importing', async () => {
    const started = Date.now() - 1000;
    const marker = `BUNDLE-MARKER-${randomBytes(8).toString('hex')}`;
    const { monitor, lawyer, lawyerKey, dir } = await pair();
    const filled = await monitorsDossier(monitor, marker);
    const path = join(dir, 'marked.upright.age');
    await send(monitor, filled.dossierId, lawyerKey, path);
    const seen = await preview(lawyer, path);
    await api(lawyer, 'bundle.import', { token: seen.token });
    expect(lawyer.services.vault.store().excerpts.require(filled.claim.id).note).toContain(marker);

    const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
    const found: string[] = [];
    for (const file of filesUnder(tmpdir(), started)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      if (needles.some((needle) => bytes.includes(needle))) found.push(file);
    }
    expect(found).toEqual([]);
  });

  it('forgets an opened bundle when the vault locks: its preview must be opened again', async () => {
    const { monitor, lawyer, lawyerKey, dir } = await pair();
    const filled = await monitorsDossier(monitor);
    await send(monitor, filled.dossierId, lawyerKey, join(dir, 'held.age'));
    const seen = await preview(lawyer, join(dir, 'held.age'));
    lawyer.services.vault.lock();
    await lawyer.services.vault.unlock(TEST_PASSPHRASE);
    expect(await refusal(api(lawyer, 'bundle.import', { token: seen.token }))).toBe('BUNDLE_PREVIEW_EXPIRED');
    expect(lawyer.services.vault.store().excerpts.get(filled.claim.id)).toBeNull();
  });

  it('names the sender a vault has not saved yet by the name their bundle gives', async () => {
    const { monitor, dir } = await pair();
    const newcomer = await freshVault({ dossier: { title: 'Newcomer' } });
    const filled = await monitorsDossier(monitor);
    expect((await api(monitor, 'identity.rename', { name: 'Daniyar' })).name).toBe('Daniyar');
    const key = (await api(newcomer, 'identity.show', {})).ageRecipient;
    await send(monitor, filled.dossierId, key, join(dir, 'newcomer.age'));
    const seen = await preview(newcomer, join(dir, 'newcomer.age'));
    expect(seen.sender).toMatchObject({ name: 'Daniyar', colleagueId: null, verified: false });
  });

  it('carries a selection of sources with their excerpts, leaving the rest of the dossier home', async () => {
    const { monitor, lawyer, lawyerKey, dir } = await pair();
    const filled = await monitorsDossier(monitor);
    const other = monitor.services.vault.store().sources.add({
      dossierId: filled.dossierId,
      title: 'Another report',
      kind: 'ngo_report',
      text: 'Words that stay home.',
    });
    const path = join(dir, 'selection.age');
    const sent = await api(monitor, 'bundle.export', {
      dossierId: filled.dossierId,
      to: [lawyerKey],
      sourceIds: [filled.source.id],
      path,
    });
    expect(sent).toMatchObject({ saved: true, originals: 1 });
    const seen = await preview(lawyer, path);
    expect(seen.kinds.map((k) => k.kind)).toEqual(['dossier', 'code', 'entity', 'source', 'excerpt', 'link']);
    await api(lawyer, 'bundle.import', { token: seen.token });
    const store = lawyer.services.vault.store();
    expect(store.sources.get(filled.source.id)?.title).toBe('Information supplied by the Government');
    expect(store.sources.get(other.id)).toBeNull();
    expect(store.events.get(filled.event.id)).toBeNull();
  });
});
