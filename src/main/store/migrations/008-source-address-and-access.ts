// Version 8: where a source was read on the web, and when — what a note citing a web page must print
// ("available at …, accessed 3 June 2024", UPR-SUBMISSION.md, "Citation formats").
// - `url`: the address a saved page was saved from (its canonical link, og:url or the browser's
//   "saved from url=" mark), or one a person typed.
// - `accessed_date`: the day it was read there; `accessed_source` says where that day comes from
//   (the page's own "saved" date, the file's modification time, the import day, or a person), so an
//   import date is never mistaken for the day the page was read. Sources already stored have none:
//   nobody knows when they were read, and the checks ask for it where a note needs it.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

export const migration: Migration = {
  version: 8,
  name: 'source-address-and-access',
  up(db: Db) {
    db.exec(`
      ALTER TABLE source ADD COLUMN url TEXT;
      ALTER TABLE source ADD COLUMN accessed_date TEXT;
      ALTER TABLE source ADD COLUMN accessed_source TEXT
        CHECK (accessed_source IN ('saved_page', 'file_modified', 'imported', 'person'));
    `);
  },
};
