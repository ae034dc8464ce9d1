// Version 1: the whole first-cut data model of ARCHITECTURE.md, so later work extends it rather than
// redesigning it. Frozen once released: change the schema with a new numbered file, never here.
//
// Conventions (hold for every later migration too):
// - Ids are UUIDv7 text: sortable, and rows from two vaults merge by id.
// - Every row has created_at / updated_at (ISO 8601 UTC text, sorts as text). Rows whose deletion
//   must travel to a colleague's vault (exchange, merge by id) carry a deleted_at tombstone.
// - JSON columns are checked with json_valid; closed vocabularies with CHECK … IN (…).
// - The two tables indexed by full-text search (source, excerpt) have an explicit
//   `seq INTEGER PRIMARY KEY`: FTS5 needs integer rowids, and VACUUM (also VACUUM INTO, our backup)
//   may renumber implicit rowids, which would silently detach an external-content index.
// - Originals live in source_original, 1:1 with source: a row that carries megabytes of BLOB makes
//   every listing walk overflow pages, and one table is one place to purge on deletion.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
const STAMPS = `created_at TEXT NOT NULL DEFAULT ${NOW},
  updated_at TEXT NOT NULL DEFAULT ${NOW}`;
const TOMBSTONED = `${STAMPS},
  deleted_at TEXT`;

