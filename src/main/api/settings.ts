import type { Handlers } from './registry.ts';

export const settingsHandlers = {
  'settings.get': (_params, { services }) => ({ autoLockMinutes: services.vault.status().autoLockMinutes }),
  'settings.update': ({ autoLockMinutes }, { services }) => {
    services.vault.store(); // settings live inside the vault: refuse while locked
    if (autoLockMinutes !== undefined) services.vault.setAutoLockMinutes(autoLockMinutes);
    return { autoLockMinutes: services.vault.status().autoLockMinutes };
  },
} satisfies Partial<Handlers>;
