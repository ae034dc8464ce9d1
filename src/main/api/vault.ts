import { UprightError } from '../../shared/errors.ts';
import type { Handlers } from './registry.ts';

export const vaultHandlers = {
  'vault.status': (_params, { services }) => services.status(),
  'vault.create': async ({ passphrase }, { services }) => {
    const { recoveryKey } = await services.vault.create(passphrase);
    return { recoveryKey, status: services.status() };
  },
  'vault.unlock': async ({ passphrase }, { services }) => {
    await services.vault.unlock(passphrase);
    return services.status();
  },
  'vault.recover': async ({ recoveryKey, newPassphrase }, { services }) => {
    await services.vault.recover(recoveryKey, newPassphrase);
    return services.status();
  },
  'vault.lock': async (_params, { services }) => {
    await services.locker.lock('window');
    return services.status();
  },
  'vault.flushed': ({ requestId }, { services }) => {
    services.locker.flushed(requestId);
    return {};
  },
  'vault.changePassphrase': async ({ current, next }, { services }) => {
    await services.vault.changePassphrase(current, next);
    return services.status();
  },
  'vault.rotateKeys': async ({ current, next }, { services }) => {
    const { recoveryKey } = await services.vault.rotateKeys(current, next ?? null);
    return { recoveryKey, status: services.status() };
  },
  'vault.newRecoveryKey': ({ passphrase }, { services }) => services.vault.newRecoveryKey(passphrase),
  'vault.backup': async (_params, { services }) => {
    services.vault.store(); // fails with VAULT_LOCKED before asking where to save
    const running = services.vault.runningTask();
    if (running) throw new UprightError('VAULT_TASK_RUNNING', { running: running.kind }); // … and this
    const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
    const folder = await services.dialogs.chooseBackupFolder(`upright-backup-${stamp}`);
    if (folder === null) throw new UprightError('CANCELLED');
    return services.vault.backup(folder);
  },
  'vault.verify': (_params, { services }) => services.vault.verify(),
  'vault.cancelTask': async (_params, { services }) => ({ cancelled: await services.vault.cancelTask() }),
} satisfies Partial<Handlers>;
