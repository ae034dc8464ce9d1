// The shapes that used to take the importers minutes — a page nested thousands deep, a paragraph of
// a hundred thousand lines — are now measured in one pass, without recursion or re-reading.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { domToBlocks } from '../../../src/main/ingest/dom.ts';
import { parseHtml } from '../../../src/main/ingest/html.ts';
import { nestingDepth } from '../../../src/main/ingest/nesting.ts';
import { buildLexicon, joinLine, joinLines } from '../../../src/main/ingest/normalise.ts';

describe('how deep a page nests, read from its markup', () => {
  it('is shallow for every real page in the fixtures and for a hostile page of links and scripts', () => {
    const pages = readdirSync('tests/fixtures/documents').filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(2);
    for (const name of pages) {
      const depth = nestingDepth(readFileSync(`tests/fixtures/documents/${name}`, 'utf8'));
      expect(depth, name).toBeGreaterThan(3);
      expect(depth, name).toBeLessThan(40);
    }
  });

  it('follows the parser: void elements, implied ends, raw text and comments add no depth', () => {
    expect(nestingDepth('<ul><li>a<li>b<li>c</ul><p>one<p>two<br><img src=x>')).toBe(2);
    expect(nestingDepth('<table><tr><td>a<td>b<tr><td>c</table>')).toBe(3);
    expect(nestingDepth('<script>"<div><div><div>"</script><!-- <div><div> --><div></div>')).toBe(1);
    expect(nestingDepth('<constructor><hasownproperty><tostring>')).toBe(3);
  });

  it('counts a crafted nesting fast and stops counting past the limit', () => {
    const html = `${'<div>'.repeat(200_000)}text${'</div>'.repeat(200_000)}`;
    const started = performance.now();
    expect(nestingDepth(html, 512)).toBe(513);
    expect(nestingDepth(html)).toBe(200_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('the DOM walk', () => {
  it('reads a tree nested far deeper than the call stack allows', async () => {
    const document = await parseHtml('<p>placeholder</p>');
    // 6,000 levels: beyond what the recursive walk survived (it overflowed the stack near 4,000).
    let node: Node = document.createTextNode('Words at the bottom.');
    for (let i = 0; i < 6000; i++) {
      const element = document.createElement(i % 2 ? 'div' : 'span');
      element.appendChild(node);
      node = element;
    }
    document.body.appendChild(node);
    expect(domToBlocks(document.body).blocks.map((b) => b.text)).toEqual(['placeholder', 'Words at the bottom.']);
  });
});

describe('joining the lines of a paragraph', () => {
  it('gives what joining them one by one gives, hyphens and spaces included', () => {
    const lines = [
      'The organi-',
      'zations of non-',
      'unionized workers',
      '',
      'in 2014-',
      '2015 said',
      '中文',
      '文字 end',
    ];
    const lexicon = buildLexicon(lines);
    const { text, starts } = joinLines(lines, lexicon);
    expect(text).toBe(lines.reduce((acc, line) => joinLine(acc, line, lexicon), ''));
    expect(text).toBe('The organizations of non-unionized workers in 2014-2015 said 中文文字 end');
    // Each line starts where the one-by-one join put it.
    let acc = '';
    for (const [i, line] of lines.entries()) {
      acc = joinLine(acc, line, lexicon);
      expect(starts[i]).toBe(acc.length - line.length);
    }
  });

  it('joins a paragraph of 200,000 lines in linear time', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 7 === 0 ? 'a hyphen-' : 'ated line of words'));
    const started = performance.now();
    const { text, starts } = joinLines(lines, buildLexicon([]));
    expect(starts).toHaveLength(200_000);
    expect(text.length).toBeGreaterThan(3_000_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
