// PDF import: the whole importer (pdf.js extraction, normaliser, metadata, language) against bare
// pdf.js text extraction of the same files in the same run. Normalising must not cost more than a
// fifth of the throughput: target ≥ 0.8× the bare pages per second.
import { readFileSync } from 'node:fs';
import { importDocument } from '../../../src/main/ingest/index.ts';
import { loadPdfJs, pdfOptions } from '../../../src/main/ingest/pdf.ts';
import { type BenchCase, type BenchRow, medianMs, ratioRow } from '../harness.ts';

const FILES = [
  'ilo-cas-kazakhstan-c87-2022.pdf',
  'ictur-upr-submission-kazakhstan.pdf',
  'campaign-page-kazakhstan-fundamental-rights.pdf',
];
/** Each measured run reads every file this many times, so a run lasts long enough to time. */
const REPEAT = 4;

export const importBench: BenchCase = {
  name: 'import: PDF pipeline vs bare pdf.js',
  async run(): Promise<BenchRow[]> {
    const files = FILES.map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/documents/${name}`, import.meta.url))),
    }));
    const { getDocument } = await loadPdfJs();

    let pages = 0;
    const bare = async () => {
      pages = 0;
      for (let i = 0; i < REPEAT; i++) {
        for (const file of files) {
          const task = getDocument(pdfOptions(file.bytes));
          const doc = await task.promise;
          for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
          pages += doc.numPages;
          await task.destroy();
        }
      }
    };
    const pipeline = async () => {
      for (let i = 0; i < REPEAT; i++) {
        for (const file of files) await importDocument(file.bytes, file.name);
      }
    };

    // Alternate the two so that a slower stretch of the machine does not fall on one side only.
    const bareTimes: number[] = [];
    const pipelineTimes: number[] = [];
    for (let round = 0; round < 3; round++) {
      bareTimes.push(await medianMs(bare, 3));
      pipelineTimes.push(await medianMs(pipeline, 3));
    }
    const bareMs = Math.min(...bareTimes);
    const pipelineMs = Math.min(...pipelineTimes);
    const barePagesPerSecond = (pages / bareMs) * 1000;
    const pipelinePagesPerSecond = (pages / pipelineMs) * 1000;
    return [
      ratioRow(
        'PDF import throughput: pipeline / bare pdf.js (pages/s)',
        pipelinePagesPerSecond,
        barePagesPerSecond,
        undefined,
        0.8,
      ),
      { label: 'PDF import pipeline (3 fixture PDFs, 10 pages)', value: pipelinePagesPerSecond, unit: 'pages/s' },
      { label: 'bare pdf.js getTextContent, same PDFs', value: barePagesPerSecond, unit: 'pages/s' },
    ];
  },
};
