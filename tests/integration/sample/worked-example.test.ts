// A newcomer opens the sample dossier and finds a finished piece of work: coded excerpts with
// notes, a code book, entities (a protected person with a pseudonym) and a submission draft whose
// every paragraph is cited, that passes the checks and exports to Word with real footnotes and the
// pseudonym in place of the name. Built through the API, so a change to the schema or to the checks
// that breaks the example fails here, not in front of a newcomer.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import { SAMPLE_DRAFT_TITLE, SAMPLE_PERSON } from '../../../src/main/sample-example.ts';
import { createServices, type Services } from '../../../src/main/services.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const open: Services[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function openSample() {
  const home = mkdtempSync(join(tmpdir(), 'upright-sample-'));
  const services = createServices({
    vaultLocation: join(home, 'vault'),
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async () => null,
    },
    kdf: KDF,
  });
  open.push(services);
  const ctx = { services, transport: 'test' as const };
  const status = await call(handlers, 'sample.explore', {}, ctx);
  const [dossier] = await call(handlers, 'dossier.list', {}, ctx);
  if (!dossier) throw new Error('no sample dossier');
  return { home, services, ctx, status, dossier };
}

describe('the sample dossier is a worked example', () => {
  it('has coded excerpts with notes, a code book and entities, one person protected by a pseudonym', async () => {
    const { ctx, status, dossier } = await openSample();
    expect(status).toMatchObject({ state: 'unlocked', sample: true });
    expect(dossier.sourceCount).toBe(4);

    const excerpts = (await call(handlers, 'excerpt.list', { dossierId: dossier.id }, ctx)).items;
    expect(excerpts.length).toBeGreaterThanOrEqual(8);
    // Every excerpt carries a note and at least one code, and sits where its words are.
    for (const e of excerpts) {
      expect(e.note.length).toBeGreaterThan(10);
      expect(e.codeIds.length).toBeGreaterThan(0);
      expect(e.anchorStatus).toBe('anchored');
    }
    expect(new Set(excerpts.map((e) => e.sourceId)).size).toBe(4);
    // The three levels of confidentiality are shown in use: what must never leave is marked so.
    expect(excerpts.filter((e) => e.confidentiality === 'never_export').map((e) => e.exact)).toEqual([
      expect.stringContaining('двое членов были уволены'),
    ]);

    const codes = await call(handlers, 'code.list', {}, ctx);
    expect(codes.map((c) => [c.name, c.excerptCount > 0])).toEqual(
      expect.arrayContaining([
        ['Registration of unions', true],
        ['Legislative reform', true],
        ['Prosecution of union leaders', true],
      ]),
    );

    const [person] = (await call(handlers, 'entity.list', { text: SAMPLE_PERSON.name }, ctx)).items;
    expect(person).toMatchObject({
      kind: 'person',
      pseudonym: SAMPLE_PERSON.pseudonym,
      sensitivity: 'protected',
      excerptCount: 2,
    });
  });

  it('has a draft whose every numbered paragraph is cited, that passes the checks', async () => {
    const { ctx, dossier } = await openSample();
    const [summary] = await call(handlers, 'draft.list', { dossierId: dossier.id }, ctx);
    expect(summary?.title).toBe(SAMPLE_DRAFT_TITLE);
    const draft = await call(handlers, 'draft.get', { id: summary?.id ?? '' }, ctx);
    const paragraphs = draft.body.content.filter((n) => n.type === 'paragraph');
    expect(paragraphs.length).toBeGreaterThanOrEqual(6);
    for (const p of paragraphs) expect(p.content?.some((n) => n.type === 'citation')).toBe(true);

    const notes = await call(handlers, 'draft.notes', { id: draft.id }, ctx);
    expect(notes.footnotes.length).toBeGreaterThanOrEqual(paragraphs.length);
    expect(notes.footnotes.filter((n) => n.problem !== null)).toEqual([]);

    // No error. Warnings: the protected name is replaced on export, and two public documents whose
    // files carry no date or web address are shown as notes to complete (the sample does not invent them).
    const checks = await call(handlers, 'draft.check', { id: draft.id }, ctx);
    expect(checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(new Set(checks.map((c) => c.rule))).toEqual(new Set(['pseudonym', 'note-incomplete']));
    // The file a redacted Word export writes has no error; only the notes to complete remain.
    const exported = await call(
      handlers,
      'draft.check',
      { id: draft.id, export: { format: 'docx', redact: true, provenance: false } },
      ctx,
    );
    expect(exported.map((c) => c.rule)).toEqual(['note-incomplete', 'note-incomplete']);
    const review = await call(handlers, 'draft.redactions', { id: draft.id }, ctx);
    expect(review.substitutions.map((s) => [s.name, s.pseudonym])).toEqual([
      [SAMPLE_PERSON.name, SAMPLE_PERSON.pseudonym],
    ]);
    expect(review.withheld).toEqual([]);
  });

  it('is built the same way every time it is opened', async () => {
    const shape = async () => {
      const { ctx, dossier } = await openSample();
      const excerpts = (await call(handlers, 'excerpt.list', { dossierId: dossier.id }, ctx)).items;
      const [draft] = await call(handlers, 'draft.list', { dossierId: dossier.id }, ctx);
      const markdown = await call(handlers, 'draft.render', { id: draft?.id ?? '', format: 'md', redact: true }, ctx);
      return {
        excerpts: excerpts.map((e) => [e.sourceTitle, e.start, e.end, e.note, e.confidentiality, e.stance]).sort(),
        // The cover's month is the month the sample is opened in, like any new draft's.
        markdown: markdown.text.replace(/\b[A-Z][a-z]+ \d{4}\b/g, 'MONTH YEAR'),
      };
    };
    expect(await shape()).toEqual(await shape());
  });

  it('exports to Word with real footnotes and the pseudonym, never the name', async () => {
    const { ctx, dossier, home } = await openSample();
    const [summary] = await call(handlers, 'draft.list', { dossierId: dossier.id }, ctx);
    const path = join(home, 'sample.docx');
    const saved = await call(
      handlers,
      'draft.export',
      { id: summary?.id ?? '', format: 'docx', redact: true, path },
      ctx,
    );
    expect(saved).toMatchObject({ saved: true, path });

    const bytes = new Uint8Array(readFileSync(path));
    const entries = listZip(bytes) ?? [];
    const part = (name: string) =>
      readZipText(
        bytes,
        entries.find((e) => e.name === name),
      ) ?? '';
    const document = part('word/document.xml');
    const footnotes = part('word/footnotes.xml');
    // Real Word footnotes: references in the text, their texts in the footnotes part.
    expect(document.match(/<w:footnoteReference /g)?.length).toBeGreaterThanOrEqual(8);
    expect(footnotes).toContain('Government of Kazakhstan');
    expect(footnotes).toContain('International Centre for Trade Union Rights');
    expect(document).toContain('The chair of a local union reports that the justice department refused');
    for (const entry of entries) expect(part(entry.name)).not.toContain('Akhmetov');
  });
});
