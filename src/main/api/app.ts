import type { Handlers } from './registry.ts';

export const appHandlers = {
  'app.info': (_params, { services }) => ({
    name: services.app.name,
    version: services.app.version,
    runtime: services.app.runtime,
    node: process.versions.node,
    electron: services.app.electron,
    sqlcipher: services.app.cipher,
    platform: `${process.platform}-${process.arch}`,
  }),
} satisfies Partial<Handlers>;
