import type { Handlers } from './registry.ts';

export const dossierHandlers = {
  'dossier.list': ({ includeArchived }, { services }) =>
    services.vault.store().dossiers.list({ includeArchived: includeArchived ?? false }),
  'dossier.get': ({ id }, { services }) => services.vault.store().dossiers.require(id),
  'dossier.create': (params, { services }) => services.vault.store().dossiers.create(params),
  'dossier.update': ({ id, ...patch }, { services }) => services.vault.store().dossiers.update(id, patch),
  'dossier.archive': ({ id, archived }, { services }) => services.vault.store().dossiers.setArchived(id, archived),
} satisfies Partial<Handlers>;
