// A fresh vault with one dossier, as most integration stories begin: the services the app builds,
// a test transport, a cheap key derivation (the real one is calibrated to about a second), and
// everything opened here closed after each test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { handlers } from '../../src/main/api/index.ts';
import { call } from '../../src/main/api/registry.ts';
import { createServices, type ServiceOptions, type Services } from '../../src/main/services.ts';
import type { Params } from '../../src/shared/api.ts';

export const TEST_KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
export const TEST_PASSPHRASE = 'a long enough passphrase';

const open: Services[] = [];
afterEach(() => {
  for (const services of open.splice(0)) services.close();
});

export interface TestVaultOptions {
  /** What the import dialog answers. */
  importPaths?: string[];
  /** The dossier made in the new vault. */
  dossier?: Params<'dossier.create'>;
  /** Any other service option (sample documents, diagnostics file, suggestion counter…). */
  services?: Partial<Omit<ServiceOptions, 'vaultLocation' | 'runtime' | 'dialogs'>>;
}

/** Services over a vault location in a new temporary folder; nothing is created yet. */
export function testServices(options: TestVaultOptions = {}): Services {
  const home = mkdtempSync(join(tmpdir(), 'upright-test-'));
  const services = createServices({
    vaultLocation: join(home, 'vault'),
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => options.importPaths ?? [],
      chooseSavePath: async () => null,
    },
    kdf: TEST_KDF,
    ...options.services,
  });
  open.push(services);
  return services;
}

/** A new, unlocked vault holding one dossier ("Kazakhstan" unless told otherwise). */
export async function freshVault(options: TestVaultOptions = {}) {
  const services = testServices(options);
  const ctx = { services, transport: 'test' as const };
  await call(handlers, 'vault.create', { passphrase: TEST_PASSPHRASE }, ctx);
  const dossier = await call(handlers, 'dossier.create', options.dossier ?? { title: 'Kazakhstan' }, ctx);
  return { services, ctx, dossier };
}
