// The cover page as printed, line by line, so DOCX, HTML, Markdown and the cover's word count all
// read the same text: "Individual submission to the Universal Periodic Review of Kazakhstan",
// "48th session of the UPR Working Group, 5th cycle, March 2027", who submits (name, acronym, city,
// country, founding year and activities), the contact, keywords and the body's word count.

import type { DraftCover, DraftTemplate } from '../../shared/draft.ts';
import { wording } from './wording.ts';

export interface CoverLine {
  style: 'title' | 'subtitle' | 'heading' | 'text';
  text: string;
  /** The cover form's field this line comes from (where a check or substitution points). */
  field: string;
}

// Printed in the submission's language (the cover's `language`), whatever the interface speaks.
export function coverTitle(cover: DraftCover, template: DraftTemplate): string {
  const state = cover.state.trim();
  return wording(cover.language).t(`cover.title.${template}`, { state, hasState: state ? 'yes' : 'no' });
}

export function coverLines(cover: DraftCover, template: DraftTemplate, bodyWords: number): CoverLine[] {
  const { t, number } = wording(cover.language);
  const lines: CoverLine[] = [{ style: 'title', text: coverTitle(cover, template), field: 'state' }];
  const review = [
    cover.session ? t('cover.session', { n: cover.session }) : '',
    cover.cycle ? t('cover.cycle', { n: cover.cycle }) : '',
    cover.monthYear.trim(),
  ].filter(Boolean);
  if (review.length > 0) lines.push({ style: 'subtitle', text: review.join(', '), field: 'session' });

  if (cover.organisations.length > 0) {
    lines.push({
      style: 'heading',
      text: t(`cover.submittedBy.${template}`),
      field: 'organisations',
    });
  }
  for (const org of cover.organisations) {
    const name = [org.name.trim(), org.acronym.trim() ? `(${org.acronym.trim()})` : ''].filter(Boolean).join(' ');
    const place = [org.city.trim(), org.country.trim()].filter(Boolean).join(', ');
    lines.push({ style: 'text', text: [name, place].filter(Boolean).join(', '), field: 'organisations' });
    const about = [org.foundedYear ? t('cover.founded', { year: String(org.foundedYear) }) : '', org.activities.trim()]
      .filter(Boolean)
      .join(' ');
    if (about) lines.push({ style: 'text', text: about, field: 'organisations' });
    if (org.website.trim()) lines.push({ style: 'text', text: org.website.trim(), field: 'organisations' });
  }

  const contact = [cover.contactName.trim(), cover.contactEmail.trim()].filter(Boolean).join(', ');
  if (contact) lines.push({ style: 'text', text: t('cover.contact', { contact }), field: 'contactName' });
  const keywords = cover.keywords.map((k) => k.trim()).filter(Boolean);
  if (keywords.length > 0)
    lines.push({ style: 'text', text: t('cover.keywords', { keywords: keywords.join(', ') }), field: 'keywords' });
  lines.push({
    style: 'text',
    text: t('cover.wordCount', { count: number(bodyWords) }),
    field: 'words',
  });
  return lines;
}
