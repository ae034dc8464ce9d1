// The parse worker: one file's bytes in, its ImportedDocument out as plain data. It loads only the
// importers (pdf.js, mammoth, jsdom) — never the database or the vault's keys.
import { importDocument } from '../ingest/index.ts';
import type { ImportLimits } from '../ingest/types.ts';
import { serveTasks } from './serve.ts';

export interface ParseInput {
  bytes: Uint8Array;
  fileName: string;
  limits: ImportLimits;
}

serveTasks({
  importDocument: ({ bytes, fileName, limits }: ParseInput) => importDocument(bytes, fileName, limits),
});
