// Shared by the extractor tests: the fixture sources as the importer gives them, the hand-checked
// gold files, and the precision/recall arithmetic.
import { readFileSync } from 'node:fs';
import type { Suggestion, SuggestionKind } from '../../../src/main/extract/index.ts';
import { importDocument } from '../../../src/main/ingest/index.ts';

export const KINDS: SuggestionKind[] = ['date', 'legal_reference', 'person', 'organisation', 'amount'];

export interface GoldMention {
  kind: SuggestionKind;
  start: number;
  end: number;
  text: string;
}

export interface Gold {
  source: string;
  textLength: number;
  guidelines: Record<SuggestionKind | 'general', string>;
  mentions: GoldMention[];
}

export function readGold(name: string): Gold {
  return JSON.parse(readFileSync(new URL(`../../fixtures/gold/${name}.json`, import.meta.url), 'utf8')) as Gold;
}

/** The normalised text of a fixture, exactly as the reader shows it (offsets are into this). */
export async function importedText(file: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/documents/${file}`, import.meta.url)));
  return (await importDocument(bytes, file)).text;
}

export interface KindScore {
  kind: SuggestionKind;
  gold: number;
  suggested: number;
  matched: number;
  /** matched / suggested; 1 when nothing was suggested (no false suggestion). */
  precision: number;
  /** matched / gold; 1 when the gold has none (nothing to find). */
  recall: number;
  missed: GoldMention[];
  wrong: Suggestion[];
}

/** Overlap of two spans as a share of the longer one. */
export function overlapShare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared <= 0 ? 0 : shared / Math.max(a.end - a.start, b.end - b.start);
}

/**
 * Scores suggestions against gold, kind by kind: a suggestion matches a gold mention of its kind
 * when their spans overlap by at least half of the longer span, one-to-one, best overlaps first.
 */
export function score(suggestions: Suggestion[], gold: GoldMention[]): KindScore[] {
  return KINDS.map((kind) => {
    const mine = suggestions.filter((s) => s.kind === kind);
    const theirs = gold.filter((g) => g.kind === kind);
    const pairs: Array<[number, number, number]> = [];
    for (const [i, s] of mine.entries()) {
      for (const [j, g] of theirs.entries()) {
        const share = overlapShare(s, g);
        if (share >= 0.5) pairs.push([share, i, j]);
      }
    }
    pairs.sort((a, b) => b[0] - a[0]);
    const usedMine = new Set<number>();
    const usedGold = new Set<number>();
    for (const [, i, j] of pairs) {
      if (usedMine.has(i) || usedGold.has(j)) continue;
      usedMine.add(i);
      usedGold.add(j);
    }
    const matched = usedGold.size;
    return {
      kind,
      gold: theirs.length,
      suggested: mine.length,
      matched,
      precision: mine.length === 0 ? 1 : matched / mine.length,
      recall: theirs.length === 0 ? 1 : matched / theirs.length,
      missed: theirs.filter((_, j) => !usedGold.has(j)),
      wrong: mine.filter((_, i) => !usedMine.has(i)),
    };
  });
}

/** A small table for the test log: figures a reviewer can compare run to run. */
export function table(title: string, scores: KindScore[]): string {
  const pct = (n: number, applies: boolean): string => (applies ? n.toFixed(2) : ' n/a');
  const rows = scores.map(
    (s) =>
      `${s.kind.padEnd(16)} ${String(s.gold).padStart(4)} ${String(s.suggested).padStart(9)} ${String(s.matched).padStart(7)}   ${pct(s.precision, s.suggested > 0)}      ${pct(s.recall, s.gold > 0)}`,
  );
  return [title, 'kind             gold suggested matched precision recall', ...rows].join('\n');
}
