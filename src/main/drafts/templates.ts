// A new draft starts from the structure OHCHR and UPR Info recommend (UPR-SUBMISSION.md): an
// introduction and summary, the follow-up to the previous review with one block per theme of the
// dossier, new developments, and recommendations. Individual and joint submissions share this
// structure; they differ on the cover (who submits) and in their word limit. The empty paragraphs
// are where the person writes: the editor shows a prompt in them, and export leaves them out.
// The cover is filled from what the dossier already knows about the review.

import { MONTH_NAMES } from '../../shared/domain.ts';
import type { DraftBody, DraftCover, DraftNode } from '../../shared/draft.ts';
import { EMPTY_COVER } from '../../shared/draft.ts';
import { sessionNumber } from './references.ts';
import { stateName } from './states.ts';
import type { DossierReview } from './types.ts';

/** The section headings, also how checks find the sections (see checks.ts). */
export const SECTION_HEADINGS = {
  introduction: 'Introduction and summary',
  followUp: 'Follow-up to the previous review',
  newDevelopments: 'New developments and issues not raised before',
  recommendations: 'Recommendations',
} as const;

const heading = (level: number, text: string): DraftNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const emptyParagraph = (): DraftNode => ({ type: 'paragraph', attrs: { numbered: true } });

/**
 * A theme as a section heading: themes are often typed as keywords ("freedom of association"), and a
 * heading starts with a capital. Only the first letter changes; the rest keeps the person's casing
 * ("ILO Convention No. 87", "право на забастовку" → "Право на забастовку").
 */
export function themeHeading(theme: string): string {
  const first = theme.codePointAt(0);
  if (first === undefined) return theme;
  const letter = String.fromCodePoint(first);
  return letter.toLocaleUpperCase() + theme.slice(letter.length);
}

/** The body a new draft starts with, individual or joint alike. */
export function templateBody(themes: readonly string[]): DraftBody {
  const blocks = themes.map((t) => t.trim()).filter(Boolean);
  return {
    type: 'doc',
    content: [
      heading(1, SECTION_HEADINGS.introduction),
      emptyParagraph(),
      heading(1, SECTION_HEADINGS.followUp),
      ...(blocks.length > 0
        ? blocks.flatMap((theme) => [heading(2, themeHeading(theme)), emptyParagraph()])
        : [emptyParagraph()]),
      heading(1, SECTION_HEADINGS.newDevelopments),
      emptyParagraph(),
      heading(1, SECTION_HEADINGS.recommendations),
      emptyParagraph(),
    ],
  };
}

/** "March 2027": the month of the deadline when the dossier has one, else the current month. */
function submissionMonth(deadline: string | null, today: Date): string {
  const match = deadline ? /^(\d{4})-(\d{2})/.exec(deadline) : null;
  if (match) return `${MONTH_NAMES[Number(match[2]) - 1]} ${match[1]}`;
  return `${MONTH_NAMES[today.getMonth()]} ${today.getFullYear()}`;
}

export function coverFromDossier(dossier: DossierReview, today: Date): DraftCover {
  const session = sessionNumber(dossier.session);
  return {
    ...EMPTY_COVER,
    state: stateName(dossier.country),
    session: session !== null && session <= 200 ? session : null,
    cycle: dossier.cycle,
    monthYear: submissionMonth(dossier.deadline, today),
    keywords: [...dossier.themes],
  };
}
