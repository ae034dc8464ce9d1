// DOCX export: a full-length individual submission (2,815 words, the OHCHR limit, with 150 notes) as
// the person waits for it — `draft.export` through a real vault: reading the draft and what it
// cites, every check, redaction, the Word file and writing it — against a bare `docx` Packer of the
// same paragraphs without notes, numbering or cover, measured in the same run. Target: ≤ 1 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { prepareDocument } from '../../../src/main/drafts/document.ts';
import { renderDocx } from '../../../src/main/drafts/docx.ts';
import { renderHtml } from '../../../src/main/drafts/html.ts';
import { inlineText } from '../../../src/main/drafts/model.ts';
import { createServices } from '../../../src/main/services.ts';
import { COVER, goodContext, realisticBody } from '../../unit/drafts/support.ts';
import { type BenchCase, type BenchRow, medianMs, ratioRow } from '../harness.ts';

const WORDS = 2815;
const NOTES = 150;
const TARGET_MS = 1000;

export const exportBench: BenchCase = {
  name: 'export: DOCX of a full-length submission',
  async run(): Promise<BenchRow[]> {
    const home = mkdtempSync(join(tmpdir(), 'upright-bench-export-'));
    const services = createServices({
      vaultLocation: join(home, 'vault'),
      runtime: { runtime: 'node', electron: null },
      dialogs: {
        chooseBackupFolder: async () => null,
        chooseImportPaths: async () => [],
        chooseSavePath: async () => null,
      },
      kdf: { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 },
    });
    try {
      const ctx = { services, transport: 'test' as const };
      await call(handlers, 'vault.create', { passphrase: 'benchmark passphrase, not secret' }, ctx);
      const store = services.vault.store();
      const dossier = store.dossiers.create({
        title: 'Kazakhstan',
        country: 'KAZ',
        targetReview: { cycle: 4, session: '48' },
      });
      const text = 'The Government states that trade unions register by simple notification. '.repeat(40);
      const source = store.sources.add({
        dossierId: dossier.id,
        title: 'Information supplied by the Government (2022)',
        kind: 'government_reply',
        text,
        authorOrganisation: 'Government of Kazakhstan',
        documentSymbol: 'CAN/D/Kazakhstan-C.87',
        dateText: '2022',
        original: { bytes: new TextEncoder().encode(text) },
      });
      const excerptIds = Array.from(
        { length: 30 },
        (_, i) =>
          store.excerpts.add({
            sourceId: source.id,
            exact: 'trade unions',
            start: 27 + i * 73,
            end: 39 + i * 73,
            page: i + 1,
            confidentiality: 'public',
          }).id,
      );
      store.entities.create({
        kind: 'person',
        name: 'Amin Eleusinov',
        aliases: ['Eleusinov'],
        pseudonym: 'a union leader',
      });
      const body = realisticBody(WORDS, NOTES, excerptIds);
      const draft = store.drafts.create({
        dossierId: dossier.id,
        title: 'UPR 2027',
        template: 'individual',
        cover: COVER,
        body,
      });

      let n = 0;
      const exportMs = await medianMs(
        () =>
          call(
            handlers,
            'draft.export',
            {
              id: draft.id,
              format: 'docx',
              redact: true,
              acceptErrors: true,
              path: join(home, `submission-${n++}.docx`),
            },
            ctx,
          ),
        7,
      );

      // The same paragraphs through the bare library: no notes, numbering, cover, checks or vault.
      const paragraphs = prepareDocument(goodContext({ body }), { redact: false }).blocks.map((b) =>
        inlineText(b.inlines),
      );
      const bareMs = await medianMs(
        () =>
          Packer.toBuffer(
            new Document({
              sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }],
            }),
          ),
        7,
      );
      const exported = prepareDocument(goodContext({ body }), { redact: true });
      const docxOnlyMs = await medianMs(() => renderDocx(exported), 7);
      const htmlMs = await medianMs(() => renderHtml(prepareDocument(goodContext({ body }), { redact: true })), 7);

      return [
        {
          label: `draft.export DOCX, ${WORDS.toLocaleString('en-GB')} words, ${NOTES} notes, redacted`,
          value: exportMs,
          unit: 'ms',
          target: `≤ ${TARGET_MS} ms`,
          met: exportMs <= TARGET_MS,
        },
        ratioRow('draft.export DOCX / bare docx Packer of the same paragraphs', exportMs, bareMs),
        { label: 'of which the Word file alone (renderDocx)', value: docxOnlyMs, unit: 'ms' },
        { label: 'bare docx Packer, same paragraphs, no notes (baseline)', value: bareMs, unit: 'ms' },
        { label: 'the same draft as printable HTML', value: htmlMs, unit: 'ms' },
      ];
    } finally {
      services.close();
      rmSync(home, { recursive: true, force: true });
    }
  },
};
