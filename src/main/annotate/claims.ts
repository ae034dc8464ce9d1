// The Claims view: each claim, denial or acknowledgement by the State, beside the excerpts linked to
// it as contradicting or corroborating it. Composed from the excerpt list (so it filters by code and
// entity exactly as the list does) and the links; no SQL here.
import { CLAIM_STANCES, type ClaimStance } from '../../shared/domain.ts';
import type { ExcerptLinkView, ExcerptListItem, Store } from '../store/index.ts';

export interface ClaimWithEvidence {
  excerpt: ExcerptListItem & { sourceDate: string | null };
  contradicting: ExcerptLinkView[];
  corroborating: ExcerptLinkView[];
}

const CLAIMS = new Set<string>(CLAIM_STANCES);

export function isClaim(stance: string | null): stance is ClaimStance {
  return stance !== null && CLAIMS.has(stance);
}

export function claimsOf(
  store: Store,
  filter: { dossierId: string; codeId?: string; entityId?: string },
): ClaimWithEvidence[] {
  const claims = store.excerpts.list(filter).filter((e) => isClaim(e.stance));
  const links = store.links.forExcerpts(claims.map((c) => c.id));
  const dates = new Map(store.sources.list(filter.dossierId).map((s) => [s.id, s.date]));
  return claims.map((excerpt) => {
    const mine = links.get(excerpt.id) ?? [];
    return {
      excerpt: { ...excerpt, sourceDate: dates.get(excerpt.sourceId) ?? null },
      contradicting: mine.filter((l) => l.kind === 'contradicts'),
      corroborating: mine.filter((l) => l.kind === 'corroborates'),
    };
  });
}
