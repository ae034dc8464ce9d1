// Fixture files for the importer tests (copies live in tests/fixtures; tests never read elsewhere).
import { readFileSync } from 'node:fs';

export function documentBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../fixtures/documents/${name}`, import.meta.url)));
}

export function badBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../fixtures/bad/${name}`, import.meta.url)));
}

/** The text of one block. */
export function blockTexts(doc: { text: string; blocks: Array<{ start: number; end: number }> }): string[] {
  return doc.blocks.map((block) => doc.text.slice(block.start, block.end));
}
