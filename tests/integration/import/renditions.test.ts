// A monitor imports the same report as a PDF and then as a Word file: Upright notices it is the same
// text, offers to link them, and once linked they are shown together; other documents are left alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { paragraphHashes, similarity } from '../../../src/main/ingest/fingerprint.ts';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/main/ingest/types.ts';
import { freshVault } from '../../support/vault.ts';

const DOCS = 'tests/fixtures/documents';

async function vaultWithImports() {
  const { ctx, dossier } = await freshVault();
  let task = 0;
  const importFiles = async (...names: string[]) =>
    (
      await call(
        handlers,
        'import.files',
        {
          taskId: `renditions-${++task}-task`,
          dossierId: dossier.id,
          files: names.map((name) => ({ name, data: readFileSync(`${DOCS}/${name}`).toString('base64') })),
        },
        ctx,
      )
    ).results;
  return { ctx, dossier, importFiles };
}

describe('the four formats of one document have the same paragraphs', () => {
  it('every pair of formats of each fixture is alike, and different documents are not', async () => {
    const stems = [
      'ilo-cas-kazakhstan-c87-2022',
      'ictur-upr-submission-kazakhstan',
      'campaign-page-kazakhstan-fundamental-rights',
    ];
    const hashes: Record<string, string[]> = {};
    for (const stem of stems) {
      for (const ext of ['pdf', 'docx', 'html', 'txt']) {
        const doc = await importDocument(
          new Uint8Array(readFileSync(`${DOCS}/${stem}.${ext}`)),
          `x.${ext}`,
          DEFAULT_IMPORT_LIMITS,
        );
        hashes[`${stem}.${ext}`] = paragraphHashes(doc.text, doc.blocks);
      }
    }
    const names = Object.keys(hashes);
    for (const a of names) {
      for (const b of names) {
        const score = similarity(hashes[a] ?? [], hashes[b] ?? []);
        if (a.split('.')[0] === b.split('.')[0]) expect(score, `${a} ~ ${b}`).toBeGreaterThanOrEqual(0.95);
        else expect(score, `${a} ≁ ${b}`).toBeLessThan(0.2);
      }
    }
  });
});

describe('a monitor imports one report in two formats', () => {
  it('is told the second has the same text as the first, links them, and sees them together', async () => {
    const { ctx, importFiles } = await vaultWithImports();
    const [pdf] = await importFiles('ilo-cas-kazakhstan-c87-2022.pdf');
    expect(pdf?.sameTextAs).toEqual([]);
    const [other] = await importFiles('ictur-upr-submission-kazakhstan.docx');
    expect(other?.sameTextAs).toEqual([]);

    const [docx] = await importFiles('ilo-cas-kazakhstan-c87-2022.docx');
    expect(docx?.status).toBe('imported');
    expect(docx?.sameTextAs).toEqual([
      expect.objectContaining({ sourceId: pdf?.sourceId, format: 'pdf', similarity: expect.any(Number) }),
    ]);
    expect(docx?.sameTextAs[0]?.similarity).toBeGreaterThanOrEqual(0.95);

    const docxId = docx?.sourceId as string;
    const pdfId = pdf?.sourceId as string;
    const before = await call(handlers, 'source.renditions', { id: docxId }, ctx);
    expect(before.linked).toEqual([]);
    expect(before.sameText.map((s) => s.source.id)).toEqual([pdfId]);

    const linked = await call(handlers, 'source.linkRendition', { id: docxId, otherId: pdfId }, ctx);
    expect(linked.linked.map((s) => s.format)).toEqual(['pdf', 'docx']);
    expect(linked.sameText).toEqual([]);
    // Linked from either side, and the HTML imported later is offered to join the same group.
    const fromPdf = await call(handlers, 'source.renditions', { id: pdfId }, ctx);
    expect(fromPdf.linked.map((s) => s.id)).toEqual([pdfId, docxId]);
    const [html] = await importFiles('ilo-cas-kazakhstan-c87-2022.html');
    expect(html?.sameTextAs.map((s) => s.format).sort()).toEqual(['docx', 'pdf']);
    const three = await call(handlers, 'source.linkRendition', { id: html?.sourceId as string, otherId: pdfId }, ctx);
    expect(three.linked.map((s) => s.format)).toEqual(['pdf', 'docx', 'html']);
    const list = (await call(handlers, 'source.list', { dossierId: three.linked[0]?.dossierId as string }, ctx)).items;
    const groups = new Set(
      list.filter((s) => s.title.startsWith('Kazakhstan (ratification')).map((s) => s.renditionGroup),
    );
    expect(groups.size).toBe(1);
    expect([...groups][0]).not.toBeNull();
    expect(list.find((s) => s.format === 'docx' && s.title.startsWith('ICTUR'))?.renditionGroup).toBeNull();

    // Unlinking one keeps the other two together; unlinking a second dissolves the group.
    await call(handlers, 'source.unlinkRendition', { id: html?.sourceId as string }, ctx);
    expect((await call(handlers, 'source.renditions', { id: pdfId }, ctx)).linked).toHaveLength(2);
    await call(handlers, 'source.unlinkRendition', { id: docxId }, ctx);
    expect((await call(handlers, 'source.renditions', { id: pdfId }, ctx)).linked).toEqual([]);
  });

  it('refuses to link a source with itself or with a source of another dossier', async () => {
    const { ctx, importFiles } = await vaultWithImports();
    const [pdf] = await importFiles('ilo-cas-kazakhstan-c87-2022.pdf');
    const id = pdf?.sourceId as string;
    await expect(call(handlers, 'source.linkRendition', { id, otherId: id }, ctx)).rejects.toMatchObject({
      code: 'RENDITION_OF_ITSELF',
    });
    const elsewhere = await call(handlers, 'dossier.create', { title: 'Elsewhere' }, ctx);
    const { results } = await call(
      handlers,
      'import.files',
      {
        taskId: 'renditions-elsewhere',
        dossierId: elsewhere.id,
        files: [{ name: 'a.txt', data: readFileSync(`${DOCS}/ilo-cas-kazakhstan-c87-2022.txt`).toString('base64') }],
      },
      ctx,
    );
    // The same text in another dossier is not offered: renditions belong to one dossier.
    expect(results[0]?.sameTextAs).toEqual([]);
    await expect(
      call(handlers, 'source.linkRendition', { id, otherId: results[0]?.sourceId as string }, ctx),
    ).rejects.toMatchObject({ code: 'RENDITION_OTHER_DOSSIER' });
  });
});
