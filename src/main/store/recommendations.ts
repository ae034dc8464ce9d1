// The recommendations tracker (issue 14): a dossier's earlier recommendations with the State's
// response, our assessment and the excerpts that show it. Lists page by (position, id) — the order
// they were imported or typed — and filter in SQL; themes and States are JSON arrays read with
// json_each; codes (further themes) and evidence come in one batched query each for a page. Audit
// entries carry ids, never words.

import { cutPage, DEFAULT_PAGE_SIZE, decodeCursor, type Page } from '../../shared/api/paging.ts';
import type { AssessmentFilter, RecommendationFilter } from '../../shared/api/recommendations.ts';
import type { Confidentiality, SourceKind } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import {
  RECOMMENDATION_DEFAULTS,
  type RecommendationAssessment,
  type RecommendationFields,
  recommendationImportKey,
} from '../../shared/recommendations.ts';
import { foldText } from './excerpts.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

export interface RecommendationEvidenceRecord {
  excerptId: string;
  sourceId: string;
  sourceTitle: string;
  sourceKind: SourceKind;
  exact: string;
  page: number | null;
  confidentiality: Confidentiality;
}

export interface RecommendationRecord extends RecommendationFields {
  id: string;
  dossierId: string;
  assessment: RecommendationAssessment | null;
  assessmentNote: string;
  codes: { id: string; name: string; color: string | null }[];
  evidenceCount: number;
  evidence: RecommendationEvidenceRecord[];
  createdAt: string;
  updatedAt: string;
}

export type RecommendationInput = Partial<RecommendationFields> & { text: string; codeIds?: string[] };
export type RecommendationPatch = Partial<RecommendationFields> & { codeIds?: string[] };

export type AssessmentCounts = Record<AssessmentFilter, number>;

export interface MatrixRowRecord {
  theme: string | null;
  codeId: string | null;
  label: string;
  counts: AssessmentCounts;
  total: number;
}

interface Row {
  id: string;
  dossier_id: string;
  mechanism: RecommendationFields['mechanism'];
  text: string;
  recommending_states: string;
  cycle: number | null;
  session: string | null;
  document_symbol: string | null;
  paragraph: string | null;
  response: RecommendationFields['response'];
  themes: string;
  ilo_body: RecommendationFields['iloBody'];
  ilo_year: number | null;
  ilo_convention: string | null;
  assessment: RecommendationAssessment | null;
  assessment_note: string;
  position: number;
  created_at: string;
  updated_at: string;
  evidence_count: number;
}

const FOLD = 'upright_fold_recommendation';

const LIVE_EVIDENCE = `FROM recommendation_evidence v JOIN excerpt x ON x.id = v.excerpt_id AND x.deleted_at IS NULL
  JOIN source s ON s.id = x.source_id AND s.deleted_at IS NULL WHERE v.deleted_at IS NULL`;

const SELECT = `SELECT r.*, (SELECT count(*) ${LIVE_EVIDENCE} AND v.recommendation_id = r.id) AS evidence_count
  FROM recommendation r WHERE r.deleted_at IS NULL`;

