// Two versions of a draft compared paragraph by paragraph, in document order: the longest common
// subsequence of their blocks is "same"; in between, a removed and an added paragraph that share
// enough words are one "changed" paragraph, the rest are removed or added. Paragraph numbers are left
// out of the text compared (adding one paragraph renumbers all after it), and a citation reads as
// its source, so changing what a sentence cites shows as a change. A table row is compared as one
// paragraph, its cells separated by " | ", so a changed cell shows as its row before and after.
import type { DraftChange } from '../../shared/api/drafts.ts';
import type { DraftBody } from '../../shared/draft.ts';
import { type Block, buildModel, type CitationRun, inlineText, layout, type RecommendationText } from './model.ts';

export type CitationLabel = (excerptId: string) => string;

function blockTexts(body: DraftBody, citation: CitationLabel, recommendation: RecommendationText): string[] {
  const text = (block: Block) =>
    inlineText(block.inlines, (run: CitationRun) => ` [${citation(run.excerptId)}]`).trim();
  return layout(buildModel(body, recommendation).blocks).flatMap((item) =>
    item.kind === 'block'
      ? [text(item.block)]
      : item.rows.map((row) =>
          row.cells.flatMap((cell) => (cell ? [cell.blocks.map(text).join(' ')] : [])).join(' | '),
        ),
  );
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of words two paragraphs have in common (Jaccard). */
function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

const SIMILAR = 0.3;

type Op = { kind: 'same'; text: string } | { kind: 'removed'; text: string } | { kind: 'added'; text: string };

function diff(before: string[], after: string[]): Op[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: common length of before[i…] and after[j…]
  const lcs = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] =
        before[i] === after[j]
          ? (lcs[at(i + 1, j + 1)] as number) + 1
          : Math.max(lcs[at(i + 1, j)] as number, lcs[at(i, j + 1)] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      ops.push({ kind: 'same', text: before[i++] as string });
      j++;
    } else if (j < m && (i === n || (lcs[at(i, j + 1)] as number) >= (lcs[at(i + 1, j)] as number))) {
      ops.push({ kind: 'added', text: after[j++] as string });
    } else {
      ops.push({ kind: 'removed', text: before[i++] as string });
    }
  }
  return ops;
}

/** Pairs the removed and added paragraphs of one stretch between unchanged ones. */
function hunk(removed: string[], added: string[], out: DraftChange[]): void {
  let nextAdded = 0;
  for (const old of removed) {
    let match = -1;
    for (let k = nextAdded; k < added.length; k++) {
      if (similarity(old, added[k] as string) >= SIMILAR) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      out.push({ change: 'removed', before: old, after: null });
      continue;
    }
    for (; nextAdded < match; nextAdded++)
      out.push({ change: 'added', before: null, after: added[nextAdded] as string });
    out.push({ change: 'changed', before: old, after: added[match] as string });
    nextAdded = match + 1;
  }
  for (; nextAdded < added.length; nextAdded++)
    out.push({ change: 'added', before: null, after: added[nextAdded] as string });
}

export function compareBodies(
  before: DraftBody,
  after: DraftBody,
  citation: CitationLabel,
  recommendation: RecommendationText,
): DraftChange[] {
  const ops = diff(blockTexts(before, citation, recommendation), blockTexts(after, citation, recommendation));
  const out: DraftChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    hunk(removed, added, out);
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.kind === 'same') {
      flush();
      out.push({ change: 'same', before: op.text, after: op.text });
    } else if (op.kind === 'removed') removed.push(op.text);
    else added.push(op.text);
  }
  flush();
  return out;
}
