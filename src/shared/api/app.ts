import { z } from 'zod';
import { UiLanguage } from '../i18n/languages.ts';
import { method, NoParams } from './method.ts';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** The runtime the services run in: Electron's Node, or plain Node for the CLI and test bridge. */
  runtime: z.enum(['electron', 'node']),
  node: z.string(),
  electron: z.string().nullable(),
  sqlcipher: z.string().nullable(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** One line of the diagnostics log: codes, method names and timings only — never text or paths. */
export const DiagnosticEntry = z.object({
  /** UTC, to the minute. */
  at: z.string(),
  /** A request that failed, one that was slow, or a file an import refused. */
  kind: z.enum(['error', 'slow', 'import']),
  method: z.string(),
  code: z.string().nullable(),
  ms: z.number().int().nonnegative(),
});
export type DiagnosticEntry = z.infer<typeof DiagnosticEntry>;

/** Choices known before unlocking; `language` is null until the person chooses (the system's is used). */
export const Preferences = z.object({ language: UiLanguage.nullable() });
export type Preferences = z.infer<typeof Preferences>;

export const appApi = {
  'app.info': method({
    summary: 'Version of Upright and of the runtime it runs in.',
    params: NoParams,
    result: AppInfo,
  }),
  'app.diagnostics': method({
    summary: 'What failed recently (codes, methods, timings, versions; never text, names or paths), for support.',
    params: NoParams,
    result: z.object({ entries: z.array(DiagnosticEntry), report: z.string() }),
  }),
  'app.preferences': method({
    summary: 'Choices kept outside the vault, readable while it is locked: the interface language.',
    params: NoParams,
    result: Preferences,
  }),
  'app.setPreferences': method({
    summary: 'Change the interface language (en, ru, kk; null follows the system).',
    params: Preferences.partial().strict(),
    result: Preferences,
  }),
};
