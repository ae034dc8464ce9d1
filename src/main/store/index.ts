// The Store: the repositories of one open vault, sharing its connection and its audit log.
// Obtained from Vault.store() while the vault is unlocked; SQL lives in these repositories only.
import { AuditLog } from './audit.ts';
import { BundleRepository } from './bundles.ts';
import { CodeRepository } from './codes.ts';
import { checkpoint, type Db, integrityCheck } from './database.ts';
import { DossierRepository } from './dossiers.ts';
import { DraftRepository } from './drafts.ts';
import { EntityRepository } from './entities.ts';
import { EventRepository } from './events.ts';
import { ExcerptRepository } from './excerpts.ts';
import { IdentityRepository } from './identity.ts';
import { LinkRepository } from './links.ts';
import { MentionRepository } from './mentions.ts';
import { RecommendationImportRepository } from './recommendation-import.ts';
import { RecommendationRepository } from './recommendations.ts';
import { SearchRepository } from './search.ts';
import { SettingsRepository } from './settings.ts';
import { SourceRepository } from './sources.ts';
import { SuggestionCacheRepository } from './suggestion-cache.ts';

export type { AuditEntry, AuditInput } from './audit.ts';
export type { CodeRecord, NewCode } from './codes.ts';
export type { DossierRecord, NewDossier, TargetReview } from './dossiers.ts';
export type { DraftPatch, DraftRecord, DraftVersionRecord, NewDraft } from './drafts.ts';
export type {
  EntityExcerpt,
  EntityFilter,
  EntityMentions,
  EntityPatch,
  EntityRecord,
  MentioningSource,
  NewEntity,
} from './entities.ts';
export type { EventEvidenceRecord, EventParticipantRecord, EventPatch, EventRecord, NewEvent } from './events.ts';
export type {
  ClaimExcerpt,
  Confidentiality,
  ExcerptFilter,
  ExcerptListItem,
  ExcerptPatch,
  ExcerptRecord,
  ExcerptSearchHit,
  NewExcerpt,
  SearchMatch,
  Stance,
} from './excerpts.ts';
export type { ColleagueRecord, IdentityKeys } from './identity.ts';
export type { ExcerptLinkView, LinkEnd, LinkRecord, NewLink } from './links.ts';
export type { EntityMentionListItem, MentionRecord, MentionStatus, NewMention } from './mentions.ts';
export type {
  MatrixRowRecord,
  RecommendationEvidenceRecord,
  RecommendationInput,
  RecommendationPatch,
  RecommendationRecord,
} from './recommendations.ts';
export type { VaultSettings } from './settings.ts';
export type {
  NewSource,
  OriginalsReport,
  SourceBlock,
  SourceDetail,
  SourceFormat,
  SourceKind,
  SourcePatch,
  SourceRecord,
  SourceSummary,
} from './sources.ts';

export interface StoreOptions {
  /** Who the audit log names for changes made through this store. */
  actor?: string;
  /** HMAC key for the audit head (auditHeadKey(dataKey)); the vault passes it and zeroes it on lock. */
  auditHeadKey?: Buffer | null;
}

export class Store {
  readonly audit: AuditLog;
  readonly settings: SettingsRepository;
  readonly dossiers: DossierRepository;
  readonly sources: SourceRepository;
  readonly excerpts: ExcerptRepository;
  readonly codes: CodeRepository;
  readonly entities: EntityRepository;
  readonly drafts: DraftRepository;
  readonly events: EventRepository;
  readonly recommendations: RecommendationRepository;
  readonly links: LinkRepository;
  readonly mentions: MentionRepository;
  readonly suggestions: SuggestionCacheRepository;
  readonly search: SearchRepository;
  readonly recommendationImport: RecommendationImportRepository;
  readonly identity: IdentityRepository;
  readonly bundles: BundleRepository;
  readonly #db: Db;

  constructor(db: Db, options: StoreOptions = {}) {
    this.#db = db;
    this.audit = new AuditLog(db, options.actor ?? 'owner', options.auditHeadKey ?? null);
    this.settings = new SettingsRepository(db, this.audit);
    this.dossiers = new DossierRepository(db, this.audit);
    this.sources = new SourceRepository(db, this.audit);
    this.excerpts = new ExcerptRepository(db, this.audit);
    this.codes = new CodeRepository(db, this.audit);
    this.entities = new EntityRepository(db, this.audit);
    this.drafts = new DraftRepository(db, this.audit);
    this.events = new EventRepository(db, this.audit);
    this.recommendations = new RecommendationRepository(db, this.audit);
    this.links = new LinkRepository(db, this.audit);
    this.mentions = new MentionRepository(db, this.audit);
    this.suggestions = new SuggestionCacheRepository(db, this.audit);
    this.search = new SearchRepository(db, this.audit);
    this.recommendationImport = new RecommendationImportRepository(db, this.audit);
    this.identity = new IdentityRepository(db, this.audit);
    this.bundles = new BundleRepository(db, this.audit);
  }

  /** Runs fn in one transaction (nested calls become savepoints): all of it commits, or none. */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  /**
   * Empties the WAL into the database. Repositories that hard-delete call this afterwards: until
   * then the old page images (encrypted, but still the deleted content) remain in the WAL.
   */
  checkpoint(): void {
    checkpoint(this.#db);
  }

  /** SQLite's integrity_check lines (["ok"] when sound). */
  integrityCheck(): string[] {
    return integrityCheck(this.#db);
  }
}
