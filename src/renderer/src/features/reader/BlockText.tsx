import { type CSSProperties, memo, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { Block, PageSpan } from '../../../../shared/api.ts';
import { pageBreaksWithin } from './rows.ts';

/** An excerpt drawn in the text, in its first code's colour. */
export interface Highlight {
  id: string;
  start: number;
  end: number;
  colour: string;
}

interface Props {
  text: string;
  block: Block;
  pages: PageSpan[];
  /** Find matches overlapping this block, as absolute offsets. */
  matches: [number, number][];
  currentMatch: [number, number] | null;
  highlights: Highlight[];
  selectedExcerpt: string | null;
  onSelectExcerpt: (id: string) => void;
}

/** Overlapping excerpts show as stripes of each colour, so none hides another. */
function highlightStyle(colours: string[]): CSSProperties {
  if (colours.length === 1) return { backgroundColor: colours[0] };
  const stripe = 100 / colours.length;
  const stops = colours.map((c, i) => `${c} ${i * stripe}% ${(i + 1) * stripe}%`).join(', ');
  return { backgroundImage: `linear-gradient(180deg, ${stops})` };
}

/**
 * One block of the normalised text, with excerpts highlighted, find matches marked and inline page
 * breaks. Every piece of text carries data-start (its offset in the source text), so a selection
 * in the page maps back to exact offsets.
 * Memoised: while the reader scrolls, a row whose props did not change (the reader hands each block
 * its own lists, the same arrays until they change) is not drawn again.
 */
export const BlockText = memo(function BlockText({
  text,
  block,
  pages,
  matches,
  currentMatch,
  highlights,
  selectedExcerpt,
  onSelectExcerpt,
}: Props) {
  const cuts = new Set<number>([block.start, block.end]);
  const clip = (n: number) => Math.min(block.end, Math.max(block.start, n));
  for (const [s, e] of matches) {
    cuts.add(clip(s));
    cuts.add(clip(e));
  }
  for (const h of highlights) {
    cuts.add(clip(h.start));
    cuts.add(clip(h.end));
  }
  const breaks = pageBreaksWithin(pages, block.start, block.end);
  for (const p of breaks) cuts.add(p.start);
  const points = [...cuts].sort((a, b) => a - b);

  const parts: ReactNode[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const pageBreak = breaks.find((p) => p.start === from);
    if (pageBreak) {
      parts.push(
        <span key={`p${from}`} className="inline-page" data-skip="true">
          <span className="visually-hidden">
            <FormattedMessage id="reader.pageBreak.spoken" defaultMessage="page" />{' '}
          </span>
          <FormattedMessage id="reader.pageBreak" defaultMessage="p. {page}" values={{ page: pageBreak.page }} />
        </span>,
      );
    }
    let content: ReactNode = text.slice(from, to);
    if (matches.some(([s, e]) => s <= from && to <= e)) {
      const isCurrent = currentMatch !== null && currentMatch[0] <= from && to <= currentMatch[1];
      content = <mark className={isCurrent ? 'find current' : 'find'}>{content}</mark>;
    }
    const covering = highlights.filter((h) => h.start <= from && to <= h.end);
    if (covering.length > 0) {
      const top = covering[covering.length - 1] as Highlight;
      const selected = covering.some((h) => h.id === selectedExcerpt);
      parts.push(
        // biome-ignore lint/a11y/useKeyWithClickEvents: excerpts are reached by keyboard with J/K and the excerpt list
        // biome-ignore lint/a11y/noStaticElementInteractions: same — a click on a highlight is a mouse shortcut
        <span
          key={from}
          data-start={from}
          data-excerpt={top.id}
          className={`excerpt${selected ? ' selected' : ''}${covering.length > 1 ? ' overlap' : ''}`}
          style={highlightStyle(covering.map((h) => h.colour))}
          onClick={() => onSelectExcerpt(top.id)}
        >
          {content}
        </span>,
      );
    } else {
      parts.push(
        <span key={from} data-start={from}>
          {content}
        </span>,
      );
    }
  }

  const body = <>{parts}</>;
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, (block.level ?? 1) + 1);
      const Tag = `h${level}` as 'h2';
      return <Tag className="reader-heading">{body}</Tag>;
    }
    case 'list-item':
      return <p className="reader-list-item">{body}</p>;
    case 'quote':
      return <blockquote>{body}</blockquote>;
    case 'footnote':
      return <p className="reader-footnote">{body}</p>;
    default:
      return <p>{body}</p>;
  }
});

/** Maps the page's current selection to [start, end) offsets of the source text, or null. */
export function selectionOffsets(container: HTMLElement): [number, number] | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const offsetOf = (node: Node, offset: number, edge: 'start' | 'end'): number | null => {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const holder = element?.closest('[data-start]');
    if (holder && !holder.closest('[data-skip]')) {
      const base = Number(holder.getAttribute('data-start'));
      if (node.nodeType === Node.TEXT_NODE) return base + offset;
      return edge === 'start' ? base : base + (holder.textContent?.length ?? 0);
    }
    // The boundary sits between pieces (e.g. at a block's edge): use the nearest piece inside the range.
    const pieces = [...container.querySelectorAll('[data-start]')].filter(
      (p) => !p.closest('[data-skip]') && range.intersectsNode(p),
    );
    const piece = edge === 'start' ? pieces[0] : pieces[pieces.length - 1];
    if (!piece) return null;
    const base = Number(piece.getAttribute('data-start'));
    return edge === 'start' ? base : base + (piece.textContent?.length ?? 0);
  };
  const start = offsetOf(range.startContainer, range.startOffset, 'start');
  const end = offsetOf(range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return [start, end];
}
