// The schema's history, in order. Listed by hand: a bundler does not scan folders at run time.
// Rules: numbered from 1 without gaps, forward-only, one file per version, never edited once
// released; each has a test that migrates a vault holding data from the previous version.
import { UprightError } from '../../../shared/errors.ts';
import type { Db } from '../database.ts';
import { migration as m001 } from './001-initial.ts';
import { migration as m002 } from './002-full-text-search.ts';
import { migration as m003 } from './003-source-structure.ts';
import { migration as m004 } from './004-excerpt-stance-and-anchor.ts';
import { migration as m005 } from './005-audit-head.ts';
import { migration as m006 } from './006-entity-mentions-and-suggestion-cache.ts';
import { migration as m007 } from './007-source-kinds-and-renditions.ts';
import { migration as m008 } from './008-source-address-and-access.ts';
import { migration as m009 } from './009-source-text-apart.ts';
import { migration as m010 } from './010-search-index.ts';
import { migration as m011 } from './011-kept-counts-and-list-order.ts';
import { migration as m012 } from './012-never-export-index.ts';
import { migration as m013 } from './013-excerpt-links.ts';
import { migration as m014 } from './014-event-dates-and-roles.ts';
import { migration as m015 } from './015-recommendations-tracker.ts';
import { migration as m016 } from './016-search-terms.ts';
import { migration as m017 } from './017-bundle-identity.ts';
import { migration as m018 } from './018-claims-index.ts';
import { migration as m019 } from './019-search-pages-fit.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
  m017,
  m018,
  m019,
];

MIGRATIONS.forEach((m, index) => {
  if (m.version !== index + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${index + 1}`);
});

export const LATEST_VERSION = MIGRATIONS.length;

/**
 * From this schema version on, the audit head is sealed with the vault key and the key file must
 * carry its MAC: a vault at or past it with a key file of version 1 has had its key file replaced.
 */
export const SEALED_SCHEMA_VERSION = m005.version;

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Which pending step a migration is at: `step` of `total` (1-based), bringing the schema to `version`. */
export interface MigrationStep {
  step: number;
  total: number;
  version: number;
}

/** The schema versions a vault at `current` still needs (none past `target`). */
export function pendingMigrations(current: number, target: number = LATEST_VERSION): readonly Migration[] {
  return MIGRATIONS.filter((m) => m.version > current && m.version <= target);
}

/**
 * Brings the schema to `target` (default: the newest), running every pending step in one
 * transaction: a failure leaves the vault exactly as it was. Returns the versions applied.
 * A vault newer than this build is refused with VAULT_FROM_FUTURE before anything is written.
 * `onStep` is told before each step starts (the unlock screen shows "step n of m").
 */
export function migrate(
  db: Db,
  target: number = LATEST_VERSION,
  onStep: (step: MigrationStep) => void = () => {},
): number[] {
  if (!Number.isInteger(target) || target < 0 || target > LATEST_VERSION) {
    throw new Error(`No migration to version ${target}`);
  }
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new UprightError('VAULT_FROM_FUTURE');
  const pending = pendingMigrations(current, target);
  if (pending.length === 0) return [];
  // foreign_keys cannot change inside a transaction: switch it off around the whole run when a step
  // rebuilds a table, and prove every reference still holds before committing.
  const rebuilds = pending.some((m) => m.rebuildsTables);
  const foreignKeys = Number(db.pragma('foreign_keys', { simple: true })) === 1;
  if (rebuilds && foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const [index, m] of pending.entries()) {
        onStep({ step: index + 1, total: pending.length, version: m.version });
        m.up(db);
        // user_version is transactional: it commits or rolls back with the steps.
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`Migration left ${broken.length} broken references`);
      }
    }).immediate();
  } finally {
    if (rebuilds && foreignKeys) db.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.version);
}
