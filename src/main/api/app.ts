import { diagnosticsReport } from '../diagnostics/log.ts';
import type { Handlers } from './registry.ts';

const platform = () => `${process.platform}-${process.arch}`;

export const appHandlers = {
  'app.info': (_params, { services }) => ({
    name: services.app.name,
    version: services.app.version,
    runtime: services.app.runtime,
    node: process.versions.node,
    electron: services.app.electron,
    sqlcipher: services.app.cipher,
    platform: platform(),
  }),
  'app.diagnostics': (_params, { services }) => {
    const entries = services.diagnostics.entries();
    const { version, runtime, electron, cipher } = services.app;
    const report = diagnosticsReport(
      { version, runtime, electron, cipher, node: process.versions.node, platform: platform() },
      entries,
    );
    return { entries, report };
  },
  'app.preferences': (_params, { services }) => services.preferences.read(),
  'app.setPreferences': (change, { services }) => services.preferences.write(change),
} satisfies Partial<Handlers>;
