import type { IntlShape } from 'react-intl';
import type { DraftTarget } from '../../../../shared/api.ts';
import { defineMessages, type MessageDescriptor } from '../../../../shared/i18n/define.ts';

const COVER_FIELD_LABELS: Record<string, MessageDescriptor> = defineMessages({
  state: { id: 'drafts.target.field.state', defaultMessage: 'State under review' },
  session: { id: 'drafts.target.field.session', defaultMessage: 'UPR session' },
  cycle: { id: 'drafts.target.field.cycle', defaultMessage: 'UPR cycle' },
  monthYear: { id: 'drafts.target.field.monthYear', defaultMessage: 'month and year' },
  organisations: { id: 'drafts.target.field.organisations', defaultMessage: 'organisations' },
  contactName: { id: 'drafts.target.field.contactName', defaultMessage: 'contact person' },
  contactEmail: { id: 'drafts.target.field.contactEmail', defaultMessage: 'contact e-mail' },
  keywords: { id: 'drafts.target.field.keywords', defaultMessage: 'keywords' },
  language: { id: 'drafts.target.field.language', defaultMessage: 'language' },
  name: { id: 'drafts.target.field.name', defaultMessage: 'name' },
  acronym: { id: 'drafts.target.field.acronym', defaultMessage: 'acronym' },
  city: { id: 'drafts.target.field.city', defaultMessage: 'city' },
  country: { id: 'drafts.target.field.country', defaultMessage: 'country' },
  activities: { id: 'drafts.target.field.activities', defaultMessage: 'activities' },
  foundedYear: { id: 'drafts.target.field.foundedYear', defaultMessage: 'founding year' },
  website: { id: 'drafts.target.field.website', defaultMessage: 'website' },
});

const TARGET = defineMessages({
  paragraph: { id: 'drafts.target.paragraph', defaultMessage: 'Paragraph {number}' },
  note: { id: 'drafts.target.note', defaultMessage: 'Note {number}' },
  organisation: { id: 'drafts.target.organisation', defaultMessage: 'Cover: organisation {n}' },
  organisationField: { id: 'drafts.target.organisationField', defaultMessage: 'Cover: organisation {n}, {field}' },
  cover: { id: 'drafts.target.cover', defaultMessage: 'Cover: {field}' },
  draft: { id: 'drafts.target.draft', defaultMessage: 'Whole draft' },
});

/** "organisations[0].foundedYear" and "organisations.0.foundedYear" both become the second form. */
export function normaliseCoverField(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Where a check result or substitution sits, in words of the interface language: "Paragraph 4",
 * "Note 2", "Cover: contact e-mail", "Cover: organisation 2, founding year".
 */
export function targetLabel(intl: IntlShape, target: DraftTarget): string {
  switch (target.kind) {
    case 'paragraph':
      return intl.formatMessage(TARGET.paragraph, { number: target.number });
    case 'note':
      return intl.formatMessage(TARGET.note, { number: target.number });
    case 'cover': {
      const parts = normaliseCoverField(target.field).split('.');
      const word = (part: string) => {
        const label = COVER_FIELD_LABELS[part];
        return label ? intl.formatMessage(label) : part;
      };
      if (parts[0] === 'organisations' && parts.length > 1 && /^\d+$/.test(parts[1] ?? '')) {
        const n = Number(parts[1]) + 1;
        return parts[2]
          ? intl.formatMessage(TARGET.organisationField, { n, field: word(parts[2]) })
          : intl.formatMessage(TARGET.organisation, { n });
      }
      return intl.formatMessage(TARGET.cover, { field: parts.map(word).join(' ') });
    }
    case 'draft':
      return intl.formatMessage(TARGET.draft);
  }
}