const SQL = `
CREATE TABLE dossier (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT NOT NULL,
  country TEXT CHECK (country IS NULL OR (length(country) = 3 AND country = upper(country))), -- ISO 3166-1 alpha-3
  themes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(themes)),
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'submitted', 'archived')),
  review_mechanism TEXT,          -- 'UPR', 'ILO CEACR', …
  review_cycle INTEGER,           -- UPR 5th cycle → 5
  review_session TEXT,
  submission_deadline TEXT,       -- YYYY-MM-DD
  ${TOMBSTONED}
);

CREATE TABLE source (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  dossier_id TEXT NOT NULL REFERENCES dossier (id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('government_reply', 'ngo_report', 'un_document', 'ilo_document',
    'media', 'web_page', 'testimony', 'court_decision', 'other')),
  author_organisation TEXT,
  date_text TEXT CHECK (date_text IS NULL OR date_text GLOB '[0-9][0-9][0-9][0-9]'
    OR date_text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR date_text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  document_symbol TEXT,           -- A/HRC/43/10
  language TEXT,                  -- BCP 47
  reliability_note TEXT NOT NULL DEFAULT '',
  original_sha256 TEXT CHECK (original_sha256 IS NULL OR length(original_sha256) = 64),
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  imported_at TEXT,
  ${TOMBSTONED},
  -- Large columns last: SQLite reads a row's columns in order.
  text TEXT NOT NULL DEFAULT '',                                       -- normalised text
  page_map TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(page_map))     -- [{page, start, end}] offsets into text
);
CREATE INDEX source_dossier ON source (dossier_id);

CREATE TABLE source_original (
  source_id TEXT PRIMARY KEY NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  media_type TEXT,
  filename TEXT,
  size INTEGER NOT NULL CHECK (size >= 0),
  ${STAMPS},
  bytes BLOB NOT NULL
);

CREATE TABLE excerpt (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source_id TEXT NOT NULL REFERENCES source (id),
  -- W3C Web Annotation selectors: TextQuote (exact/prefix/suffix) + TextPosition (start/end).
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
  page INTEGER CHECK (page IS NULL OR page >= 1),
  note TEXT NOT NULL DEFAULT '',
  confidentiality TEXT NOT NULL DEFAULT 'restricted'
    CHECK (confidentiality IN ('public', 'restricted', 'never_export')),
  stance TEXT CHECK (stance IS NULL OR stance IN ('state_claim', 'allegation', 'corroboration', 'denial',
    'acknowledgement', 'other')),
  ${TOMBSTONED}
);
CREATE INDEX excerpt_source ON excerpt (source_id);

CREATE TABLE code (
  id TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT REFERENCES code (id),
  name TEXT NOT NULL,
  colour TEXT CHECK (colour IS NULL OR colour GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  description TEXT NOT NULL DEFAULT '',
  ${TOMBSTONED}
);
CREATE INDEX code_parent ON code (parent_id);

CREATE TABLE excerpt_code (
  excerpt_id TEXT NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
  code_id TEXT NOT NULL REFERENCES code (id) ON DELETE CASCADE,
  ${TOMBSTONED},
  PRIMARY KEY (excerpt_id, code_id)
) WITHOUT ROWID;
CREATE INDEX excerpt_code_code ON excerpt_code (code_id);

CREATE TABLE entity (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'legal_provision', 'instrument')),
  name TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
  pseudonym TEXT,                 -- used on export instead of the name: "a local union leader"
  sensitivity TEXT NOT NULL DEFAULT 'normal' CHECK (sensitivity IN ('normal', 'sensitive', 'protected')),
  description TEXT NOT NULL DEFAULT '',
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  ${TOMBSTONED}
);
CREATE INDEX entity_kind_name ON entity (kind, name);

CREATE TABLE excerpt_entity (
  excerpt_id TEXT NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  ${TOMBSTONED},
  PRIMARY KEY (excerpt_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX excerpt_entity_entity ON excerpt_entity (entity_id);

CREATE TABLE event (
  id TEXT PRIMARY KEY NOT NULL,
  dossier_id TEXT NOT NULL REFERENCES dossier (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- Fuzzy dates: the earliest and latest it can have been (YYYY[-MM[-DD]]), and the words used.
  date_start TEXT,
  date_end TEXT CHECK (date_end IS NULL OR date_start IS NULL OR date_end >= date_start),
  date_text TEXT,                 -- "spring 2021", "late June"
  place_entity_id TEXT REFERENCES entity (id),
  place_text TEXT,
  ${TOMBSTONED}
);
CREATE INDEX event_dossier ON event (dossier_id, date_start);

CREATE TABLE event_participant (
  event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('victim', 'perpetrator', 'source', 'intervening_party', 'witness', 'other')),
  ${TOMBSTONED},
  PRIMARY KEY (event_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX event_participant_entity ON event_participant (entity_id);

CREATE TABLE event_evidence (
  event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  excerpt_id TEXT NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
  ${TOMBSTONED},
  PRIMARY KEY (event_id, excerpt_id)
) WITHOUT ROWID;
CREATE INDEX event_evidence_excerpt ON event_evidence (excerpt_id);

CREATE TABLE link (
  id TEXT PRIMARY KEY NOT NULL,
  from_excerpt_id TEXT NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
  to_excerpt_id TEXT NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
  relation TEXT NOT NULL CHECK (relation IN ('corroborates', 'contradicts', 'responds_to')),
  note TEXT NOT NULL DEFAULT '',
  ${TOMBSTONED},
  CHECK (from_excerpt_id <> to_excerpt_id)
);
CREATE INDEX link_from ON link (from_excerpt_id);
CREATE INDEX link_to ON link (to_excerpt_id);

CREATE TABLE recommendation (
  id TEXT PRIMARY KEY NOT NULL,
  dossier_id TEXT NOT NULL REFERENCES dossier (id),
  text TEXT NOT NULL,
  recommending_states TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recommending_states)),
  mechanism TEXT NOT NULL DEFAULT 'UPR',
  cycle INTEGER,
  session TEXT,
  document_symbol TEXT,           -- A/HRC/43/10
  paragraph TEXT,                 -- 140.12
  response TEXT CHECK (response IS NULL OR response IN ('supported', 'noted')),
  assessment TEXT CHECK (assessment IS NULL OR assessment IN ('implemented', 'partially_implemented',
    'not_implemented', 'no_information')),
  assessment_note TEXT NOT NULL DEFAULT '',
  ${TOMBSTONED}
);
CREATE INDEX recommendation_dossier ON recommendation (dossier_id);

CREATE TABLE recommendation_evidence (
  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
  excerpt_id TEXT NOT NULL REFERENCES excerpt (id) ON DELETE CASCADE,
  note TEXT NOT NULL DEFAULT '',
  ${TOMBSTONED},
  PRIMARY KEY (recommendation_id, excerpt_id)
) WITHOUT ROWID;
CREATE INDEX recommendation_evidence_excerpt ON recommendation_evidence (excerpt_id);

CREATE TABLE draft (
  id TEXT PRIMARY KEY NOT NULL,
  dossier_id TEXT NOT NULL REFERENCES dossier (id),
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  cover TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(cover)),
  -- Ordered sections of rich text; citations point at excerpt ids, footnotes are generated.
  body TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(body)),
  ${TOMBSTONED}
);
CREATE INDEX draft_dossier ON draft (dossier_id);

CREATE TABLE draft_version (
  id TEXT PRIMARY KEY NOT NULL,
  draft_id TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  template TEXT NOT NULL,
  cover TEXT NOT NULL CHECK (json_valid(cover)),
  body TEXT NOT NULL CHECK (json_valid(body)),
  ${STAMPS}
);
CREATE INDEX draft_version_draft ON draft_version (draft_id, created_at);

CREATE TABLE setting (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value)),
  ${STAMPS}
) WITHOUT ROWID;

-- Append-only and hash-chained: hash = SHA-256(prev_hash || canonical JSON of the row).
-- Summaries never carry document text (titles, quotes, names): only what happened to which id.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT,
  entity_id TEXT,
  summary TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL CHECK (length(hash) = 64) -- no index: random keys would dirty a random page per append
);
CREATE INDEX audit_entity ON audit (entity_type, entity_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
`;

export const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db: Db) {
    db.exec(SQL);
  },
};
