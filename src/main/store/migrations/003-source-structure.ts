// Version 3: what the reader needs from an import besides the text and page map — the importer's
// format (pdf, docx, html, text, markdown) and the structure of the text (headings, paragraphs,
// list items, footnotes) as offsets into it. Sources written under version 2 keep working: their
// text is shown as paragraphs split on blank lines until they are re-imported.
import type { Db } from '../database.ts';
import type { Migration } from './types.ts';

const SQL = `
ALTER TABLE source ADD COLUMN format TEXT
  CHECK (format IS NULL OR format IN ('pdf', 'docx', 'html', 'text', 'markdown'));
ALTER TABLE source ADD COLUMN blocks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(blocks));
CREATE INDEX source_dossier_sha256 ON source (dossier_id, original_sha256) WHERE deleted_at IS NULL;
`;

export const migration: Migration = {
  version: 3,
  name: '003-source-structure',
  up(db: Db) {
    db.exec(SQL);
  },
};
