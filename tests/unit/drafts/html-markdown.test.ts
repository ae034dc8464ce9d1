// The same submission as a printable web page (what the app prints to PDF) and as Markdown: numbers
// written out, notes at the end, nothing that a browser would fetch or run.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../src/main/drafts/document.ts';
import { renderHtml } from '../../../src/main/drafts/html.ts';
import { renderMarkdown } from '../../../src/main/drafts/markdown.ts';
import { bullets, cite, doc, excerpt, goodContext, heading, ordered, para, person, quote, text } from './support.ts';

const context = () =>
  goodContext({
    body: doc(
      heading(1, 'Introduction and summary'),
      para('Amin Eleusinov <script>alert(1)</script> was *sentenced*', cite('e1'), ' in 2017.'),
      heading(1, 'Follow-up'),
      para(text('Bold', 'bold'), ' and ', text('italic', 'italic'), '.', cite('e1')),
      bullets(['a bullet']),
      ordered(['first'], ['second']),
      quote('A quotation.'),
      para('12. Typed numbers stay text.'),
    ),
    excerpts: new Map([['e1', excerpt('e1')]]),
    entities: [person('Amin Eleusinov', { pseudonym: 'a union leader' })],
  });

describe('the printable HTML', () => {
  it('writes paragraph numbers and notes, linked both ways, and escapes the text', () => {
    const html = renderHtml(prepareDocument(context(), { redact: true }));
    const page = new JSDOM(html).window.document;
    expect(page.documentElement.lang).toBe('en');
    expect(page.title).toBe('Individual submission to the Universal Periodic Review of Kazakhstan');
    expect([...page.querySelectorAll('p.numbered')].map((p) => p.textContent)).toEqual([
      '1.A union leader <script>alert(1)</script> was *sentenced*1 in 2017.',
      '2.Bold and italic.2',
      '3.12. Typed numbers stay text.',
    ]);
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect([...page.querySelectorAll('.notes li')].map((li) => li.id)).toEqual(['note-1', 'note-2']);
    expect(page.querySelector('sup.note-ref a')?.getAttribute('href')).toBe('#note-1');
    // A note call is read as "Note 1", not as a bare number run into the word before it.
    expect(
      [...page.querySelectorAll('sup.note-ref a')].map((a) => [a.getAttribute('role'), a.getAttribute('aria-label')]),
    ).toEqual([
      ['doc-noteref', 'Note 1'],
      ['doc-noteref', 'Note 2'],
    ]);
    expect([...page.querySelectorAll('p.item')].map((p) => p.textContent)).toEqual([
      '•a bullet',
      '(a)first',
      '(b)second',
    ]);
    expect(page.querySelector('p.quote')?.textContent).toBe('A quotation.');
    // Nothing to fetch: no links out, no images, no external style sheets.
    expect(page.querySelectorAll('link, img, iframe, [src]')).toHaveLength(0);
    expect(html).not.toContain('Eleusinov');
  });
});

describe('the Markdown', () => {
  it('writes escaped paragraph numbers, footnotes as [^n] with their definitions, and escapes markup', () => {
    const md = renderMarkdown(prepareDocument(context(), { redact: false }));
    expect(md).toContain('## Introduction and summary');
    expect(md).toContain('1\\. Amin Eleusinov \\<script\\>alert(1)\\</script\\> was \\*sentenced\\*[^1] in 2017.');
    expect(md).toContain('2\\. **Bold** and *italic*.[^2]');
    expect(md).toContain('3\\. 12\\. Typed numbers stay text.');
    expect(md).toContain('- a bullet');
    expect(md).toContain('(a) first\n\n(b) second');
    expect(md).toContain('> A quotation.');
    expect(md).toMatch(
      /\[\^1\]: Government of Kazakhstan, Information supplied by the Government \(2022\), CAN\/D\/Kazakhstan-C\.87, p\. 3\.\n\[\^2\]: /,
    );
    expect(md.startsWith('# Individual submission to the Universal Periodic Review of Kazakhstan')).toBe(true);
  });
});
