// Word-level differences inside one changed paragraph, so a reviewer sees the words that moved
// rather than two near-identical paragraphs. Longest common subsequence over words.

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Past this many word pairs the paragraph is shown as removed + added (no word detail). */
const MAX_CELLS = 250_000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  if (a.length * b.length > MAX_CELLS) {
    return [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ];
  }
  // cell(i, j): length of the common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  const cell = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1));
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string | undefined) => {
    if (text === undefined) return;
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (cell(i + 1, j) >= cell(i, j + 1)) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  while (i < a.length) push('removed', a[i++]);
  while (j < b.length) push('added', b[j++]);
  return readable(parts);
}

/** A shared "the" or "of" between two edits is noise: fold it into the edit around it. */
const TRIVIAL = /^\s*\S{0,3}\s*$/;

/** Each run of edits reads as one removal followed by one addition. */
function readable(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const close = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  parts.forEach((part, k) => {
    const between = k > 0 && k < parts.length - 1 && (removed || added);
    if (part.kind === 'same' && between && TRIVIAL.test(part.text)) {
      removed += part.text;
      added += part.text;
    } else if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else {
      close();
      out.push(part);
    }
  });
  close();
  return out;
}
