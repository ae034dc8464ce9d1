// The API table: the one contract between renderer, main, tests and CLI.
// Each area declares its methods in src/shared/api/<area>.ts (a summary for `upright methods`, a zod
// schema for params and one for the result); they are joined here into one table. Handlers live
// in src/main/api/, one file per area. Nothing here may import Node or DOM code: both sides import it.

import type { z } from 'zod';
import { annotateApi } from './api/annotate.ts';
import { appApi } from './api/app.ts';
import { bundlesApi } from './api/bundles.ts';
import { dossiersApi } from './api/dossiers.ts';
import { draftsApi } from './api/drafts.ts';
import { entitiesApi } from './api/entities.ts';
import { eventsApi } from './api/events.ts';
import { linksApi } from './api/links.ts';
import { recommendationImportApi } from './api/recommendation-import.ts';
import { recommendationsApi } from './api/recommendations.ts';
import { sampleApi } from './api/sample.ts';
import { searchApi } from './api/search.ts';
import { ImportProgress, sourcesApi } from './api/sources.ts';
import { SuggestionReady, suggestionsApi } from './api/suggestions.ts';
import { MigrationProgress, TaskProgress, VaultLocking, VaultStatus, vaultApi, WindowReload } from './api/vault.ts';
import type { Envelope } from './errors.ts';

export * from './api/annotate.ts';
export * from './api/app.ts';
export * from './api/bundles.ts';
export * from './api/dossiers.ts';
export * from './api/drafts.ts';
export * from './api/entities.ts';
export * from './api/events.ts';
export * from './api/links.ts';
export * from './api/recommendation-import.ts';
export * from './api/recommendations.ts';
export * from './api/sample.ts';
export * from './api/search.ts';
export * from './api/sources.ts';
export * from './api/suggestions.ts';
export * from './api/vault.ts';

export const api = {
  ...appApi,
  ...vaultApi,
  ...sampleApi,
  ...dossiersApi,
  ...sourcesApi,
  ...annotateApi,
  ...linksApi,
  ...suggestionsApi,
  ...entitiesApi,
  ...draftsApi,
  ...recommendationImportApi,
  ...searchApi,
  ...eventsApi,
  ...bundlesApi,
  ...recommendationsApi,
};

/** Events that main pushes to subscribers (renderer via subscribe(), bridge via its event stream). */
export const events = {
  'vault.changed': VaultStatus,
  'vault.locking': VaultLocking,
  'window.reload': WindowReload,
  'import.progress': ImportProgress,
  /** A source's suggestions were computed (or failed to be): the reader asks for them again. */
  'suggestion.ready': SuggestionReady,
  /** A verify or backup moved on (or ended): Settings shows a bar with a Cancel button. */
  'task.progress': TaskProgress,
  /** An unlock is updating an older vault's schema: the unlock screen shows "step n of m". */
  'vault.migrating': MigrationProgress,
};

export type Api = typeof api;
export type Method = keyof Api;
export type Params<M extends Method> = z.input<Api[M]['params']>;
export type Result<M extends Method> = z.output<Api[M]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const METHODS = Object.keys(api) as Method[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(api, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The whole surface the preload exposes to the page, and the bridge client imitates. */
export interface UprightBridge {
  invoke(method: string, params: unknown): Promise<Envelope<unknown>>;
  subscribe(event: string, callback: (payload: unknown) => void): () => void;
}
