// The cover page as printed, line by line, so DOCX, HTML, Markdown and the cover's word count all
// read the same text: "Individual submission to the Universal Periodic Review of Kazakhstan",
// "48th session of the UPR Working Group, 5th cycle, March 2027", who submits (name, acronym, city,
// country, founding year and activities), the contact, keywords and the body's word count.

import { ordinal } from '../../shared/domain.ts';
import type { DraftCover, DraftTemplate } from '../../shared/draft.ts';

export interface CoverLine {
  style: 'title' | 'subtitle' | 'heading' | 'text';
  text: string;
  /** The cover form's field this line comes from (where a check or substitution points). */
  field: string;
}

export function coverTitle(cover: DraftCover, template: DraftTemplate): string {
  const kind = template === 'joint' ? 'Joint submission' : 'Individual submission';
  const state = cover.state.trim();
  return `${kind} to the Universal Periodic Review${state ? ` of ${state}` : ''}`;
}

export function coverLines(cover: DraftCover, template: DraftTemplate, bodyWords: number): CoverLine[] {
  const lines: CoverLine[] = [{ style: 'title', text: coverTitle(cover, template), field: 'state' }];
  const review = [
    cover.session ? `${ordinal(cover.session)} session of the UPR Working Group` : '',
    cover.cycle ? `${ordinal(cover.cycle)} cycle` : '',
    cover.monthYear.trim(),
  ].filter(Boolean);
  if (review.length > 0) lines.push({ style: 'subtitle', text: review.join(', '), field: 'session' });

  if (cover.organisations.length > 0) {
    lines.push({
      style: 'heading',
      text: template === 'joint' ? 'Submitted jointly by' : 'Submitted by',
      field: 'organisations',
    });
  }
  for (const org of cover.organisations) {
    const name = [org.name.trim(), org.acronym.trim() ? `(${org.acronym.trim()})` : ''].filter(Boolean).join(' ');
    const place = [org.city.trim(), org.country.trim()].filter(Boolean).join(', ');
    lines.push({ style: 'text', text: [name, place].filter(Boolean).join(', '), field: 'organisations' });
    const about = [org.foundedYear ? `Founded in ${org.foundedYear}.` : '', org.activities.trim()]
      .filter(Boolean)
      .join(' ');
    if (about) lines.push({ style: 'text', text: about, field: 'organisations' });
    if (org.website.trim()) lines.push({ style: 'text', text: org.website.trim(), field: 'organisations' });
  }

  const contact = [cover.contactName.trim(), cover.contactEmail.trim()].filter(Boolean).join(', ');
  if (contact) lines.push({ style: 'text', text: `Contact: ${contact}`, field: 'contactName' });
  const keywords = cover.keywords.map((k) => k.trim()).filter(Boolean);
  if (keywords.length > 0) lines.push({ style: 'text', text: `Keywords: ${keywords.join(', ')}`, field: 'keywords' });
  lines.push({
    style: 'text',
    text: `Word count: ${bodyWords.toLocaleString('en-GB')} (body of the submission, without the cover page and notes)`,
    field: 'words',
  });
  return lines;
}
