import { UprightError } from '../../shared/errors.ts';
import type { Handlers } from './registry.ts';

export const vaultHandlers = {
  'vault.status': (_params, { services }) => services.vault.status(),
  'vault.create': async ({ passphrase }, { services }) => {
    const { recoveryKey } = await services.vault.create(passphrase);
    return { recoveryKey, status: services.vault.status() };
  },
  'vault.unlock': async ({ passphrase }, { services }) => {
    await services.vault.unlock(passphrase);
    return services.vault.status();
  },
  'vault.recover': async ({ recoveryKey, newPassphrase }, { services }) => {
    await services.vault.recover(recoveryKey, newPassphrase);
    return services.vault.status();
  },
  'vault.lock': (_params, { services }) => {
    services.vault.lock();
    return services.vault.status();
  },
  'vault.changePassphrase': async ({ current, next }, { services }) => {
    await services.vault.changePassphrase(current, next);
    return services.vault.status();
  },
  'vault.backup': async (_params, { services }) => {
    services.vault.store(); // fails with VAULT_LOCKED before asking where to save
    const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
    const folder = await services.dialogs.chooseBackupFolder(`upright-backup-${stamp}`);
    if (folder === null) throw new UprightError('CANCELLED', 'Backup cancelled: no folder was chosen.');
    return services.vault.backup(folder);
  },
  'vault.verify': (_params, { services }) => services.vault.verify(),
} satisfies Partial<Handlers>;
