// Joins each area's handlers into the one table; the type check fails if a method has no handler.
import { annotateHandlers } from './annotate.ts';
import { appHandlers } from './app.ts';
import { bundleHandlers } from './bundles.ts';
import { dossierHandlers } from './dossiers.ts';
import { draftHandlers } from './drafts.ts';
import { entityHandlers } from './entities.ts';
import { eventHandlers } from './events.ts';
import { linkHandlers } from './links.ts';
import { recommendationImportHandlers } from './recommendation-import.ts';
import { recommendationHandlers } from './recommendations.ts';
import type { Handlers } from './registry.ts';
import { sampleHandlers } from './sample.ts';
import { searchHandlers } from './search.ts';
import { settingsHandlers } from './settings.ts';
import { sourceHandlers } from './sources.ts';
import { suggestionHandlers } from './suggestions.ts';
import { vaultHandlers } from './vault.ts';

export const handlers: Handlers = {
  ...appHandlers,
  ...vaultHandlers,
  ...sampleHandlers,
  ...settingsHandlers,
  ...dossierHandlers,
  ...sourceHandlers,
  ...annotateHandlers,
  ...linkHandlers,
  ...suggestionHandlers,
  ...entityHandlers,
  ...draftHandlers,
  ...recommendationImportHandlers,
  ...searchHandlers,
  ...eventHandlers,
  ...bundleHandlers,
  ...recommendationHandlers,
};

export { type Context, call, dispatch, type Handlers } from './registry.ts';
