// Builders for draft bodies and for the context export reads, so each test shows the draft it
// judges. `goodContext()` is a submission that passes every check: a test changes one thing and
// expects exactly the result that change should cause.
import { readFileSync } from 'node:fs';
import type {
  CitedExcerpt,
  DraftContext,
  PseudonymousEntity,
  ReferencedRecommendation,
} from '../../../src/main/drafts/types.ts';
import type { DraftBody, DraftCover, DraftNode } from '../../../src/shared/draft.ts';

type Content = DraftNode | string;

export const text = (value: string, ...marks: ('bold' | 'italic')[]): DraftNode => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}),
});
export const cite = (excerptId: string): DraftNode => ({ type: 'citation', attrs: { excerptId } });
export const recommendationRef = (recommendationId: string): DraftNode => ({
  type: 'recommendationRef',
  attrs: { recommendationId },
});
const inline = (content: Content[]) => content.map((c) => (typeof c === 'string' ? text(c) : c));
export const para = (...content: Content[]): DraftNode => ({ type: 'paragraph', content: inline(content) });
export const unnumbered = (...content: Content[]): DraftNode => ({
  type: 'paragraph',
  attrs: { numbered: false },
  content: inline(content),
});
export const emptyPara = (): DraftNode => ({ type: 'paragraph', attrs: { numbered: true } });
export const heading = (level: number, value: string): DraftNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
export const bullets = (...items: Content[][]): DraftNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [para(...item)] })),
});
export const ordered = (...items: Content[][]): DraftNode => ({
  type: 'orderedList',
  content: items.map((item) => ({ type: 'listItem', content: [para(...item)] })),
});
export const quote = (...content: Content[]): DraftNode => ({ type: 'blockquote', content: [para(...content)] });
const cellNode = (type: 'tableHeader' | 'tableCell', content: Content[]): DraftNode => ({
  type,
  content: [
    { type: 'paragraph', attrs: { numbered: false }, ...(content.length > 0 ? { content: inline(content) } : {}) },
  ],
});
/** A table as `draft.appendTable` writes it: a header row of `columns`, then the rows, each cell's words and citations. */
export const table = (columns: string[], ...rows: Content[][][]): DraftNode => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: columns.map((c) => cellNode('tableHeader', [c])) },
    ...rows.map((row) => ({ type: 'tableRow', content: row.map((cell) => cellNode('tableCell', cell)) })),
  ],
});
export const doc = (...content: DraftNode[]): DraftBody => ({ type: 'doc', content });

export const COVER: DraftCover = {
  state: 'Kazakhstan',
  session: 48,
  cycle: 4,
  monthYear: 'March 2027',
  organisations: [
    {
      name: 'International Centre for Trade Union Rights',
      acronym: 'ICTUR',
      city: 'London',
      country: 'United Kingdom',
      activities: 'ICTUR defends and extends trade union rights and raises awareness of their violations worldwide.',
      foundedYear: 1987,
      website: '',
    },
  ],
  contactName: 'Daniel Blackburn',
  contactEmail: 'contact@ictur.example',
  keywords: ['freedom of association', 'trade unions'],
  language: 'en',
};

export function excerpt(id: string, overrides: Partial<CitedExcerpt> = {}): CitedExcerpt {
  return {
    id,
    status: 'live',
    confidentiality: 'public',
    page: 3,
    sourceId: `source-${id}`,
    sourceTitle: 'Information supplied by the Government (2022)',
    authorOrganisation: 'Government of Kazakhstan',
    documentSymbol: 'CAN/D/Kazakhstan-C.87',
    dateText: '2022',
    originalSha256: 'c0ffee'.padEnd(64, '0'),
    ...overrides,
  };
}

export function recommendation(
  id: string,
  overrides: Partial<ReferencedRecommendation> = {},
): ReferencedRecommendation {
  return {
    id,
    status: 'live',
    text: 'Amend the trade union law to ensure the right to form independent unions.',
    recommendingStates: ['France'],
    cycle: 3,
    session: '34',
    documentSymbol: 'A/HRC/43/10',
    paragraph: '140.12',
    response: 'noted',
    ...overrides,
  };
}

export function person(name: string, overrides: Partial<PseudonymousEntity> = {}): PseudonymousEntity {
  return {
    id: `entity-${name}`,
    kind: 'person',
    name,
    aliases: [],
    pseudonym: 'a local union leader',
    sensitivity: 'sensitive',
    ...overrides,
  };
}

