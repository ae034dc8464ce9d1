// Events and the timeline (issue 13): what happened, when, and who did what to whom.
// The event tables date from version 1; this step fits them to fuzzy dates and to the roles
// monitors use.
// - `date_start` / `date_end` become the first and last ISO day an event can have been
//   (YYYY-MM-DD, so they sort and compare as text), with `date_precision` saying how finely it was
//   known (day, month, year). A null end with a start means open-ended ("since 2018"). Dates stored
//   as "2011" or "2011-07" are widened to their first and last day; a start without an end was one
//   day, month or year, and keeps that span.
// - Participant roles: victim · perpetrator · complainant · authority · court · witness · other.
//   SQLite cannot alter a CHECK, so event_participant is rebuilt; the old "source" (who reported it)
//   becomes complainant and "intervening_party" becomes other.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

/** The first day of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" value. */
const firstDay = (column: string) => `CASE length(${column})
  WHEN 4 THEN ${column} || '-01-01' WHEN 7 THEN ${column} || '-01' ELSE ${column} END`;
/** The last day of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" value. */
const lastDay = (column: string) => `CASE length(${column})
  WHEN 4 THEN ${column} || '-12-31' WHEN 7 THEN date(${column} || '-01', '+1 month', '-1 day') ELSE ${column} END`;
const precision = (column: string) => `CASE length(${column}) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END`;

export const migration: Migration = {
  version: 14,
  name: 'event-dates-and-roles',
  rebuildsTables: true,
  up(db: Db) {
    db.exec(`
      ALTER TABLE event ADD COLUMN date_precision TEXT
        CHECK (date_precision IS NULL OR date_precision IN ('day', 'month', 'year'));

      UPDATE event SET
        date_precision = CASE
          WHEN date_end IS NULL OR length(date_end) >= length(date_start) THEN ${precision('date_start')}
          ELSE ${precision('date_end')} END,
        date_end = ${lastDay('coalesce(date_end, date_start)')},
        date_start = ${firstDay('date_start')}
      WHERE date_start IS NOT NULL;
      -- An end without a start says only "by then": keep it as that day, month or year.
      UPDATE event SET
        date_precision = ${precision('date_end')},
        date_start = ${firstDay('date_end')},
        date_end = ${lastDay('date_end')}
      WHERE date_start IS NULL AND date_end IS NOT NULL;

      CREATE TABLE event_participant_v9 (
        event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('victim', 'perpetrator', 'complainant', 'authority', 'court', 'witness',
          'other')),
        created_at TEXT NOT NULL DEFAULT ${NOW},
        updated_at TEXT NOT NULL DEFAULT ${NOW},
        deleted_at TEXT,
        PRIMARY KEY (event_id, entity_id, role)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO event_participant_v9 (event_id, entity_id, role, created_at, updated_at, deleted_at)
        SELECT event_id, entity_id,
          CASE role WHEN 'source' THEN 'complainant' WHEN 'intervening_party' THEN 'other' ELSE role END,
          created_at, updated_at, deleted_at
        FROM event_participant;
      DROP TABLE event_participant;
      ALTER TABLE event_participant_v9 RENAME TO event_participant;
      CREATE INDEX event_participant_entity ON event_participant (entity_id);
      CREATE INDEX event_evidence_event ON event_evidence (event_id);
    `);
  },
};
