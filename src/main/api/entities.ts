import type { Handlers } from './registry.ts';

export const entityHandlers = {
  'entity.list': ({ limit, cursor, ...filter }, { services }) =>
    services.vault.store().entities.page(filter, limit, cursor),
  'entity.get': ({ id }, { services }) => services.vault.store().entities.require(id),
  'entity.create': (params, { services }) => services.vault.store().entities.create(params),
  'entity.update': ({ id, ...patch }, { services }) => services.vault.store().entities.update(id, patch),
  'entity.merge': ({ fromId, intoId }, { services }) => services.vault.store().entities.merge(fromId, intoId),
  'entity.delete': ({ id }, { services }) => ({ deleted: services.vault.store().entities.remove(id) }),
  'entity.mentions': ({ id }, { services }) => {
    const store = services.vault.store();
    const { excerpts, sources } = store.entities.mentions(id);
    return { excerpts, linked: store.mentions.forEntity(id), sources };
  },
} satisfies Partial<Handlers>;
