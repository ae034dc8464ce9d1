import type { Block, PageSpan } from '../../../../shared/api.ts';
import { pageBreaksWithin } from './rows.ts';

interface Props {
  text: string;
  block: Block;
  pages: PageSpan[];
  /** Find matches overlapping this block, as absolute offsets. */
  matches: [number, number][];
  currentMatch: [number, number] | null;
}

/** One block of the normalised text, with find matches marked and inline page breaks. */
export function BlockText({ text, block, pages, matches, currentMatch }: Props) {
  const cuts = new Set<number>([block.start, block.end]);
  for (const [s, e] of matches) {
    cuts.add(Math.max(block.start, s));
    cuts.add(Math.min(block.end, e));
  }
  const breaks = pageBreaksWithin(pages, block.start, block.end);
  for (const p of breaks) cuts.add(p.start);
  const points = [...cuts].sort((a, b) => a - b);

  const parts = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const pageBreak = breaks.find((p) => p.start === from);
    if (pageBreak) {
      parts.push(
        <span key={`p${from}`} className="inline-page">
          <span className="visually-hidden">page </span>p. {pageBreak.page}
        </span>,
      );
    }
    const segment = text.slice(from, to);
    const inMatch = matches.some(([s, e]) => s <= from && to <= e);
    if (inMatch) {
      const isCurrent = currentMatch !== null && currentMatch[0] <= from && to <= currentMatch[1];
      parts.push(
        <mark key={from} className={isCurrent ? 'current' : undefined}>
          {segment}
        </mark>,
      );
    } else {
      parts.push(<span key={from}>{segment}</span>);
    }
  }

  const content = <>{parts}</>;
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, (block.level ?? 1) + 1);
      const Tag = `h${level}` as 'h2';
      return <Tag className="reader-heading">{content}</Tag>;
    }
    case 'list-item':
      return <p className="reader-list-item">{content}</p>;
    case 'quote':
      return <blockquote>{content}</blockquote>;
    case 'footnote':
      return <p className="reader-footnote">{content}</p>;
    default:
      return <p>{content}</p>;
  }
}