export const GOOD_BODY = doc(
  heading(1, 'Introduction and summary'),
  para(
    'This submission covers freedom of association in Kazakhstan from 2019 to 2024. It draws on court records, ',
    'the Government’s own reports to the International Labour Organization and interviews with union members.',
  ),
  heading(1, 'Follow-up to the previous review'),
  para(
    'Kazakhstan noted the recommendation ',
    recommendationRef('r1'),
    ' to amend its trade union law. The Government reports that unions now register by simple notification.',
    cite('e1'),
  ),
  heading(1, 'New developments and issues not raised before'),
  para('Three independent unions were refused registration in 2023 on formal grounds.', cite('e2')),
  heading(1, 'Recommendations'),
  para(
    'Amend Article 12 of the Law on Trade Unions by December 2027, as recommended previously ',
    recommendationRef('r1'),
    ', to remove compulsory affiliation.',
  ),
);

/** A submission that passes every check (on 1 February 2027, six weeks before its deadline). */
export function goodContext(
  overrides: Partial<Omit<DraftContext, 'draft'>> & {
    body?: DraftBody;
    cover?: Partial<DraftCover>;
    template?: 'individual' | 'joint';
  } = {},
): DraftContext {
  const { body, cover, template, ...rest } = overrides;
  return {
    draft: {
      id: 'draft-1',
      title: 'Kazakhstan — 4th cycle',
      template: template ?? 'individual',
      cover: { ...COVER, ...cover },
      body: body ?? GOOD_BODY,
    },
    dossier: { country: 'KAZ', cycle: 4, session: '48', deadline: '2027-03-15', themes: ['freedom of association'] },
    excerpts: new Map([
      ['e1', excerpt('e1')],
      [
        'e2',
        excerpt('e2', {
          sourceTitle: 'Kazakhstan: independent unions refused registration',
          authorOrganisation: 'International Trade Union Confederation',
          documentSymbol: null,
          dateText: '2023-05',
          page: null,
        }),
      ],
    ]),
    recommendations: new Map([['r1', recommendation('r1')]]),
    entities: [],
    protectedQuotes: () => [],
    ...rest,
  };
}

export const TODAY = '2027-02-01';

/**
 * A real submission's text (ICTUR's to the UPR of Kazakhstan) as a draft of exactly `words` words
 * in paragraphs under the template's headings, with `notes` citations spread evenly through it.
 */
export function realisticBody(words: number, notes: number, excerptIds: readonly string[]): DraftBody {
  const source = readFileSync(
    new URL('../../fixtures/documents/ictur-upr-submission-kazakhstan.txt', import.meta.url),
    'utf8',
  );
  const pool = source.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const all: string[] = [];
  while (all.length < words) all.push(...pool.slice(0, words - all.length));
  const headings = [
    'Introduction and summary',
    'Follow-up to the previous review',
    'New developments and issues not raised before',
    'Recommendations',
  ];
  const headingWords = headings.join(' ').split(' ').length;
  const bodyWords = all.slice(0, words - headingWords);
  const perParagraph = 70;
  const paragraphs: string[][] = [];
  for (let i = 0; i < bodyWords.length; i += perParagraph) paragraphs.push(bodyWords.slice(i, i + perParagraph));
  // Spread the citations: after every k-th word, counting across the whole text.
  const every = bodyWords.length / notes;
  let next = every;
  let count = 0;
  let seen = 0;
  const nodes: DraftNode[] = [];
  paragraphs.forEach((paragraph, p) => {
    if (p % Math.ceil(paragraphs.length / headings.length) === 0) {
      nodes.push(heading(1, headings[Math.floor(p / Math.ceil(paragraphs.length / headings.length))] as string));
    }
    const content: DraftNode[] = [];
    let run: string[] = [];
    const flush = () => {
      // After a note mark the text goes on after a space: "… in 2011.¹ At least 16 people …"
      if (run.length > 0) content.push(text(`${content.length > 0 ? ' ' : ''}${run.join(' ')}`));
      run = [];
    };
    for (const word of paragraph) {
      run.push(word);
      seen++;
      if (seen >= next && count < notes) {
        flush();
        content.push(cite(excerptIds[count % excerptIds.length] as string));
        count++;
        next += every;
      }
    }
    flush();
    nodes.push({ type: 'paragraph', content });
  });
  return doc(...nodes);
}
