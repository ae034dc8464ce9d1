// The worker thread that runs the suggestion extractors, so that a long or hostile text keeps only
// this thread busy — never the API's event loop — and can be stopped by terminating it.
// Built as its own entry (electron.vite.config.ts); under Node it runs from this TypeScript file.
import { parentPort } from 'node:worker_threads';
import { suggest } from '../extract/index.ts';
import type { ExtractionJob, ExtractionReply } from './suggestion-thread.ts';

parentPort?.on('message', (job: ExtractionJob) => {
  let reply: ExtractionReply;
  try {
    const suggestions = suggest(job.text, {
      ...(job.language ? { language: job.language } : {}),
      ...(job.referenceDate ? { referenceDate: new Date(job.referenceDate) } : {}),
    });
    reply = { id: job.id, suggestions };
  } catch {
    reply = { id: job.id, failed: true };
  }
  parentPort?.postMessage(reply);
});
