// The reader hands each block of a long source only its own highlights and page breaks, worked out
// once, so that scrolling redraws only new rows. Same answers as filtering everything per block.
import { describe, expect, it } from 'vitest';
import { buildRows, pageBreaksWithin, perBlock } from '../../../src/renderer/src/features/reader/rows.ts';
import type { Block, PageSpan } from '../../../src/shared/api.ts';
import { syntheticSource } from '../../bench/synthetic-source.ts';

const source = syntheticSource({ pages: 40, excerpts: 400, codes: 4, seed: 11 });

describe('a monitor reads a long, heavily coded source', () => {
  it('gives every block exactly the excerpts that overlap it, in their order, across block breaks too', () => {
    const byBlock = perBlock(source.blocks, source.excerpts, (e) => [e.start, e.end]);
    expect(byBlock).toHaveLength(source.blocks.length);
    source.blocks.forEach((block, i) => {
      expect(byBlock[i]).toEqual(source.excerpts.filter((e) => e.end > block.start && e.start < block.end));
    });
    // The generated source has excerpts running on into the next block: they are in both.
    const runOn = source.excerpts.find((e) => source.text.slice(e.start, e.end).includes('\n\n'));
    expect(byBlock.filter((list) => list.includes(runOn as (typeof source.excerpts)[number])).length).toBe(2);
  });

  it('hands blocks without excerpts one shared empty list, and nothing for a range between blocks', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', start: 0, end: 10 },
      { kind: 'paragraph', start: 12, end: 20 },
      { kind: 'paragraph', start: 22, end: 30 },
    ];
    const byBlock = perBlock(blocks, [[10, 12] as [number, number], [25, 27] as [number, number]], (m) => m);
    expect(byBlock[0]).toEqual([]);
    expect(byBlock[0]).toBe(byBlock[1]); // same array: a memoised row sees no change
    expect(byBlock[2]).toEqual([[25, 27]]);
    expect(perBlock([], [[1, 2] as [number, number]], (m) => m)).toEqual([]);
  });

  it('marks a page break inside a paragraph once, at the first span of its page, as before', () => {
    // Page 2's footnotes were moved to the end of the text: it owns a second span there.
    const pages: PageSpan[] = [
      { page: 1, start: 0, end: 50 },
      { page: 2, start: 50, end: 90 },
      { page: 3, start: 90, end: 120 },
      { page: 2, start: 120, end: 140 },
    ];
    const naive = (start: number, end: number) => {
      const first = new Map<number, number>();
      for (const p of pages) first.set(p.page, Math.min(first.get(p.page) ?? p.start, p.start));
      return pages.filter((p) => first.get(p.page) === p.start && p.start > start && p.start < end);
    };
    for (const [start, end] of [
      [0, 140],
      [40, 60],
      [50, 95],
      [100, 140],
      [0, 50],
    ] as const) {
      expect(pageBreaksWithin(pages, start, end)).toEqual(naive(start, end));
    }
    expect(pageBreaksWithin(pages, 40, 100).map((p) => p.page)).toEqual([2, 3]);
    // The generated source: every page after the first begins exactly once, in a block or before one.
    const rows = buildRows(source.blocks, source.pages);
    const inline = source.blocks.flatMap((b) => pageBreaksWithin(source.pages, b.start, b.end).map((p) => p.page));
    const markers = rows.flatMap((r) => (r.type === 'page' ? [r.page] : []));
    expect([...inline, ...markers].sort((a, b) => a - b)).toEqual(source.pages.map((p) => p.page));
  });
});
