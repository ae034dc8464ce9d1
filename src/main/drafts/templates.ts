// A new draft starts from the structure OHCHR and UPR Info recommend (UPR-SUBMISSION.md): an
// introduction and summary, the follow-up to the previous review with one block per theme of the
// dossier, new developments, and recommendations. Individual and joint submissions share this
// structure; they differ on the cover (who submits) and in their word limit. The empty paragraphs
// are where the person writes: the editor shows a prompt in them, and export leaves them out.
// The cover is filled from what the dossier already knows about the review.

import type { DraftBody, DraftCover, DraftNode } from '../../shared/draft.ts';
import { EMPTY_COVER } from '../../shared/draft.ts';
import { sessionNumber } from './references.ts';
import { stateName } from './states.ts';
import type { DossierReview } from './types.ts';
import { type SubmissionLanguage, submissionLanguage, wording } from './wording.ts';

/** The section headings of a new draft, in the languages a submission's printed words exist in. */
export const SECTION_HEADINGS = {
  en: {
    introduction: 'Introduction and summary',
    followUp: 'Follow-up to the previous review',
    newDevelopments: 'New developments and issues not raised before',
    recommendations: 'Recommendations',
  },
  // The UN's Russian for the UPR ("последующие меры по итогам предыдущего обзора").
  ru: {
    introduction: 'Введение и резюме',
    followUp: 'Последующие меры по итогам предыдущего обзора',
    newDevelopments: 'Новые события и вопросы, не поднимавшиеся ранее',
    recommendations: 'Рекомендации',
  },
  fr: {
    introduction: 'Introduction et résumé',
    followUp: 'Suivi de l’examen précédent',
    newDevelopments: 'Faits nouveaux et questions non soulevées auparavant',
    recommendations: 'Recommandations',
  },
  es: {
    introduction: 'Introducción y resumen',
    followUp: 'Seguimiento del examen anterior',
    newDevelopments: 'Novedades y cuestiones no planteadas anteriormente',
    recommendations: 'Recomendaciones',
  },
} as const satisfies Record<SubmissionLanguage, Record<string, string>>;

/** The template's headings for a draft's language (English for the UN languages without them). */
export function sectionHeadings(language: string | null | undefined): (typeof SECTION_HEADINGS)[SubmissionLanguage] {
  return SECTION_HEADINGS[submissionLanguage(language)];
}

/**
 * How the checks find the follow-up section, whatever the draft's language and however the person
 * reworded the template's heading: "Follow-up to the 3rd cycle", "Suivi des recommandations",
 * "Seguimiento de las recomendaciones", "Выполнение рекомендаций предыдущего обзора"…
 */
export const FOLLOW_UP_HEADING = new RegExp(
  [
    'follow[\\s-]*up',
    'previous (review|cycle|recommendations)',
    'suivi',
    'examen (précédent|antérieur)',
    'seguimiento',
    'examen anterior',
    'последующ\\p{L}* мер',
    'предыдущ\\p{L}* (обзор|цикл)',
    '(выполнени|осуществлени)\\p{L}* (ранее вынесенных |ранее данных |принятых )?рекомендаций',
  ].join('|'),
  'iu',
);

/** The section of proposed recommendations (plural: "Recommendation 140.12" heads a follow-up block). */
export const RECOMMENDATIONS_HEADING = /^(recommendations|recommandations|recomendaciones|рекомендации)(?!\p{L})/iu;

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

/** The body a new draft starts with, individual or joint alike, its headings in the draft's language. */
export function templateBody(themes: readonly string[], language = 'en'): DraftBody {
  const blocks = themes.map((t) => t.trim()).filter(Boolean);
  const headings = sectionHeadings(language);
  return {
    type: 'doc',
    content: [
      heading(1, headings.introduction),
      emptyParagraph(),
      heading(1, headings.followUp),
      ...(blocks.length > 0
        ? blocks.flatMap((theme) => [heading(2, themeHeading(theme)), emptyParagraph()])
        : [emptyParagraph()]),
      heading(1, headings.newDevelopments),
      emptyParagraph(),
      heading(1, headings.recommendations),
      emptyParagraph(),
    ],
  };
}

/**
 * "March 2027" ("март 2027 г.", "mars 2027"): the month of the deadline when the dossier has one,
 * else the current month, as the draft's language writes it.
 */
function submissionMonth(deadline: string | null, today: Date, language: string): string {
  const match = deadline ? /^(\d{4})-(\d{2})/.exec(deadline) : null;
  const month = match
    ? `${match[1]}-${match[2]}`
    : `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  return wording(language).date(month);
}

export function coverFromDossier(dossier: DossierReview, today: Date, language = 'en'): DraftCover {
  const session = sessionNumber(dossier.session);
  return {
    ...EMPTY_COVER,
    language,
    state: stateName(dossier.country),
    session: session !== null && session <= 200 ? session : null,
    cycle: dossier.cycle,
    monthYear: submissionMonth(dossier.deadline, today, language),
    keywords: [...dossier.themes],
  };
}
