// Reads, through the store, everything a draft points at — its dossier's review, the excerpts it
// cites, the recommendations it refers to, the names to pseudonymise and the quotes never to export —
// so the modules beside this one work on plain data.
import type { DossierRecord, DraftRecord, Store } from '../store/index.ts';
import { MIN_PROTECTED_QUOTE } from './checks.ts';
import { buildModel } from './model.ts';
import type { DossierReview, DraftContext, ProtectedQuote } from './types.ts';

/** What the drafts need of a dossier: its State and the review it is preparing for. */
export function dossierReview(dossier: DossierRecord): DossierReview {
  return {
    country: dossier.country,
    cycle: dossier.targetReview.cycle,
    session: dossier.targetReview.session,
    deadline: dossier.targetReview.deadline,
    themes: dossier.themes,
  };
}

export function loadDraftContext(store: Store, draft: DraftRecord): DraftContext {
  const dossier = store.dossiers.require(draft.dossierId);
  const model = buildModel(draft.body, () => '');
  let quotes: ProtectedQuote[] | undefined;
  return {
    draft,
    dossier: dossierReview(dossier),
    excerpts: store.drafts.citedExcerpts(model.citations.map((c) => c.excerptId)),
    recommendations: store.drafts.recommendations(
      model.recommendations.map((r) => r.recommendationId),
      draft.dossierId,
    ),
    entities: store.drafts.pseudonymousEntities(),
    protectedQuotes: () => {
      quotes ??= store.drafts.protectedQuotes(draft.dossierId, MIN_PROTECTED_QUOTE);
      return quotes;
    },
  };
}

/** The person's local date, YYYY-MM-DD: a deadline falls on the day where they are. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
