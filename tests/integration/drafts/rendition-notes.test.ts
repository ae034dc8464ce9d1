// A lawyer imported the Ministry's letter as PDF and as Word and linked the two as renditions of one
// document. Her draft cites page 2 of the PDF and a passage of the Word file. A submission cites
// documents, not files, so its notes leave the format out — except here, where both notes would
// name the same letter and "p. 2" must say which version it counts in.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import { freshVault } from '../../support/vault.ts';
import { COVER, cite, doc, para } from '../../unit/drafts/support.ts';

const TEXT =
  'The Ministry of Labour informs you that the union’s registration was refused. The decision may be appealed in court.';

async function setup() {
  const { services, ctx, dossier } = await freshVault({ dossier: { title: 'Kazakhstan', country: 'KAZ', themes: [] } });
  const home = mkdtempSync(join(tmpdir(), 'upright-rendition-notes-'));
  const store = services.vault.store();
  const letter = {
    dossierId: dossier.id,
    title: 'Letter of the Ministry of Labour',
    kind: 'letter' as const,
    text: TEXT,
    authorOrganisation: 'Ministry of Labour',
    dateText: '2023-02-01',
  };
  const pdf = store.sources.add({ ...letter, format: 'pdf', pageMap: [{ page: 2, start: 0, end: TEXT.length }] });
  const word = store.sources.add({ ...letter, format: 'docx' });
  const refused = await call(handlers, 'excerpt.create', { sourceId: pdf.id, start: 0, end: 76 }, ctx);
  const appeal = await call(handlers, 'excerpt.create', { sourceId: word.id, start: 77, end: TEXT.length }, ctx);
  // A published letter: public, so its notes are printed (restricted ones wait for a confirmation).
  for (const id of [refused.id, appeal.id])
    await call(handlers, 'excerpt.update', { id, confidentiality: 'public' }, ctx);
  const draft = await call(
    handlers,
    'draft.create',
    { dossierId: dossier.id, title: 'UPR', template: 'individual' },
    ctx,
  );
  await call(
    handlers,
    'draft.update',
    {
      id: draft.id,
      cover: COVER,
      body: doc(para('Registration was refused', cite(refused.id), '; an appeal is possible', cite(appeal.id), '.')),
    },
    ctx,
  );
  return { home, ctx, pdf, word, draft };
}

describe('notes citing two renditions of one document', () => {
  it('name the format in the exported Word file only once the two are linked as renditions', async () => {
    const { home, ctx, pdf, word, draft } = await setup();
    const notesOf = async () =>
      (await call(handlers, 'draft.render', { id: draft.id, format: 'md', redact: false }, ctx)).text;

    // Not linked: two sources that happen to share a title; the notes stay as the field writes them.
    expect(await notesOf()).not.toContain('version');

    await call(handlers, 'source.linkRendition', { id: word.id, otherId: pdf.id }, ctx);
    const linked = await notesOf();
    expect(linked).toContain('Letter of the Ministry of Labour (PDF version), 1 February 2023, p. 2.');
    expect(linked).toContain('Letter of the Ministry of Labour (Word version), 1 February 2023.');

    const path = join(home, 'submission.docx');
    await call(
      handlers,
      'draft.export',
      { id: draft.id, format: 'docx', redact: false, acceptErrors: true, path },
      ctx,
    );
    const bytes = new Uint8Array(readFileSync(path));
    const footnotesXml =
      readZipText(
        bytes,
        (listZip(bytes) ?? []).find((e) => e.name === 'word/footnotes.xml'),
      ) ?? '';
    expect(footnotesXml).toContain('(PDF version)');
    expect(footnotesXml).toContain('(Word version)');

    // The editor's note list carries each note's format whether or not the notes are ambiguous.
    const { footnotes } = await call(handlers, 'draft.notes', { id: draft.id }, ctx);
    expect(footnotes.map((f) => f.sourceFormat)).toEqual(['pdf', 'docx']);
  });
});
