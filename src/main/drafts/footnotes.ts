// Footnotes are generated from citations, never typed: one note per citation, in document order,
// naming the source the way the field does — organisation, title, document symbol, date, page:
// "Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, p. 3."
// A source cited twice gets the same full note twice: simple, and each note stands on its own when
// OHCHR's summary quotes a paragraph.
import type { Footnote } from '../../shared/api/drafts.ts';
import { formatPartialDate } from '../../shared/domain.ts';
import type { DraftModel } from './model.ts';
import type { CitedExcerpt } from './types.ts';

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** The reference for one excerpt, ending with a full stop. */
export function noteText(excerpt: CitedExcerpt): string {
  const title = clean(excerpt.sourceTitle).replace(/[.,;:]+$/, '');
  const organisation = clean(excerpt.authorOrganisation);
  const symbol = clean(excerpt.documentSymbol);
  const date = formatPartialDate(excerpt.dateText);
  const parts = [
    organisation && organisation.toLowerCase() !== title.toLowerCase() ? organisation : '',
    title,
    // Titles such as "Information supplied by the Government (2022)" already carry their date or symbol.
    symbol && !title.includes(symbol) ? symbol : '',
    date && !title.includes(date) ? date : '',
    excerpt.page ? `p. ${excerpt.page}` : '',
  ].filter(Boolean);
  if (parts.length === 0) return 'Source without a title.';
  const text = parts.join(', ');
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

const MISSING_TEXT = 'An excerpt that is no longer in the vault.';

/** Every citation's note, numbered as in the draft, with what stops it from being exported. */
export function footnotes(model: DraftModel, excerpts: ReadonlyMap<string, CitedExcerpt>): Footnote[] {
  return model.citations.map((citation) => {
    const excerpt = excerpts.get(citation.excerptId);
    if (excerpt?.status !== 'live') {
      // A deleted excerpt's source is still named when it is known, so the person can find a replacement.
      const text = excerpt?.sourceTitle ? noteText(excerpt) : MISSING_TEXT;
      return { number: citation.note, excerptId: citation.excerptId, text, problem: 'excerpt_deleted' as const };
    }
    return {
      number: citation.note,
      excerptId: citation.excerptId,
      text: noteText(excerpt),
      problem: excerpt.confidentiality === 'never_export' ? ('never_export' as const) : null,
    };
  });
}
