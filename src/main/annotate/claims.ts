// The Claims view: each claim, denial or acknowledgement by the State, beside the excerpts linked to
// it as contradicting or corroborating it. Composed from the excerpt repository's claims (filtered by
// code and entity exactly as the list is) and the links; no SQL here.
import { CLAIM_STANCES, type ClaimStance } from '../../shared/domain.ts';
import type { ClaimExcerpt, ExcerptLinkView, Store } from '../store/index.ts';

export interface ClaimWithEvidence {
  excerpt: ClaimExcerpt;
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
  const claims = store.excerpts.claims(filter);
  const links = store.links.forExcerpts(claims.map((c) => c.id));
  return claims.map((excerpt) => {
    const mine = links.get(excerpt.id) ?? [];
    return {
      excerpt,
      contradicting: mine.filter((l) => l.kind === 'contradicts'),
      corroborating: mine.filter((l) => l.kind === 'corroborates'),
    };
  });
}
