// Dossiers: one case file per country review — what it is about, the review it targets, and how
// many sources it holds. Archiving hides a dossier from the list without deleting anything.
import type { DossierStatus } from '../../shared/domain.ts';
import { UprightError } from '../../shared/errors.ts';
import { nowIso, uuidv7 } from './ids.ts';
import { Repository } from './repository.ts';

export interface TargetReview {
  mechanism: string | null;
  cycle: number | null;
  session: string | null;
  /** YYYY-MM-DD */
  deadline: string | null;
}

export interface NewDossier {
  title: string;
  /** ISO 3166-1 alpha-3, e.g. "KAZ". */
  country?: string | null;
  themes?: string[];
  summary?: string;
  targetReview?: Partial<TargetReview>;
}

export interface DossierRecord {
  id: string;
  title: string;
  country: string | null;
  themes: string[];
  summary: string;
  status: DossierStatus;
  targetReview: TargetReview;
  sourceCount: number;
  createdAt: string;
  updatedAt: string;
}

interface DossierRow {
  id: string;
  title: string;
  country: string | null;
  themes: string;
  summary: string;
  status: DossierStatus;
  review_mechanism: string | null;
  review_cycle: number | null;
  review_session: string | null;
  submission_deadline: string | null;
  created_at: string;
  updated_at: string;
  source_count: number;
}

const SELECT = `SELECT d.*, (SELECT count(*) FROM source s WHERE s.dossier_id = d.id AND s.deleted_at IS NULL) AS source_count
  FROM dossier d WHERE d.deleted_at IS NULL`;

function toRecord(row: DossierRow): DossierRecord {
  return {
    id: row.id,
    title: row.title,
    country: row.country,
    themes: JSON.parse(row.themes) as string[],
    summary: row.summary,
    status: row.status,
    targetReview: {
      mechanism: row.review_mechanism,
      cycle: row.review_cycle,
      session: row.review_session,
      deadline: row.submission_deadline,
    },
    sourceCount: row.source_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class DossierRepository extends Repository {
  create(input: NewDossier): DossierRecord {
    const id = uuidv7();
    const now = nowIso();
    const review = input.targetReview ?? {};
    this.db.transaction(() => {
      this.sql
        .get(
          `INSERT INTO dossier (id, title, country, themes, summary, review_mechanism, review_cycle, review_session,
             submission_deadline, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.title,
          input.country ?? null,
          JSON.stringify(input.themes ?? []),
          input.summary ?? '',
          review.mechanism ?? null,
          review.cycle ?? null,
          review.session ?? null,
          review.deadline ?? null,
          now,
          now,
        );
      this.audit.append({ action: 'dossier.create', entityType: 'dossier', entityId: id, summary: 'Dossier created' });
    })();
    return this.require(id);
  }

  get(id: string): DossierRecord | null {
    const row = this.sql.get(`${SELECT} AND d.id = ?`).get(id) as DossierRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** The dossier, or NOT_FOUND in words a person understands. */
  require(id: string): DossierRecord {
    const dossier = this.get(id);
    if (!dossier) throw new UprightError('DOSSIER_NOT_FOUND');
    return dossier;
  }

  /** Newest first; archived dossiers only when asked for. */
  list(options: { includeArchived?: boolean } = {}): DossierRecord[] {
    const rows = this.sql
      .get(`${SELECT} AND (? OR d.status <> 'archived') ORDER BY d.created_at DESC, d.id DESC`)
      .all(options.includeArchived ? 1 : 0) as DossierRow[];
    return rows.map(toRecord);
  }

  update(
    id: string,
    patch: Partial<Omit<NewDossier, 'targetReview'>> & { targetReview?: Partial<TargetReview> },
  ): DossierRecord {
    const current = this.require(id);
    const review = { ...current.targetReview, ...patch.targetReview };
    this.db.transaction(() => {
      this.sql
        .get(
          `UPDATE dossier SET title = ?, country = ?, themes = ?, summary = ?, review_mechanism = ?, review_cycle = ?,
             review_session = ?, submission_deadline = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          patch.title ?? current.title,
          patch.country !== undefined ? patch.country : current.country,
          JSON.stringify(patch.themes ?? current.themes),
          patch.summary ?? current.summary,
          review.mechanism,
          review.cycle,
          review.session,
          review.deadline,
          nowIso(),
          id,
        );
      this.audit.append({
        action: 'dossier.update',
        entityType: 'dossier',
        entityId: id,
        summary: 'Dossier details changed',
      });
    })();
    return this.require(id);
  }

  setArchived(id: string, archived: boolean): DossierRecord {
    const current = this.require(id);
    const status: DossierStatus = archived ? 'archived' : 'active';
    if (current.status === status) return current;
    this.db.transaction(() => {
      this.sql.get('UPDATE dossier SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(), id);
      this.audit.append({
        action: archived ? 'dossier.archive' : 'dossier.restore',
        entityType: 'dossier',
        entityId: id,
        summary: archived ? 'Dossier archived' : 'Dossier restored from the archive',
      });
    })();
    return this.require(id);
  }
}
