// What the draft modules need to know about the vault, read by the store (src/main/store/drafts.ts)
// in a few queries and handed over as plain data, so every module here stays pure and testable.

import type { Confidentiality, EntityKind, EntitySensitivity, SourceKind } from '../../shared/domain.ts';
import type { DraftBody, DraftCover, DraftTemplate } from '../../shared/draft.ts';
import type { RecommendationMechanism, RecommendationResponse } from '../../shared/recommendations.ts';
import type { SourceFormat } from '../ingest/types.ts';

/** A cited excerpt with what its footnote names. `missing`: the id is not in this vault at all. */
export interface CitedExcerpt {
  id: string;
  status: 'live' | 'deleted' | 'missing';
  confidentiality: Confidentiality | null;
  page: number | null;
  sourceId: string | null;
  sourceTitle: string;
  authorOrganisation: string | null;
  documentSymbol: string | null;
  /** Possibly partial: "2022", "2022-06", "2022-06-30". */
  dateText: string | null;
  originalSha256: string | null;
  /** What the citation format asks of the note depends on it (UPR-SUBMISSION.md, "Citation formats"). */
  sourceKind?: SourceKind | null;
  /** The web address the source was read at, and the day (YYYY-MM-DD, or partial when typed). */
  url?: string | null;
  accessed?: string | null;
  /** The file format of the source; renditions of one document differ only here. */
  sourceFormat?: SourceFormat | null;
  /** Shared by sources linked as renditions of one document (its PDF and its Word file). */
  renditionGroup?: string | null;
}

/** A person or organisation whose names must not leave the vault as written. */
export interface PseudonymousEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** "a local union leader"; null for a protected entity nobody has given one yet. */
  pseudonym: string | null;
  sensitivity: EntitySensitivity;
}

/** An earlier UPR recommendation a draft refers to. */
export interface ReferencedRecommendation {
  id: string;
  status: 'live' | 'deleted' | 'missing';
  text: string;
  recommendingStates: string[];
  cycle: number | null;
  /** UPR Working Group session, as stored: "34". */
  session: string | null;
  /** The Working Group report: "A/HRC/43/10". */
  documentSymbol: string | null;
  /** "140.12" */
  paragraph: string | null;
  response: RecommendationResponse | null;
  /** Tracked in another dossier than the draft's (the tracker of this review does not hold it). */
  inOtherDossier?: boolean;
  /** An ILO supervisory body's request rather than a UPR recommendation (UPR when not said). */
  mechanism?: RecommendationMechanism;
  iloBody?: string | null;
  iloYear?: number | null;
  iloConvention?: string | null;
}

/** The draft itself, as the store keeps it. */
export interface DraftContent {
  id: string;
  title: string;
  template: DraftTemplate;
  cover: DraftCover;
  body: DraftBody;
}

/** What the dossier says about the review the draft is for. */
export interface DossierReview {
  /** ISO 3166-1 alpha-3 */
  country: string | null;
  cycle: number | null;
  session: string | null;
  /** YYYY-MM-DD */
  deadline: string | null;
  themes: string[];
}

/** The words of an excerpt marked "never export", to catch it pasted into the text without a citation. */
export interface ProtectedQuote {
  excerptId: string;
  exact: string;
}

/** Everything export, checks and redaction read: the draft and what it points at. */
export interface DraftContext {
  draft: DraftContent;
  dossier: DossierReview;
  excerpts: Map<string, CitedExcerpt>;
  recommendations: Map<string, ReferencedRecommendation>;
  entities: PseudonymousEntity[];
  /**
   * The dossier's excerpts marked "never export", long enough to be recognised when pasted: read
   * when first asked for (only the checks need them), then kept for this context.
   */
  protectedQuotes: () => ProtectedQuote[];
}
