// Submission drafts and their named versions, and the few reads export needs: the excerpts a draft
// cites (with their sources), the recommendations it refers to, the names that carry a pseudonym,
// and the dossier's "never export" quotes. Audit entries name ids and formats, never draft text.
import { DraftBody, DraftCover, type DraftTemplate, EMPTY_COVER } from '../../shared/draft.ts';
import { UprightError } from '../../shared/errors.ts';
import type { CitedExcerpt, ProtectedQuote, PseudonymousEntity, ReferencedRecommendation } from '../drafts/types.ts';
import { checkpoint } from './database.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';
import { indexDraft, unindex } from './search.ts';

export interface DraftRecord {
  id: string;
  dossierId: string;
  title: string;
  template: DraftTemplate;
  cover: DraftCover;
  body: DraftBody;
  createdAt: string;
  updatedAt: string;
}

export interface NewDraft {
  dossierId: string;
  title: string;
  template: DraftTemplate;
  cover: DraftCover;
  body: DraftBody;
}

export interface DraftPatch {
  title?: string;
  cover?: DraftCover;
  body?: DraftBody;
}

export interface DraftVersionRecord {
  id: string;
  draftId: string;
  name: string;
  template: DraftTemplate;
  cover: DraftCover;
  body: DraftBody;
  createdAt: string;
}

interface DraftRow {
  id: string;
  dossier_id: string;
  title: string;
  template: DraftTemplate;
  cover: string;
  body: string;
  created_at: string;
  updated_at: string;
}

interface VersionRow {
  id: string;
  draft_id: string;
  name: string;
  template: DraftTemplate;
  cover: string;
  body: string;
  created_at: string;
}

/** Autosave writes every few seconds; the audit log notes one edit per draft per this many minutes. */
const EDIT_AUDIT_MINUTES = 10;

/** A stored cover, completed with today's fields: covers saved by an older version lack newer ones. */
function readCover(json: string): DraftCover {
  const parsed = DraftCover.safeParse({ ...EMPTY_COVER, ...(JSON.parse(json) as object) });
  return parsed.success ? parsed.data : EMPTY_COVER;
}

function readBody(json: string): DraftBody {
  const parsed = DraftBody.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : { type: 'doc', content: [] };
}

