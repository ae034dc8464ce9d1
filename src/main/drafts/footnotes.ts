// Footnotes are generated from citations, never typed: one note per citation, in document order,
// naming the source the way the field does — organisation, title, document symbol, date, page:
// "Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87, p. 3."
// A source read on the web adds where and when: "…, 12 January 2022, available at https://…,
// accessed 3 June 2024."
// In the exported file the notes follow legal citation style: a note citing the same source as the
// note just before it reads "Ibid., p. 4", and a later return to a source cited earlier gives a short
// form pointing back at its first note. The editor shows every note in full, so each stands alone
// while the person writes. All printed words follow the submission's language.
import type { Footnote } from '../../shared/api/drafts.ts';
import type { DraftModel } from './model.ts';
import type { CitedExcerpt } from './types.ts';
import { type Wording, wording } from './wording.ts';

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function titleOf(excerpt: CitedExcerpt): string {
  return clean(excerpt.sourceTitle).replace(/[.,;:]+$/, '');
}

function organisationOf(excerpt: CitedExcerpt, title: string): string {
  const organisation = clean(excerpt.authorOrganisation);
  return organisation && organisation.toLowerCase() !== title.toLowerCase() ? organisation : '';
}

/** "available at …", "accessed …": the day alone says nothing without the address it was read at. */
function webParts(excerpt: CitedExcerpt, w: Wording): string[] {
  const url = (excerpt.url ?? '').trim();
  if (!url) return [];
  const accessed = w.date(excerpt.accessed);
  return [w.t('note.url', { url }), accessed ? w.t('note.accessed', { date: accessed }) : ''];
}

/** The reference for one excerpt, ending with a full stop. */
export function noteText(excerpt: CitedExcerpt, w: Wording = wording('en')): string {
  const title = titleOf(excerpt);
  const symbol = clean(excerpt.documentSymbol);
  const date = w.date(excerpt.dateText);
  const parts = [
    organisationOf(excerpt, title),
    title,
    // Titles such as "Information supplied by the Government (2022)" already carry their date or symbol.
    symbol && !title.includes(symbol) ? symbol : '',
    date && !title.includes(date) ? date : '',
    excerpt.page ? w.t('note.page', { page: excerpt.page }) : '',
    ...webParts(excerpt, w),
  ].filter(Boolean);
  if (parts.length === 0) return w.t('note.untitled');
  return withStop(parts.join(', '));
}

const SHORT_TITLE_WORDS = 6;

/** A title cut to what identifies it: before a subtitle, or its first words. */
export function shortTitle(title: string): string {
  const head = title.split(/\s*(?::|\s\(|\s[—–]\s)/)[0]?.trim() || title;
  const words = head.split(' ');
  return words.length > SHORT_TITLE_WORDS + 2 ? `${words.slice(0, SHORT_TITLE_WORDS).join(' ')}…` : head;
}

/**
 * The notes' texts as printed, in order: the first citation of a source in full, "Ibid." for the
 * same source as the note before, and a short form with the number of the first note otherwise.
 */
export function styledNoteTexts(excerpts: readonly CitedExcerpt[], w: Wording): string[] {
  const firstNote = new Map<string, number>();
  return excerpts.map((excerpt, index) => {
    const key = excerpt.sourceId ?? `excerpt:${excerpt.id}`;
    const previous = index > 0 ? excerpts[index - 1] : undefined;
    const first = firstNote.get(key);
    if (first === undefined) firstNote.set(key, index + 1);
    const page = excerpt.page ? w.t('note.page', { page: excerpt.page }) : '';
    if (previous && (previous.sourceId ?? `excerpt:${previous.id}`) === key) {
      return excerpt.page && excerpt.page !== previous.page
        ? withStop(w.t('note.ibidPage', { page: excerpt.page }))
        : w.t('note.ibid');
    }
    if (first === undefined) return noteText(excerpt, w);
    const title = titleOf(excerpt);
    const short = [organisationOf(excerpt, title), shortTitle(title)].filter(Boolean).join(', ');
    if (!short) return noteText(excerpt, w);
    return withStop([w.t('note.shortForm', { short, first }), page].filter(Boolean).join(', '));
  });
}

/** Every citation's note, numbered as in the draft, with what stops it from being exported. */
export function footnotes(
  model: DraftModel,
  excerpts: ReadonlyMap<string, CitedExcerpt>,
  w: Wording = wording('en'),
): Footnote[] {
  return model.citations.map((citation) => {
    const excerpt = excerpts.get(citation.excerptId);
    if (excerpt?.status !== 'live') {
      // A deleted excerpt's source is still named when it is known, so the person can find a replacement.
      const text = excerpt?.sourceTitle ? noteText(excerpt, w) : w.t('note.missing');
      return { number: citation.note, excerptId: citation.excerptId, text, problem: 'excerpt_deleted' as const };
    }
    return {
      number: citation.note,
      excerptId: citation.excerptId,
      text: noteText(excerpt, w),
      problem: excerpt.confidentiality === 'never_export' ? ('never_export' as const) : null,
    };
  });
}
