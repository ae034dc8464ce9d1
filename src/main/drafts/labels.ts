// List labels written out as text (HTML and Markdown), matching the DOCX numbering: bullets, and
// ordered items as (a), (b)… then (i), (ii)… one level down, so a list inside paragraph 12 never
// reads as paragraph 1.
import type { ListPlace } from './model.ts';

function letters(n: number): string {
  let out = '';
  let rest = n;
  while (rest > 0) {
    rest--;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

export function listLabel(list: ListPlace): string {
  if (!list.ordered) return list.depth % 2 === 0 ? '•' : '◦';
  const index = Math.max(1, list.index);
  return `(${list.depth % 2 === 0 ? letters(index) : roman(index)})`;
}
