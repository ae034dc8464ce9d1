// A synthetic long source for the reader benchmark: report-like paragraphs with headings, lists and
// quotes, a page map with paragraphs running across page breaks (as imported PDFs have), and
// excerpts that overlap and nest the way a team's coding of one report does. Deterministic (seeded),
// so every run and both sides of a comparison read the same document.
import type { PageSpan, SourceBlock } from '../../src/main/store/sources.ts';

export interface SyntheticExcerpt {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  page: number;
  /** Indexes into the list of codes the benchmark creates; empty means uncoded (default colour). */
  codes: number[];
}

export interface SyntheticSource {
  text: string;
  blocks: SourceBlock[];
  pages: PageSpan[];
  excerpts: SyntheticExcerpt[];
}

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The Government',
  'The Committee on Freedom of Association',
  'The independent trade union',
  'Monitors from the Bureau',
  'The Ministry of Labour and Social Protection',
  'Several witnesses',
  'The regional prosecutor’s office',
  'Lawyers for the detained workers',
  'The Special Rapporteur',
  'The employer',
];
const VERBS = [
  'reported that',
  'stated that',
  'noted with concern that',
  'alleged that',
  'denied that',
  'confirmed in writing that',
  'told the mission that',
  'has repeatedly claimed that',
];
const CLAUSES = [
  'police dispersed a peaceful assembly of oil workers in the central square',
  'the registration of the union was refused for the third time on formal grounds',
  'the strike committee’s leaders were charged with calling for participation in an illegal strike',
  'the amendments to the Law on Trade Unions removed the requirement of affiliation to a national federation',
  'no investigation was opened into the allegations of ill-treatment in pre-trial detention',
  'journalists covering the trial were denied access to the courtroom',
  'the court sentenced the union’s lawyer to five years of restricted freedom',
  'workers who joined the independent union were transferred to lower-paid positions',
  'the labour inspectorate found no violations at the enterprise',
  'the recommendations of the previous review remain unimplemented',
  'the list of hazardous production facilities where strikes are banned was extended',
  'members of the union received anonymous threats after the meeting',
];
const TAILS = [
  '',
  ' in March 2022',
  ' despite repeated requests for information',
  ', according to the court records seen by the monitors',
  ' without any explanation being given',
  ' on the eve of the review',
  ', a claim the union disputes',
];
const HEADINGS = [
  'Freedom of association and the right to organise',
  'Registration of trade unions',
  'The right to strike',
  'Arrests and prosecutions of union leaders',
  'Follow-up to previous recommendations',
  'Access to justice and fair trial',
  'Conclusions and recommendations',
];

export function syntheticSource(options: { pages: number; excerpts: number; codes: number; seed: number }) {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CLAUSES)}${pick(TAILS)}.`;
  const sentences = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, sentence).join(' ');

  // About 3,000 characters a page, as in a typeset report.
  const targetLength = options.pages * 3_000;
  const pieces: { kind: SourceBlock['kind']; level?: number; text: string }[] = [];
  let length = 0;
  let section = 0;
  while (length < targetLength) {
    let piece: (typeof pieces)[number];
    const roll = random();
    if (pieces.length % 12 === 0) {
      section++;
      piece = { kind: 'heading', level: 1 + Math.floor(random() * 2), text: `${section}. ${pick(HEADINGS)}` };
    } else if (roll < 0.12) {
      piece = { kind: 'list-item', text: `(${String.fromCharCode(97 + (pieces.length % 8))}) ${sentences(1, 2)}` };
    } else if (roll < 0.17) {
      piece = { kind: 'quote', text: `“${sentences(1, 3)}”` };
    } else {
      piece = { kind: 'paragraph', text: `${pieces.length}. ${sentences(2, 8)}` };
    }
    pieces.push(piece);
    length += piece.text.length + 2;
  }

  // Blocks joined by a blank line, as the importers produce.
  const blocks: SourceBlock[] = [];
  let text = '';
  for (const piece of pieces) {
    if (text) text += '\n\n';
    const start = text.length;
    text += piece.text;
    blocks.push({ kind: piece.kind, ...(piece.level ? { level: piece.level } : {}), start, end: text.length });
  }

  // Pages cut at word boundaries wherever they fall, so paragraphs run across page breaks.
  const pages: PageSpan[] = [];
  let pageStart = 0;
  for (let page = 1; page <= options.pages; page++) {
    let end = page === options.pages ? text.length : Math.round((text.length * page) / options.pages);
    if (page < options.pages) end = text.indexOf(' ', end) + 1 || text.length;
    pages.push({ page, start: pageStart, end });
    pageStart = end;
  }
  const pageOf = (offset: number) => (pages.find((p) => p.start <= offset && offset < p.end) as PageSpan).page;

  // Word-aligned excerpts of a clause to a few sentences, most within one block; a third start inside
  // the one before, so overlaps and nesting are common, and one in twenty runs on into the next block.
  const wordStart = (at: number) => {
    const space = text.lastIndexOf(' ', at);
    return space < 0 ? 0 : space + 1;
  };
  const wordEnd = (at: number) => {
    const space = text.indexOf(' ', at);
    return space < 0 ? text.length : space;
  };
  const excerpts: SyntheticExcerpt[] = [];
  let previous: { start: number; end: number } | null = null;
  while (excerpts.length < options.excerpts) {
    const from =
      previous && random() < 0.33
        ? previous.start + Math.floor(random() * (previous.end - previous.start))
        : Math.floor(random() * (text.length - 1_000));
    const start = wordStart(from);
    const block = blocks.find((b) => b.start <= start && start < b.end);
    if (!block) continue;
    let end = Math.min(text.length, wordEnd(start + 40 + Math.floor(random() ** 2 * 700)));
    if (random() > 0.05) end = Math.min(end, block.end);
    const exact = text.slice(start, end);
    if (exact.trim().length < 20) continue;
    const codes = random() < 0.1 ? [] : [Math.floor(random() * options.codes)];
    if (codes.length && random() < 0.2) codes.push(((codes[0] as number) + 1) % options.codes);
    excerpts.push({
      start,
      end,
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      page: pageOf(start),
      codes,
    });
    previous = { start, end };
  }
  excerpts.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, blocks, pages, excerpts } satisfies SyntheticSource;
}

/** How many excerpts overlap another one (a figure to print next to the benchmark). */
export function overlapping(excerpts: { start: number; end: number }[]): number {
  const sorted = [...excerpts].sort((a, b) => a.start - b.start);
  const overlaps = new Set<number>();
  let reach = -1;
  let reacher = -1;
  sorted.forEach((e, i) => {
    if (e.start < reach) {
      overlaps.add(i);
      overlaps.add(reacher);
    }
    if (e.end > reach) {
      reach = e.end;
      reacher = i;
    }
  });
  return overlaps.size;
}
