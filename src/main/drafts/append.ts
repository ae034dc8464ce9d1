// A paragraph added at the end of a draft from outside the editor (the Claims view, the CLI): words
// and citations in order, as the editor itself would store them — a numbered `paragraph` whose
// citations are `citation` nodes carrying the excerpt id, their notes generated like any other.
import type { DraftBody, DraftNode } from '../../shared/draft.ts';
import { UprightError } from '../../shared/errors.ts';
import type { Store } from '../store/index.ts';

export type ParagraphPart = { text: string } | { excerptId: string };

/** Words and citations as inline nodes; refuses a citation of an excerpt gone or of another dossier. */
function inline(store: Store, dossierId: string, parts: readonly ParagraphPart[]): DraftNode[] {
  const content: DraftNode[] = [];
  for (const part of parts) {
    if ('excerptId' in part) {
      const excerpt = store.excerpts.require(part.excerptId);
      if (store.sources.detail(excerpt.sourceId).dossierId !== dossierId) throw new UprightError('EXCERPT_NOT_FOUND');
      content.push({ type: 'citation', attrs: { excerptId: part.excerptId } });
    } else if (part.text) {
      // ProseMirror forbids empty text nodes; a line break inside the words stays a space.
      content.push({ type: 'text', text: part.text.replace(/\s*\n\s*/g, ' ') });
    }
  }
  return content;
}

/** The body with the paragraph added; refuses a citation of an excerpt gone or of another dossier. */
export function appendParagraph(
  store: Store,
  dossierId: string,
  body: DraftBody,
  parts: readonly ParagraphPart[],
): DraftBody {
  const content = inline(store, dossierId, parts);
  return { ...body, content: [...body.content, { type: 'paragraph', attrs: { numbered: true }, content }] };
}

/** One cell: words and citations in order, like a paragraph's parts. */
export type TableCell = readonly ParagraphPart[];

/**
 * The body with a table added at the end: a header row of `columns`, then one row per entry of
 * `rows` (each as many cells as there are columns). An optional `title` goes before it as an
 * unnumbered line. Citations are checked as in `appendParagraph`.
 */
export function appendTable(
  store: Store,
  dossierId: string,
  body: DraftBody,
  table: { title?: string; columns: readonly string[]; rows: readonly (readonly TableCell[])[] },
): DraftBody {
  const cell = (type: 'tableHeader' | 'tableCell', parts: TableCell): DraftNode => {
    const content = inline(store, dossierId, parts);
    return {
      type,
      content: [{ type: 'paragraph', attrs: { numbered: false }, ...(content.length ? { content } : {}) }],
    };
  };
  const header: DraftNode = { type: 'tableRow', content: table.columns.map((c) => cell('tableHeader', [{ text: c }])) };
  const rows = table.rows.map((row): DraftNode => {
    if (row.length !== table.columns.length)
      throw new UprightError('DRAFT_TABLE_SHAPE', { columns: table.columns.length });
    return { type: 'tableRow', content: row.map((c) => cell('tableCell', c)) };
  });
  const title = table.title?.trim()
    ? [{ type: 'paragraph', attrs: { numbered: false }, content: [{ type: 'text', text: table.title.trim() }] }]
    : [];
  return { ...body, content: [...body.content, ...title, { type: 'table', content: [header, ...rows] }] };
}