function strings(json: string): string[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

/** Trimmed, no blanks, no repeats (in the order given). */
function tidyList(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

const blankOrTrim = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export function emptyCounts(): AssessmentCounts {
  return { implemented: 0, partially_implemented: 0, not_implemented: 0, no_information: 0, unassessed: 0 };
}

export class RecommendationRepository extends Repository {
  constructor(...args: ConstructorParameters<typeof Repository>) {
    super(...args);
    this.db.function(FOLD, { deterministic: true }, (text: unknown) => foldText(String(text ?? '')));
  }

  /** One page of a dossier's recommendations in their order, filtered; the total counts the whole filtered list. */
  page(filter: RecommendationFilter, limit = DEFAULT_PAGE_SIZE, cursor?: string): Page<RecommendationRecord> {
    const { where, params } = this.#where(filter);
    const after = cursor ? decodeCursor(cursor, 'recommendation.list', { ...filter }, ['n', 's']) : null;
    const keyset = after ? ' AND (r.position, r.id) > (@k0, @k1)' : '';
    const rows = this.sql
      .get(`${SELECT}${where}${keyset} ORDER BY r.position, r.id LIMIT @limit`)
      .all({ ...params, k0: after?.[0] ?? null, k1: after?.[1] ?? null, limit: limit + 1 }) as Row[];
    const total = Number(
      this.sql.get(`SELECT count(*) FROM recommendation r WHERE r.deleted_at IS NULL${where}`).pluck().get(params),
    );
    return cutPage(
      rows,
      limit,
      total,
      (kept) => this.#complete(kept, false),
      (row) => [row.position, row.id],
      'recommendation.list',
      { ...filter },
    );
  }

  /** Every recommendation the filter keeps, in order, with its evidence (the draft's table, exports). */
  all(filter: RecommendationFilter): RecommendationRecord[] {
    const { where, params } = this.#where(filter);
    const rows = this.sql.get(`${SELECT}${where} ORDER BY r.position, r.id`).all(params) as Row[];
    return this.#complete(rows, true);
  }

  #where(filter: RecommendationFilter): { where: string; params: Record<string, unknown> } {
    let where = ' AND r.dossier_id = @dossierId';
    if (filter.mechanism) where += ' AND r.mechanism = @mechanism';
    if (filter.cycle !== undefined) where += ' AND r.cycle = @cycle';
    if (filter.response) where += ' AND r.response = @response';
    if (filter.assessment === 'unassessed') where += ' AND r.assessment IS NULL';
    else if (filter.assessment) where += ' AND r.assessment = @assessment';
    if (filter.theme) where += ' AND EXISTS (SELECT 1 FROM json_each(r.themes) t WHERE t.value = @theme)';
    if (filter.codeId)
      where +=
        ' AND EXISTS (SELECT 1 FROM recommendation_code c WHERE c.recommendation_id = r.id AND c.code_id = @codeId)';
    if (filter.state) where += ' AND EXISTS (SELECT 1 FROM json_each(r.recommending_states) t WHERE t.value = @state)';
    if (filter.excerptId)
      where +=
        ' AND EXISTS (SELECT 1 FROM recommendation_evidence v WHERE v.recommendation_id = r.id AND v.excerpt_id = @excerptId AND v.deleted_at IS NULL)';
    const words = foldText(filter.text ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 8);
    const params: Record<string, unknown> = {
      dossierId: filter.dossierId,
      mechanism: filter.mechanism ?? null,
      cycle: filter.cycle ?? null,
      response: filter.response ?? null,
      assessment: filter.assessment ?? null,
      theme: filter.theme ?? null,
      codeId: filter.codeId ?? null,
      state: filter.state ?? null,
      excerptId: filter.excerptId ?? null,
    };
    words.forEach((word, i) => {
      where += ` AND instr(${FOLD}(r.text || ' ' || r.recommending_states || ' ' || coalesce(r.document_symbol, '') || ' ' || coalesce(r.paragraph, '') || ' ' || coalesce(r.ilo_convention, '')), @w${i}) > 0`;
      params[`w${i}`] = word;
    });
    return { where, params };
  }

  get(id: string): RecommendationRecord | null {
    const row = this.sql.get(`${SELECT} AND r.id = ?`).get(id) as Row | undefined;
    return row ? (this.#complete([row], true)[0] ?? null) : null;
  }

  require(id: string): RecommendationRecord {
    const found = this.get(id);
    if (!found) throw new UprightError('RECOMMENDATION_NOT_FOUND');
    return found;
  }

  /**
   * Adds a recommendation at the end of the dossier's list. With `importKey` (an import), one already
   * in the dossier under that key is returned instead (`created: false`).
   */
  create(
    dossierId: string,
    input: RecommendationInput,
    options: { imported?: boolean } = {},
  ): { recommendation: RecommendationRecord; created: boolean } {
    const live = this.sql.get('SELECT 1 FROM dossier WHERE id = ? AND deleted_at IS NULL').pluck().get(dossierId);
    if (!live) throw new UprightError('DOSSIER_NOT_FOUND');
    const fields = { ...RECOMMENDATION_DEFAULTS, ...input };
    const text = fields.text.trim();
    if (!text) throw new UprightError('RECOMMENDATION_TEXT_NEEDED');
    const importKey = options.imported
      ? recommendationImportKey({ documentSymbol: fields.documentSymbol, paragraph: fields.paragraph, text })
      : null;
    if (importKey !== null) {
      const existing = this.sql
        .get('SELECT id FROM recommendation WHERE dossier_id = ? AND import_key = ? AND deleted_at IS NULL')
        .pluck()
        .get(dossierId, importKey) as string | undefined;
      if (existing) return { recommendation: this.require(existing), created: false };
    }
    const id = uuidv7();
    const now = nowIso();
    this.db.transaction(() => {
      const position =
        Number(
          this.sql.get('SELECT max(position) FROM recommendation WHERE dossier_id = ?').pluck().get(dossierId) ?? 0,
        ) + 1;
      this.sql
        .get(
          `INSERT INTO recommendation (id, dossier_id, mechanism, text, recommending_states, cycle, session,
             document_symbol, paragraph, response, themes, ilo_body, ilo_year, ilo_convention, position,
             created_at, updated_at${importKey !== null ? ', import_key' : ''})
           VALUES (@id, @dossierId, @mechanism, @text, @states, @cycle, @session, @symbol, @paragraph, @response,
             @themes, @iloBody, @iloYear, @iloConvention, @position, @now, @now${importKey !== null ? ', @importKey' : ''})`,
        )
        .run({
          id,
          dossierId,
          mechanism: fields.mechanism,
          text,
          states: JSON.stringify(tidyList(fields.recommendingStates)),
          cycle: fields.cycle,
          session: blankOrTrim(fields.session),
          symbol: blankOrTrim(fields.documentSymbol),
          paragraph: blankOrTrim(fields.paragraph),
          response: fields.response,
          themes: JSON.stringify(tidyList(fields.themes)),
          iloBody: fields.iloBody,
          iloYear: fields.iloYear,
          iloConvention: blankOrTrim(fields.iloConvention),
          position,
          now,
          ...(importKey !== null ? { importKey } : {}),
        });
      if (input.codeIds) this.#setCodes(id, input.codeIds);
      this.audit.append({
        action: options.imported ? 'recommendation.import' : 'recommendation.create',
        entityType: 'recommendation',
        entityId: id,
        summary: 'Recommendation added',
      });
    })();
    return { recommendation: this.require(id), created: true };
  }

  update(id: string, patch: RecommendationPatch): RecommendationRecord {
    this.require(id);
    const columns: [keyof RecommendationFields, string, (v: never) => unknown][] = [
      ['mechanism', 'mechanism', (v: string) => v],
      ['text', 'text', (v: string) => v.trim()],
      ['recommendingStates', 'recommending_states', (v: string[]) => JSON.stringify(tidyList(v))],
      ['cycle', 'cycle', (v: number | null) => v],
      ['session', 'session', blankOrTrim],
      ['documentSymbol', 'document_symbol', blankOrTrim],
      ['paragraph', 'paragraph', blankOrTrim],
      ['response', 'response', (v: string | null) => v],
      ['themes', 'themes', (v: string[]) => JSON.stringify(tidyList(v))],
      ['iloBody', 'ilo_body', (v: string | null) => v],
      ['iloYear', 'ilo_year', (v: number | null) => v],
      ['iloConvention', 'ilo_convention', blankOrTrim],
    ];
    if (patch.text !== undefined && !patch.text.trim()) throw new UprightError('RECOMMENDATION_TEXT_NEEDED');
    this.db.transaction(() => {
      const sets: string[] = [];
      const values: Record<string, unknown> = { id, now: nowIso() };
      for (const [field, column, convert] of columns) {
        if (patch[field] === undefined) continue;
        sets.push(`${column} = @${field}`);
        values[field] = convert(patch[field] as never);
      }
      // Not a prepared-once statement: the set of columns varies with the patch.
      this.db
        .prepare(`UPDATE recommendation SET ${[...sets, 'updated_at = @now'].join(', ')} WHERE id = @id`)
        .run(values);
      if (patch.codeIds) this.#setCodes(id, patch.codeIds);
      this.audit.append({
        action: 'recommendation.update',
        entityType: 'recommendation',
        entityId: id,
        summary: 'Recommendation changed',
      });
    })();
    return this.require(id);
  }

  /** Removes a recommendation: its words are erased, a tombstone stays (a draft's reference then says so). */
  remove(id: string): boolean {
    if (!this.get(id)) return false;
    const now = nowIso();
    this.db.transaction(() => {
      this.sql.get('DELETE FROM recommendation_evidence WHERE recommendation_id = ?').run(id);
      this.sql.get('DELETE FROM recommendation_code WHERE recommendation_id = ?').run(id);
      this.sql
        .get(
          `UPDATE recommendation SET deleted_at = ?, updated_at = ?, text = '', recommending_states = '[]',
             themes = '[]', assessment_note = '' WHERE id = ?`,
        )
        .run(now, now, id);
      this.audit.append({
        action: 'recommendation.delete',
        entityType: 'recommendation',
        entityId: id,
        summary: 'Recommendation removed',
      });
    })();
    return true;
  }

  assess(id: string, assessment: RecommendationAssessment | null, note?: string): RecommendationRecord {
    this.require(id);
    this.db.transaction(() => {
      if (note !== undefined) {
        this.sql
          .get('UPDATE recommendation SET assessment = ?, assessment_note = ?, updated_at = ? WHERE id = ?')
          .run(assessment, note, nowIso(), id);
      } else {
        this.sql
          .get('UPDATE recommendation SET assessment = ?, updated_at = ? WHERE id = ?')
          .run(assessment, nowIso(), id);
      }
      this.audit.append({
        action: 'recommendation.assess',
        entityType: 'recommendation',
        entityId: id,
        summary: `Assessed: ${assessment ?? 'none'}`,
      });
    })();
    return this.require(id);
  }

  addEvidence(id: string, excerptId: string): RecommendationRecord {
    const rec = this.require(id);
    this.db.transaction(() => {
      this.#assertExcerptOf(rec.dossierId, excerptId);
      // A link removed earlier may have left a tombstone row: bring it back.
      this.sql
        .get(
          `INSERT INTO recommendation_evidence (recommendation_id, excerpt_id) VALUES (?, ?)
           ON CONFLICT (recommendation_id, excerpt_id) DO UPDATE SET deleted_at = NULL`,
        )
        .run(id, excerptId);
      this.#touch(id, 'Evidence added');
    })();
    return this.require(id);
  }

  removeEvidence(id: string, excerptId: string): RecommendationRecord {
    this.require(id);
    this.db.transaction(() => {
      this.sql
        .get('DELETE FROM recommendation_evidence WHERE recommendation_id = ? AND excerpt_id = ?')
        .run(id, excerptId);
      this.#touch(id, 'Evidence removed');
    })();
    return this.require(id);
  }

  /** Removes an excerpt from every recommendation it shows (the excerpt is being deleted); returns how many. */
  removeEvidenceOf(excerptId: string): number {
    return this.sql.get('DELETE FROM recommendation_evidence WHERE excerpt_id = ?').run(excerptId).changes;
  }

  /** Counts by theme (UPR themes alphabetically, then codes) and assessment; a recommendation counts under each of its themes. */
  matrix(
    dossierId: string,
    mechanism?: RecommendationFields['mechanism'],
  ): {
    rows: MatrixRowRecord[];
    unthemed: AssessmentCounts;
    total: number;
  } {
    const scope = `r.dossier_id = @dossierId AND r.deleted_at IS NULL${mechanism ? ' AND r.mechanism = @mechanism' : ''}`;
    const params = { dossierId, mechanism: mechanism ?? null };
    const themed = this.sql
      .get(
        `SELECT t.value AS theme, r.assessment, count(*) AS n FROM recommendation r, json_each(r.themes) t
         WHERE ${scope} GROUP BY t.value, r.assessment`,
      )
      .all(params) as { theme: string; assessment: RecommendationAssessment | null; n: number }[];
    const coded = this.sql
      .get(
        `SELECT c.id, c.name, r.assessment, count(*) AS n FROM recommendation r
         JOIN recommendation_code rc ON rc.recommendation_id = r.id JOIN code c ON c.id = rc.code_id AND c.deleted_at IS NULL
         WHERE ${scope} GROUP BY c.id, r.assessment`,
      )
      .all(params) as { id: string; name: string; assessment: RecommendationAssessment | null; n: number }[];
    const bare = this.sql
      .get(
        `SELECT r.assessment, count(*) AS n FROM recommendation r WHERE ${scope} AND json_array_length(r.themes) = 0
         AND NOT EXISTS (SELECT 1 FROM recommendation_code rc JOIN code c ON c.id = rc.code_id AND c.deleted_at IS NULL
           WHERE rc.recommendation_id = r.id)
         GROUP BY r.assessment`,
      )
      .all(params) as { assessment: RecommendationAssessment | null; n: number }[];
    const total = Number(this.sql.get(`SELECT count(*) FROM recommendation r WHERE ${scope}`).pluck().get(params));
    const key = (a: RecommendationAssessment | null): AssessmentFilter => a ?? 'unassessed';
    const themes = new Map<string, MatrixRowRecord>();
    for (const t of themed) {
      const row = themes.get(t.theme) ?? {
        theme: t.theme,
        codeId: null,
        label: t.theme,
        counts: emptyCounts(),
        total: 0,
      };
      row.counts[key(t.assessment)] += t.n;
      row.total += t.n;
      themes.set(t.theme, row);
    }
    const codes = new Map<string, MatrixRowRecord>();
    for (const c of coded) {
      const row = codes.get(c.id) ?? { theme: null, codeId: c.id, label: c.name, counts: emptyCounts(), total: 0 };
      row.counts[key(c.assessment)] += c.n;
      row.total += c.n;
      codes.set(c.id, row);
    }
    const unthemed = emptyCounts();
    for (const b of bare) unthemed[key(b.assessment)] += b.n;
    const byLabel = (a: MatrixRowRecord, b: MatrixRowRecord) => a.label.localeCompare(b.label, 'en');
    return { rows: [...[...themes.values()].sort(byLabel), ...[...codes.values()].sort(byLabel)], unthemed, total };
  }

  /** The cycles, States, themes and codes a dossier's recommendations hold, for the filters. */
  facets(dossierId: string): {
    cycles: number[];
    states: string[];
    themes: string[];
    codes: { id: string; name: string; color: string | null }[];
  } {
    const scope = 'r.dossier_id = ? AND r.deleted_at IS NULL';
    const cycles = this.sql
      .get(`SELECT DISTINCT r.cycle FROM recommendation r WHERE ${scope} AND r.cycle IS NOT NULL ORDER BY r.cycle`)
      .pluck()
      .all(dossierId) as number[];
    const states = this.sql
      .get(`SELECT DISTINCT t.value FROM recommendation r, json_each(r.recommending_states) t WHERE ${scope}`)
      .pluck()
      .all(dossierId) as string[];
    const themes = this.sql
      .get(`SELECT DISTINCT t.value FROM recommendation r, json_each(r.themes) t WHERE ${scope}`)
      .pluck()
      .all(dossierId) as string[];
    const codes = this.sql
      .get(
        `SELECT DISTINCT c.id, c.name, c.colour AS color FROM recommendation r JOIN recommendation_code rc ON rc.recommendation_id = r.id
         JOIN code c ON c.id = rc.code_id AND c.deleted_at IS NULL WHERE ${scope} ORDER BY c.name COLLATE NOCASE`,
      )
      .all(dossierId) as { id: string; name: string; color: string | null }[];
    const byName = (a: string, b: string) => a.localeCompare(b);
    return { cycles, states: states.sort(byName), themes: themes.sort(byName), codes };
  }

  #touch(id: string, summary: string): void {
    this.sql.get('UPDATE recommendation SET updated_at = ? WHERE id = ?').run(nowIso(), id);
    this.audit.append({ action: 'recommendation.update', entityType: 'recommendation', entityId: id, summary });
  }

  #assertExcerptOf(dossierId: string, excerptId: string): void {
    const dossier = this.sql
      .get(
        `SELECT s.dossier_id FROM excerpt x JOIN source s ON s.id = x.source_id
         WHERE x.id = ? AND x.deleted_at IS NULL AND s.deleted_at IS NULL`,
      )
      .pluck()
      .get(excerptId) as string | undefined;
    if (!dossier) throw new UprightError('EXCERPT_NOT_FOUND');
    if (dossier !== dossierId) throw new UprightError('RECOMMENDATION_EVIDENCE_ELSEWHERE');
  }

  #setCodes(id: string, codeIds: readonly string[]): void {
    this.sql.get('DELETE FROM recommendation_code WHERE recommendation_id = ?').run(id);
    const insert = this.sql.get('INSERT OR IGNORE INTO recommendation_code (recommendation_id, code_id) VALUES (?, ?)');
    for (const codeId of codeIds) {
      const live = this.sql.get('SELECT 1 FROM code WHERE id = ? AND deleted_at IS NULL').pluck().get(codeId);
      if (!live) throw new UprightError('CODE_NOT_FOUND');
      insert.run(id, codeId);
    }
  }

  /** Rows as records: codes for all of them in one query, evidence (when asked) in another. */
  #complete(rows: Row[], withEvidence: boolean): RecommendationRecord[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const codes = this.sql
      .get(
        `SELECT rc.recommendation_id, c.id, c.name, c.colour AS color FROM recommendation_code rc
         JOIN code c ON c.id = rc.code_id AND c.deleted_at IS NULL
         WHERE rc.recommendation_id IN (SELECT value FROM json_each(?)) ORDER BY c.name COLLATE NOCASE`,
      )
      .all(ids) as { recommendation_id: string; id: string; name: string; color: string | null }[];
    const evidence = withEvidence
      ? (this.sql
          .get(
            `SELECT v.recommendation_id, x.id AS excerpt_id, x.source_id, s.title, s.kind, x.exact, x.page, x.confidentiality
             ${LIVE_EVIDENCE} AND v.recommendation_id IN (SELECT value FROM json_each(?))
             ORDER BY s.title, x.start_offset`,
          )
          .all(ids) as {
          recommendation_id: string;
          excerpt_id: string;
          source_id: string;
          title: string;
          kind: SourceKind;
          exact: string;
          page: number | null;
          confidentiality: Confidentiality;
        }[])
      : [];
    return rows.map((row) => ({
      id: row.id,
      dossierId: row.dossier_id,
      mechanism: row.mechanism,
      text: row.text,
      recommendingStates: strings(row.recommending_states),
      cycle: row.cycle,
      session: row.session,
      documentSymbol: row.document_symbol,
      paragraph: row.paragraph,
      response: row.response,
      themes: strings(row.themes),
      iloBody: row.ilo_body,
      iloYear: row.ilo_year,
      iloConvention: row.ilo_convention,
      assessment: row.assessment,
      assessmentNote: row.assessment_note,
      codes: codes.filter((c) => c.recommendation_id === row.id).map(({ id, name, color }) => ({ id, name, color })),
      evidenceCount: row.evidence_count,
      evidence: evidence
        .filter((e) => e.recommendation_id === row.id)
        .map((e) => ({
          excerptId: e.excerpt_id,
          sourceId: e.source_id,
          sourceTitle: e.title,
          sourceKind: e.kind,
          exact: e.exact,
          page: e.page,
          confidentiality: e.confidentiality,
        })),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }
}
