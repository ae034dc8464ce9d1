// From the sample, a monitor copies its public documents into their own vault: they give their
// vault's passphrase, pick a dossier (or a new one), and find the sources there after leaving the
// sample — originals, text and structure, not the sample's excerpts, nor its fictional field note.
// The windows go on showing the sample meanwhile: the own vault opens only for the copy.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { PUBLIC_SAMPLE_FILES } from '../../../src/main/sample-example.ts';
import { createServices, type Services } from '../../../src/main/services.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const PASSPHRASE = 'my own long passphrase';
const open: Services[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function servicesAt(vaultLocation: string) {
  const services = createServices({
    vaultLocation,
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async () => null,
    },
    kdf: KDF,
  });
  open.push(services);
  return { services, ctx: { services, transport: 'test' as const } };
}

/** A person with a vault holding one dossier, now locked, who opens the sample from the unlock screen. */
async function inTheSample() {
  const home = mkdtempSync(join(tmpdir(), 'upright-sample-copy-'));
  const vault = join(home, 'vault');
  const { services, ctx } = servicesAt(vault);
  await call(handlers, 'vault.create', { passphrase: PASSPHRASE }, ctx);
  const mine = await call(handlers, 'dossier.create', { title: 'Karaganda unions 2023' }, ctx);
  await call(handlers, 'vault.lock', {}, ctx);
  await call(handlers, 'sample.explore', {}, ctx);
  const [sample] = await call(handlers, 'dossier.list', {}, ctx);
  const changes: unknown[] = [];
  services.events.listen((name, payload) => {
    if (name === 'vault.changed') changes.push(payload);
  });
  return { vault, services, ctx, mine, sample: sample as NonNullable<typeof sample>, changes };
}

// Each story unlocks two vaults and imports the sample's documents: about 20 s on an idle machine,
// over 30 s on a loaded one, so each gets two minutes.
describe('copying the sample’s sources into my vault', { timeout: 120_000 }, () => {
  it('lists my dossiers and copies the public documents into one, while the window stays on the sample', async () => {
    const { ctx, mine, sample, changes } = await inTheSample();
    await expect(call(handlers, 'sample.ownDossiers', { passphrase: 'not my passphrase' }, ctx)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(await call(handlers, 'sample.ownDossiers', { passphrase: PASSPHRASE }, ctx)).toEqual([
      { id: mine.id, title: 'Karaganda unions 2023', sourceCount: 0 },
    ]);

    const copied = await call(
      handlers,
      'sample.copySources',
      { passphrase: PASSPHRASE, into: { kind: 'dossier', id: mine.id } },
      ctx,
    );
    expect(copied.dossier).toEqual({ id: mine.id, title: 'Karaganda unions 2023', sourceCount: 3 });
    expect(copied.outcomes.map((o) => [o.name, o.status])).toEqual(PUBLIC_SAMPLE_FILES.map((f) => [f, 'imported']));

    // Still in the sample, which is unchanged; nothing told the window the own vault opened.
    expect(await call(handlers, 'vault.status', {}, ctx)).toMatchObject({ state: 'unlocked', sample: true });
    expect((await call(handlers, 'dossier.get', { id: sample.id }, ctx)).sourceCount).toBe(4);
    expect(changes).toEqual([]);

    // Copying again doubles nothing: each file is reported as already there.
    const again = await call(
      handlers,
      'sample.copySources',
      { passphrase: PASSPHRASE, into: { kind: 'dossier', id: mine.id } },
      ctx,
    );
    expect(again.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.dossier.sourceCount).toBe(3);

    // Leaving the sample and unlocking, the sources are in my dossier, read as in the sample.
    const sampleSources = (await call(handlers, 'source.list', { dossierId: sample.id }, ctx)).items;
    const samplePdf = sampleSources.find((s) => s.format === 'pdf');
    const samplePdfText = (await call(handlers, 'source.get', { id: samplePdf?.id ?? '' }, ctx)).text;
    await call(handlers, 'sample.leave', {}, ctx);
    await call(handlers, 'vault.unlock', { passphrase: PASSPHRASE }, ctx);
    const sources = (await call(handlers, 'source.list', { dossierId: mine.id }, ctx)).items;
    expect(sources.map((s) => s.fileName).sort()).toEqual([...PUBLIC_SAMPLE_FILES].sort());
    expect(sources.map((s) => s.title)).toContain(samplePdf?.title);
    const pdf = await call(handlers, 'source.get', { id: sources.find((s) => s.format === 'pdf')?.id ?? '' }, ctx);
    expect(pdf.text).toBe(samplePdfText);
    expect(pdf.blocks.length).toBeGreaterThan(10);
    expect(pdf.sha256).toBe(samplePdf?.sha256);
    // The worked example stays in the sample: no excerpts, codes or entities came along.
    expect((await call(handlers, 'excerpt.list', { dossierId: mine.id }, ctx)).items).toEqual([]);
    expect(await call(handlers, 'code.list', {}, ctx)).toEqual([]);
    expect((await call(handlers, 'entity.list', {}, ctx)).items).toEqual([]);
    expect((await call(handlers, 'dossier.list', {}, ctx)).map((d) => d.title)).toEqual(['Karaganda unions 2023']);
  });

  it('copies into a new dossier of my vault', async () => {
    const { ctx } = await inTheSample();
    const copied = await call(
      handlers,
      'sample.copySources',
      { passphrase: PASSPHRASE, into: { kind: 'new', title: '  Kazakhstan: public reports ' } },
      ctx,
    );
    expect(copied.dossier).toMatchObject({ title: 'Kazakhstan: public reports', sourceCount: 3 });
    const dossiers = await call(handlers, 'sample.ownDossiers', { passphrase: PASSPHRASE }, ctx);
    expect(dossiers.map((d) => [d.title, d.sourceCount])).toEqual(
      expect.arrayContaining([
        ['Kazakhstan: public reports', 3],
        ['Karaganda unions 2023', 0],
      ]),
    );
  });

  it('says so when there is no vault of my own yet, or the dossier is gone', async () => {
    const home = mkdtempSync(join(tmpdir(), 'upright-sample-copy-'));
    const { ctx } = servicesAt(join(home, 'vault'));
    await call(handlers, 'sample.explore', {}, ctx);
    await expect(call(handlers, 'sample.ownDossiers', { passphrase: PASSPHRASE }, ctx)).rejects.toMatchObject({
      code: 'VAULT_NOT_FOUND',
    });

    const other = await inTheSample();
    await expect(
      call(
        handlers,
        'sample.copySources',
        { passphrase: PASSPHRASE, into: { kind: 'dossier', id: 'no-such-dossier' } },
        other.ctx,
      ),
    ).rejects.toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    // The own vault was locked again after the failed copy: the sample is still what is open.
    expect(await call(handlers, 'vault.status', {}, other.ctx)).toMatchObject({ state: 'unlocked', sample: true });
  });

  it('works from the command line with `upright call`', async () => {
    const { vault, mine, services } = await inTheSample();
    services.close(); // the CLI is another process: the app must have let go of the vault
    const run = promisify(execFile);
    const params = JSON.stringify({ passphrase: PASSPHRASE, into: { kind: 'dossier', id: mine.id } });
    const { stdout } = await run(
      process.execPath,
      ['bin/upright.js', 'call', 'sample.copySources', params, '--vault', vault, '--json'],
      { env: { ...process.env, UPRIGHT_PASSPHRASE: '' }, timeout: 120_000 },
    );
    const result = JSON.parse(stdout) as { dossier: { sourceCount: number } };
    expect(result.dossier.sourceCount).toBe(3);
  });
});
