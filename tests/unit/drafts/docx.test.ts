// The Word file OHCHR receives, read part by part (no Word, no LibreOffice): real footnotes, body
// paragraphs numbered by one numbering definition, a PAGE field in the footer, headings, the cover,
// and — with redaction — no pseudonymised name in any part of the package.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../src/main/drafts/document.ts';
import { renderDocx } from '../../../src/main/drafts/docx.ts';
import type { DraftContext } from '../../../src/main/drafts/types.ts';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import {
  bullets,
  cite,
  doc,
  excerpt,
  goodContext,
  heading,
  ordered,
  para,
  person,
  text,
  unnumbered,
} from './support.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const { DOMParser } = new JSDOM('').window;

async function exportDocx(context: DraftContext, options: { redact: boolean; provenance?: boolean }) {
  const bytes = await renderDocx(prepareDocument(context, options));
  const entries = listZip(bytes) ?? [];
  const part = (name: string): string => {
    const content = readZipText(
      bytes,
      entries.find((e) => e.name === name),
    );
    if (content === undefined) throw new Error(`no part ${name}`);
    return content;
  };
  const xml = (name: string): Document => {
    const parsed = new DOMParser().parseFromString(part(name), 'application/xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    return parsed;
  };
  return { bytes, names: entries.map((e) => e.name), part, xml };
}

const all = (node: Document | Element, name: string) => [...node.getElementsByTagNameNS(W, name)];
const val = (el: Element | undefined, name = 'val') => el?.getAttributeNS(W, name) ?? null;
const textOf = (el: Element) =>
  all(el, 't')
    .map((t) => t.textContent)
    .join('');

const BODY = doc(
  heading(1, 'Introduction and summary'),
  para('The union was dissolved in 2017.', cite('e1'), ' Its leader was sentenced.', cite('e2')),
  heading(1, 'Follow-up to the previous review'),
  para(text('Kazakhstan', 'bold'), ' noted the recommendation.', cite('e1')),
  unnumbered('“Amend the trade union law.”'),
  bullets(['first bullet'], ['second bullet']),
  ordered(['(a) item'], ['(b) item']),
  heading(2, 'Registration'),
  para('Three unions were refused registration.'),
);

const context = () =>
  goodContext({
    body: BODY,
    excerpts: new Map([
      ['e1', excerpt('e1')],
      [
        'e2',
        excerpt('e2', {
          sourceTitle: 'Kazakhstan: union leader jailed',
          authorOrganisation: 'Human Rights Watch',
          documentSymbol: null,
          dateText: '2017-07-18',
          page: null,
        }),
      ],
    ]),
  });

describe('the exported Word document', () => {
  it('has real footnotes holding each generated note, referenced in order from the text', async () => {
    const { xml } = await exportDocx(context(), { redact: false });
    const notes = all(xml('word/footnotes.xml'), 'footnote').filter((n) => Number(val(n, 'id')) > 0);
    expect(notes.map((n) => [val(n, 'id'), textOf(n).trim()])).toEqual([
      ['1', 'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, p. 3.'],
      ['2', 'Human Rights Watch, Kazakhstan: union leader jailed, 18 July 2017.'],
      // The first source again, after another: a short form pointing back at note 1.
      ['3', 'Government of Kazakhstan, Information supplied by the Government, note 1 above, p. 3.'],
    ]);
    expect(all(xml('word/document.xml'), 'footnoteReference').map((r) => val(r, 'id'))).toEqual(['1', '2', '3']);
  });

  it('numbers exactly the body paragraphs 1…N with one decimal numbering definition, lists with their own', async () => {
    const { xml } = await exportDocx(context(), { redact: false });
    const numbering = xml('word/numbering.xml');
    const abstracts = new Map(
      all(numbering, 'abstractNum').map((a) => {
        const level = all(a, 'lvl')[0] as Element;
        return [val(a, 'abstractNumId'), `${val(all(level, 'numFmt')[0])} ${val(all(level, 'lvlText')[0])}`];
      }),
    );
    const formatOf = new Map(
      all(numbering, 'num').map((n) => [val(n, 'numId'), abstracts.get(val(all(n, 'abstractNumId')[0]))]),
    );
    const paragraphs = all(xml('word/document.xml'), 'p').map((p) => ({
      text: textOf(p),
      style: val(all(p, 'pStyle')[0]),
      format: formatOf.get(val(all(p, 'numId')[0])) ?? null,
      numId: val(all(p, 'numId')[0]),
    }));
    const numbered = paragraphs.filter((p) => p.format === 'decimal %1.');
    expect(numbered.map((p) => p.text)).toEqual([
      'The union was dissolved in 2017. Its leader was sentenced.',
      'Kazakhstan noted the recommendation.',
      'Three unions were refused registration.',
    ]);
    // One list for all of them: Word numbers them 1, 2, 3 straight through the headings.
    expect(new Set(numbered.map((p) => p.numId)).size).toBe(1);
    expect(paragraphs.filter((p) => p.format === 'bullet •').map((p) => p.text)).toEqual([
      'first bullet',
      'second bullet',
    ]);
    expect(paragraphs.filter((p) => p.format === 'lowerLetter (%1)').map((p) => p.text)).toEqual([
      '(a) item',
      '(b) item',
    ]);
    expect(paragraphs.find((p) => p.text.startsWith('“Amend'))?.format).toBeNull();
    expect(paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => [p.style, p.text, p.format])).toEqual([
      ['Heading1', 'Introduction and summary', null],
      ['Heading1', 'Follow-up to the previous review', null],
      ['Heading2', 'Registration', null],
    ]);
    // Bold stays bold; nothing says "not bold", which would undo the heading style.
    const runs = all(xml('word/document.xml'), 'r');
    expect(runs.filter((r) => all(r, 'b').length > 0).map(textOf)).toEqual(['Submitted by', 'Kazakhstan']);
  });

  it('puts the cover first, the body on a new page, and a PAGE field in the footer', async () => {
    const { xml, part } = await exportDocx(context(), { redact: false });
    const document = xml('word/document.xml');
    const paragraphs = all(document, 'p');
    expect(val(all(paragraphs[0] as Element, 'pStyle')[0])).toBe('Title');
    expect(textOf(paragraphs[0] as Element)).toBe(
      'Individual submission to the Universal Periodic Review of Kazakhstan',
    );
    expect(textOf(paragraphs[1] as Element)).toBe('48th session of the UPR Working Group, 4th cycle, March 2027');
    const cover = paragraphs
      .slice(
        0,
        paragraphs.findIndex((p) => all(p, 'pageBreakBefore').length > 0),
      )
      .map(textOf);
    expect(cover).toEqual(
      expect.arrayContaining([
        'Submitted by',
        'International Centre for Trade Union Rights (ICTUR), London, United Kingdom',
        'Founded in 1987. ICTUR defends and extends trade union rights and raises awareness of their violations worldwide.',
        'Contact: Daniel Blackburn, contact@ictur.example',
        'Keywords: freedom of association, trade unions',
      ]),
    );
    expect(cover.at(-1)).toBe('Word count: 41 (body of the submission, without the cover page and notes)');
    const firstBody = paragraphs.find((p) => all(p, 'pageBreakBefore').length > 0) as Element;
    expect(textOf(firstBody)).toBe('Introduction and summary');

    const footerId = all(document, 'footerReference')[0]?.getAttribute('r:id') ?? '';
    const rels = part('word/_rels/document.xml.rels');
    const target = new RegExp(`Id="${footerId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    const footer = xml(`word/${target}`);
    expect(all(footer, 'instrText').map((i) => i.textContent?.trim())).toEqual(['PAGE']);
    expect(all(footer, 'fldChar').map((f) => val(f, 'fldCharType'))).toEqual(['begin', 'separate', 'end']);
  });

  it('leaves no pseudonymised name in any part of the package when redacting, nor a withheld note', async () => {
    const secret = goodContext({
      body: doc(
        heading(1, 'Introduction and summary'),
        para('Amin Eleusinov was sentenced.', cite('e1'), ' A witness said so.', cite('hidden')),
        para(text('Eleusinov', 'bold'), ' appealed. ELEUSINOV lost.'),
      ),
      cover: { keywords: ['Eleusinov case'] },
      excerpts: new Map([
        ['e1', excerpt('e1', { sourceTitle: 'Interview with Amin Eleusinov' })],
        ['hidden', excerpt('hidden', { confidentiality: 'never_export', sourceTitle: 'Statement of witness K.' })],
      ]),
      entities: [person('Amin Eleusinov', { aliases: ['Eleusinov'], pseudonym: 'a union leader' })],
    });
    secret.draft.title = 'Eleusinov submission';
    const { names, part } = await exportDocx(secret, { redact: true, provenance: true });
    for (const name of names) {
      const content = part(name);
      expect(content, name).not.toMatch(/Eleusinov/i);
      expect(content, name).not.toContain('witness K.');
    }
    expect(part('word/document.xml')).toContain('A union leader was sentenced.');
    expect(part('word/footnotes.xml')).toContain('Interview with a union leader');

    // The same export without redaction keeps the names: the test above can fail.
    const plain = await exportDocx(secret, { redact: false });
    expect(plain.part('word/document.xml')).toContain('Amin Eleusinov');
    expect(plain.part('word/footnotes.xml')).not.toContain('witness K.');
  });

  it('leaves a restricted note out of the Word file unless its source was confirmed as nameable', async () => {
    const team = goodContext({
      body: doc(
        heading(1, 'Introduction and summary'),
        para('A member was dismissed.', cite('e1'), ' So were others.', cite('e2')),
      ),
      excerpts: new Map([
        ['e1', excerpt('e1', { confidentiality: 'restricted', sourceTitle: 'Interview notes, Almaty' })],
        ['e2', excerpt('e2')],
      ]),
    });
    const withheld = await exportDocx(team, { redact: true });
    expect(withheld.part('word/footnotes.xml')).not.toContain('Interview notes, Almaty');
    expect(withheld.part('word/document.xml').match(/<w:footnoteReference /g)).toHaveLength(1);

    const bytes = await renderDocx(prepareDocument(team, { redact: true, nameSources: ['source-e1'] }));
    const footnotes = readZipText(
      bytes,
      (listZip(bytes) ?? []).find((e) => e.name === 'word/footnotes.xml'),
    );
    expect(footnotes).toContain('Interview notes, Almaty');
  });

  it('adds the provenance annex only when asked, and survives control characters pasted into the text', async () => {
    const withAnnex = await exportDocx(context(), { redact: false, provenance: true });
    const paragraphs = all(withAnnex.xml('word/document.xml'), 'p').map(textOf);
    const start = paragraphs.indexOf('Annex: provenance of the notes');
    expect(start).toBeGreaterThan(0);
    expect(paragraphs.slice(start + 2)).toEqual(
      [1, 2, 3].map((n) => {
        const source = n === 2 ? 'Kazakhstan: union leader jailed' : 'Information supplied by the Government (2022)';
        const page = n === 2 ? 'not recorded' : '3';
        return `Note ${n}. ${source}Page: ${page}SHA-256 of the original: ${'c0ffee'.padEnd(64, '0')}Excerpt: e${n === 2 ? 2 : 1}`;
      }),
    );
    expect((await exportDocx(context(), { redact: false })).part('word/document.xml')).not.toContain('provenance');

    const pasted = goodContext({ body: doc(heading(1, 'Intro\u0007'), para('Text\u0000 with\u001b controls\uffff.')) });
    const { xml } = await exportDocx(pasted, { redact: false });
    expect(all(xml('word/document.xml'), 'p').map(textOf)).toContain('Text with controls.');
  });
});
