// A paragraph added at the end of a draft from outside the editor (the Claims view, the CLI): words
// and citations in order, as the editor itself would store them — a numbered `paragraph` whose
// citations are `citation` nodes carrying the excerpt id, their notes generated like any other.
import type { DraftBody, DraftNode } from '../../shared/draft.ts';
import { UprightError } from '../../shared/errors.ts';
import type { Store } from '../store/index.ts';

export type ParagraphPart = { text: string } | { excerptId: string };

/** The body with the paragraph added; refuses a citation of an excerpt gone or of another dossier. */
export function appendParagraph(
  store: Store,
  dossierId: string,
  body: DraftBody,
  parts: readonly ParagraphPart[],
): DraftBody {
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
  return { ...body, content: [...body.content, { type: 'paragraph', attrs: { numbered: true }, content }] };
}
