// What a note must name for its source's kind to be cited the way the field does
// (UPR-SUBMISSION.md, "Citation formats": organisation, title, symbol where there is one, date,
// page; a web page adds its address and the day it was read). A note that lacks one of these cannot
// be checked by the reader of the submission, so a check names what is missing.
import { NOTE_PARTS, type NotePart } from '../../shared/check-messages.ts';
import type { SourceKind } from '../../shared/domain.ts';
import type { CitedExcerpt } from './types.ts';

/**
 * A report, a reply, a UN or ILO document, a court decision or a letter is cited by who wrote it and
 * when; a web page or a media piece by who published it and where and when it was read (a web page
 * often has no date of its own); a law by its date (the State enacting it is in its title); a
 * testimony by its date (its author is often protected). "Other" asks nothing: nobody knows its form.
 */
const NEEDS: Record<SourceKind, readonly NotePart[]> = {
  government_reply: ['organisation', 'date'],
  ngo_report: ['organisation', 'date'],
  un_document: ['organisation', 'date'],
  ilo_document: ['organisation', 'date'],
  court_decision: ['organisation', 'date'],
  letter: ['organisation', 'date'],
  media: ['organisation', 'date', 'url', 'accessed'],
  web_page: ['organisation', 'url', 'accessed'],
  law: ['date'],
  testimony: ['date'],
  other: [],
};

/** The parts this source's note lacks; any source read on the web also needs its address and day. */
export function missingNoteParts(excerpt: CitedExcerpt): NotePart[] {
  if (!excerpt.sourceKind) return [];
  const present: Record<NotePart, boolean> = {
    organisation: Boolean(excerpt.authorOrganisation?.trim()),
    date: Boolean(excerpt.dateText?.trim()),
    url: Boolean(excerpt.url?.trim()),
    accessed: Boolean(excerpt.accessed?.trim()),
  };
  const needed = new Set<NotePart>(NEEDS[excerpt.sourceKind]);
  // An address without a day, or a day of reading without the address, is half a web citation.
  if (present.url || present.accessed) {
    needed.add('url');
    needed.add('accessed');
  }
  return NOTE_PARTS.filter((part) => needed.has(part) && !present[part]);
}