function toRecord(row: DraftRow): DraftRecord {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    title: row.title,
    template: row.template,
    cover: readCover(row.cover),
    body: readBody(row.body),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toVersion(row: VersionRow): DraftVersionRecord {
  return {
    id: row.id,
    draftId: row.draft_id,
    name: row.name,
    template: row.template,
    cover: readCover(row.cover),
    body: readBody(row.body),
    createdAt: row.created_at,
  };
}

export class DraftRepository extends Repository {
  /** A dossier's drafts, most recently edited first. */
  list(dossierId: string): DraftRecord[] {
    const rows = this.sql
      .get('SELECT * FROM draft WHERE dossier_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC')
      .all(dossierId) as DraftRow[];
    return rows.map(toRecord);
  }

  create(input: NewDraft): DraftRecord {
    const id = uuidv7();
    const now = nowIso();
    this.db.transaction(() => {
      this.sql
        .get(
          `INSERT INTO draft (id, dossier_id, title, template, cover, body, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.dossierId,
          input.title.trim(),
          input.template,
          JSON.stringify(input.cover),
          JSON.stringify(input.body),
          now,
          now,
        );
      this.audit.append({
        action: 'draft.create',
        entityType: 'draft',
        entityId: id,
        summary: `Draft created (${input.template})`,
      });
      indexDraft(this.db, id);
    })();
    return this.require(id);
  }

  get(id: string): DraftRecord | null {
    const row = this.sql.get('SELECT * FROM draft WHERE id = ? AND deleted_at IS NULL').get(id) as DraftRow | undefined;
    return row ? toRecord(row) : null;
  }

  require(id: string): DraftRecord {
    const draft = this.get(id);
    if (!draft) throw new UprightError('DRAFT_NOT_FOUND');
    return draft;
  }

  update(id: string, patch: DraftPatch): DraftRecord {
    const current = this.require(id);
    const rewritten = patch.title !== undefined || patch.body !== undefined;
    this.db.transaction(() => {
      if (rewritten) unindex(this.db, id);
      this.sql
        .get('UPDATE draft SET title = ?, cover = ?, body = ?, updated_at = ? WHERE id = ?')
        .run(
          patch.title?.trim() ?? current.title,
          JSON.stringify(patch.cover ?? current.cover),
          JSON.stringify(patch.body ?? current.body),
          nowIso(),
          id,
        );
      if (rewritten) indexDraft(this.db, id);
      if (!this.#editedRecently(id)) {
        this.audit.append({ action: 'draft.update', entityType: 'draft', entityId: id, summary: 'Draft edited' });
      }
    })();
    return this.require(id);
  }

  /** Deletes a draft: its text and its versions are erased; a tombstone stays for exchange between vaults. */
  remove(id: string): boolean {
    if (!this.get(id)) return false;
    const now = nowIso();
    this.db.transaction(() => {
      unindex(this.db, id);
      this.sql.get('DELETE FROM draft_version WHERE draft_id = ?').run(id);
      this.sql
        .get("UPDATE draft SET deleted_at = ?, updated_at = ?, title = '', cover = '{}', body = '[]' WHERE id = ?")
        .run(now, now, id);
      this.audit.append({
        action: 'draft.delete',
        entityType: 'draft',
        entityId: id,
        summary: 'Draft and its versions deleted',
      });
    })();
    // The erased text's old page images stay in the WAL until a checkpoint.
    checkpoint(this.db);
    return true;
  }

  /** Keeps the draft as it is now under a name. */
  snapshot(id: string, name: string): DraftVersionRecord {
    const draft = this.require(id);
    const versionId = uuidv7();
    const now = nowIso();
    this.db.transaction(() => {
      this.sql
        .get(
          `INSERT INTO draft_version (id, draft_id, name, template, cover, body, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          versionId,
          id,
          name.trim(),
          draft.template,
          JSON.stringify(draft.cover),
          JSON.stringify(draft.body),
          now,
          now,
        );
      this.audit.append({ action: 'draft.snapshot', entityType: 'draft', entityId: id, summary: 'Named version kept' });
    })();
    return this.version(id, versionId);
  }

  /** Named versions, newest first. */
  versions(draftId: string): DraftVersionRecord[] {
    this.require(draftId);
    const rows = this.sql
      .get('SELECT * FROM draft_version WHERE draft_id = ? ORDER BY created_at DESC, id DESC')
      .all(draftId) as VersionRow[];
    return rows.map(toVersion);
  }

  version(draftId: string, versionId: string): DraftVersionRecord {
    const row = this.sql.get('SELECT * FROM draft_version WHERE id = ? AND draft_id = ?').get(versionId, draftId) as
      | VersionRow
      | undefined;
    if (!row) throw new UprightError('DRAFT_VERSION_NOT_FOUND');
    return toVersion(row);
  }

  /** Notes an export in the audit log: format and options, never the file's path or text. */
  recordExport(id: string, summary: string): void {
    this.db.transaction(() => {
      this.audit.append({ action: 'draft.export', entityType: 'draft', entityId: id, summary });
    })();
  }

  #editedRecently(id: string): boolean {
    const last = this.sql
      .get("SELECT action, at FROM audit WHERE entity_type = 'draft' AND entity_id = ? ORDER BY seq DESC LIMIT 1")
      .get(id) as { action: string; at: string } | undefined;
    if (last?.action !== 'draft.update') return false;
    return Date.now() - Date.parse(last.at) < EDIT_AUDIT_MINUTES * 60_000;
  }

  // ── what export reads ──────────────────────────────────────────────────────────────────────────

  /** The cited excerpts with their sources; ids not in the vault come back as `missing`. */
  citedExcerpts(ids: readonly string[]): Map<string, CitedExcerpt> {
    const unique = [...new Set(ids)];
    const rows = this.sql
      .get(
        `SELECT e.id, e.deleted_at AS excerpt_deleted, e.confidentiality, e.page, s.id AS source_id, s.title,
           s.author_organisation, s.document_symbol, s.date_text, s.original_sha256, s.deleted_at AS source_deleted,
           s.kind, s.url, s.accessed_date, s.format, s.rendition_group
         FROM excerpt e JOIN source s ON s.id = e.source_id
         WHERE e.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(unique)) as {
      id: string;
      excerpt_deleted: string | null;
      confidentiality: CitedExcerpt['confidentiality'];
      page: number | null;
      source_id: string;
      title: string;
      author_organisation: string | null;
      document_symbol: string | null;
      date_text: string | null;
      original_sha256: string | null;
      source_deleted: string | null;
      kind: CitedExcerpt['sourceKind'];
      url: string | null;
      accessed_date: string | null;
      format: CitedExcerpt['sourceFormat'];
      rendition_group: string | null;
    }[];
    const found = new Map<string, CitedExcerpt>();
    for (const row of rows) {
      found.set(row.id, {
        id: row.id,
        status: row.excerpt_deleted || row.source_deleted ? 'deleted' : 'live',
        confidentiality: row.confidentiality,
        page: row.page,
        sourceId: row.source_id,
        sourceTitle: row.title,
        authorOrganisation: row.author_organisation,
        documentSymbol: row.document_symbol,
        dateText: row.date_text,
        originalSha256: row.original_sha256,
        sourceKind: row.kind,
        url: row.url,
        accessed: row.accessed_date,
        sourceFormat: row.format ?? null,
        renditionGroup: row.rendition_group,
      });
    }
    for (const id of unique) {
      if (found.has(id)) continue;
      found.set(id, {
        id,
        status: 'missing',
        confidentiality: null,
        page: null,
        sourceId: null,
        sourceTitle: '',
        authorOrganisation: null,
        documentSymbol: null,
        dateText: null,
        originalSha256: null,
      });
    }
    return found;
  }

  /** The recommendations a draft refers to; ids not in the vault come back as `missing`. */
  recommendations(ids: readonly string[], dossierId?: string): Map<string, ReferencedRecommendation> {
    const unique = [...new Set(ids)];
    const rows = this.sql
      .get(
        `SELECT id, dossier_id, mechanism, text, recommending_states, cycle, session, document_symbol, paragraph,
           response, ilo_body, ilo_year, ilo_convention, deleted_at
         FROM recommendation WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(unique)) as {
      id: string;
      dossier_id: string;
      mechanism: 'upr' | 'ilo';
      ilo_body: string | null;
      ilo_year: number | null;
      ilo_convention: string | null;
      text: string;
      recommending_states: string;
      cycle: number | null;
      session: string | null;
      document_symbol: string | null;
      paragraph: string | null;
      response: ReferencedRecommendation['response'];
      deleted_at: string | null;
    }[];
    const found = new Map<string, ReferencedRecommendation>();
    for (const row of rows) {
      const states = JSON.parse(row.recommending_states) as unknown;
      found.set(row.id, {
        id: row.id,
        status: row.deleted_at ? 'deleted' : 'live',
        text: row.text,
        recommendingStates: Array.isArray(states) ? states.filter((s): s is string => typeof s === 'string') : [],
        cycle: row.cycle,
        session: row.session,
        documentSymbol: row.document_symbol,
        paragraph: row.paragraph,
        response: row.response,
        inOtherDossier: dossierId !== undefined && row.dossier_id !== dossierId,
        mechanism: row.mechanism,
        iloBody: row.ilo_body,
        iloYear: row.ilo_year,
        iloConvention: row.ilo_convention,
      });
    }
    for (const id of unique) {
      if (found.has(id)) continue;
      found.set(id, {
        id,
        status: 'missing',
        text: '',
        recommendingStates: [],
        cycle: null,
        session: null,
        documentSymbol: null,
        paragraph: null,
        response: null,
      });
    }
    return found;
  }

  /** Persons and organisations named by a pseudonym on export, or protected. */
  pseudonymousEntities(): PseudonymousEntity[] {
    const rows = this.sql
      .get(
        `SELECT id, kind, name, aliases, pseudonym, sensitivity FROM entity
         WHERE deleted_at IS NULL AND kind IN ('person', 'organisation')
           AND ((pseudonym IS NOT NULL AND trim(pseudonym) <> '') OR sensitivity = 'protected')`,
      )
      .all() as (Omit<PseudonymousEntity, 'aliases'> & { aliases: string })[];
    return rows.map((row) => {
      const aliases = JSON.parse(row.aliases) as unknown;
      return {
        ...row,
        aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
      };
    });
  }

  /**
   * The words of the dossier's excerpts marked "never export", at least `minLength` characters long
   * (shorter ones are not recognisable as a quotation). Served by the excerpt_never_export partial
   * index: the dossier's other excerpts are not read.
   */
  protectedQuotes(dossierId: string, minLength = 0): ProtectedQuote[] {
    return this.sql
      .get(
        `SELECT e.id AS excerptId, e.exact FROM excerpt e JOIN source s ON s.id = e.source_id
         WHERE s.dossier_id = ? AND e.confidentiality = 'never_export' AND e.deleted_at IS NULL
           AND s.deleted_at IS NULL AND length(e.exact) >= ?`,
      )
      .all(dossierId, minLength) as ProtectedQuote[];
  }
}
