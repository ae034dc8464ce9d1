// What makes two files the same document: their paragraphs, not their bytes. The importers give the
// same paragraphs for the PDF, the Word file, the web page and the text of one document, so a hash of
// each paragraph, normalised (case, spacing, punctuation and quote styles do not count), is compared;
// a few paragraphs may still differ (a caption, a page's furniture), hence a similarity, not equality.
import { createHash } from 'node:crypto';

/** Paragraphs shorter than this (page numbers, "Photo: AFP") say nothing about which document it is. */
const MIN_LETTERS = 12;

/** Two sources sharing this share of their paragraphs are offered as renditions of one document. */
export const RENDITION_SIMILARITY = 0.8;

function normalise(paragraph: string): string {
  return paragraph
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Short hashes of the text's normalised paragraphs (one per distinct paragraph, in text order). */
export function paragraphHashes(text: string, blocks: ReadonlyArray<{ start: number; end: number }>): string[] {
  const paragraphs = blocks.length > 0 ? blocks.map((b) => text.slice(b.start, b.end)) : text.split(/\n{2,}/);
  const hashes = new Set<string>();
  for (const paragraph of paragraphs) {
    const key = normalise(paragraph);
    if ((key.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) continue;
    hashes.add(createHash('sha256').update(key).digest('hex').slice(0, 16));
  }
  return [...hashes];
}

/** Share of paragraphs two texts have in common (Dice coefficient): 1 for the same paragraphs, 0 for none. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const hash of new Set(b)) if (set.has(hash)) shared++;
  return (2 * shared) / (set.size + new Set(b).size);
}
