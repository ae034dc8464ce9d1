// The parse worker: one file's bytes in, its ImportedDocument out as plain data. It loads only the
// importers (pdf.js, mammoth, jsdom) — never the database or the vault's keys.
import { serialize } from 'node:v8';
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
  // The document v8-serialised into a buffer of its own, moved to the caller: the import passes it on
  // to the vault worker, so the main process never copies or unpacks a large document.
  importPacked: async ({ bytes, fileName, limits }: ParseInput) => {
    const packed = serialize(await importDocument(bytes, fileName, limits));
    return packed.byteOffset === 0 && packed.byteLength === packed.buffer.byteLength
      ? packed.buffer
      : packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength);
  },
});
