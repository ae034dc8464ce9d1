// Bundles: a 500-source dossier (2,000 excerpts, coded; every source with its original) carried from
// one vault to another — the export (read, zip, sign, encrypt to a key, in memory) and the first
// import (decrypt, check every hash, preview, merge in one transaction) — against a baseline of age
// encrypting and decrypting the same number of bytes, measured in the same run. Re-importing the
// same bundle (nothing to do) is reported too.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { exportBundle, merge, openBundle, plan } from '../../../src/main/bundles/exchange.ts';
import { identityOf } from '../../../src/main/bundles/keys.ts';
import { createServices, type Services } from '../../../src/main/services.ts';
import { type BenchCase, type BenchRow, ratioRow } from '../harness.ts';

const SOURCES = 500;
const EXCERPTS_PER_SOURCE = 4;

function services(home: string, name: string): Services {
  return createServices({
    vaultLocation: join(home, name),
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async () => null,
    },
    kdf: { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 },
  });
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export const bundlesBench: BenchCase = {
  name: `bundles: export and import of a ${SOURCES}-source dossier`,
  async run(): Promise<BenchRow[]> {
    const home = mkdtempSync(join(tmpdir(), 'upright-bench-bundles-'));
    const monitor = services(home, 'monitor');
    const lawyer = services(home, 'lawyer');
    try {
      await monitor.vault.create('benchmark passphrase, not secret');
      await lawyer.vault.create('benchmark passphrase, not secret');
      const a = monitor.vault.store();
      const b = lawyer.vault.store();
      const dossier = a.dossiers.create({ title: 'Kazakhstan' });
      const codes = Array.from({ length: 10 }, (_, i) => a.codes.create({ name: `Code ${i}` }).id);
      const paragraph = 'The Government states that trade unions register by simple notification. ';
      a.transaction(() => {
        for (let s = 0; s < SOURCES; s++) {
          const text = `${paragraph.repeat(250)} Source ${s}.`;
          const source = a.sources.add({
            dossierId: dossier.id,
            title: `Report ${s}`,
            kind: 'ngo_report',
            text,
            original: { bytes: randomBytes(20_000), mediaType: 'application/pdf', filename: `report-${s}.pdf` },
          });
          for (let e = 0; e < EXCERPTS_PER_SOURCE; e++) {
            a.excerpts.add({
              sourceId: source.id,
              exact: paragraph.trim(),
              start: e * paragraph.length,
              end: e * paragraph.length + paragraph.trim().length,
              note: `Note ${s}.${e}`,
              codeIds: [codes[(s + e) % codes.length] as string],
            });
          }
        }
      });
      const lawyerKey = (await identityOf(b)).ageRecipient;

      const exported = await timed(() =>
        exportBundle(a, { dossierId: dossier.id, recipients: [lawyerKey], includeNeverExport: false }),
      );
      const bytes = exported.value.bytes;
      const opened = await timed(() => openBundle(b, bytes));
      const previewed = await timed(() => plan(b, opened.value));
      const merged = await timed(() => merge(b, opened.value, {}));
      const again = await timed(async () => merge(b, await openBundle(b, bytes), {}));

      // Baseline: age alone over as many bytes, to the same kind of key.
      const plain = randomBytes(bytes.byteLength);
      const baseline = await timed(async () => {
        const encrypter = new Encrypter();
        encrypter.addRecipient(lawyerKey);
        const sealed = await encrypter.encrypt(plain);
        const decrypter = new Decrypter();
        decrypter.addIdentity((await identityOf(b)).ageSecret);
        await decrypter.decrypt(sealed);
      });
      const importMs = opened.ms + previewed.ms + merged.ms;
      return [
        ratioRow('export + first import / age encrypt + decrypt of as many bytes', exported.ms + importMs, baseline.ms),
        {
          label: `export (${exported.value.manifest.records.length} records, ${(bytes.byteLength / 1e6).toFixed(1)} MB)`,
          value: exported.ms,
          unit: 'ms',
        },
        { label: 'import: decrypt and check every hash', value: opened.ms, unit: 'ms' },
        { label: 'import: preview (what would change)', value: previewed.ms, unit: 'ms' },
        { label: `import: merge in one transaction (${merged.value.added} added)`, value: merged.ms, unit: 'ms' },
        { label: 'the same bundle again (nothing to do)', value: again.ms, unit: 'ms' },
        { label: 'age encrypt + decrypt of as many bytes (baseline)', value: baseline.ms, unit: 'ms' },
      ];
    } finally {
      monitor.close();
      lawyer.close();
      rmSync(home, { recursive: true, force: true });
    }
  },
};
