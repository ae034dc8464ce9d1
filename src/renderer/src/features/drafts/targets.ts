import type { DraftTarget } from '../../../../shared/api.ts';

const COVER_FIELD_LABELS: Record<string, string> = {
  state: 'State under review',
  session: 'UPR session',
  cycle: 'UPR cycle',
  monthYear: 'month and year',
  organisations: 'organisations',
  contactName: 'contact person',
  contactEmail: 'contact e-mail',
  keywords: 'keywords',
  language: 'language',
  name: 'name',
  acronym: 'acronym',
  city: 'city',
  country: 'country',
  activities: 'activities',
  foundedYear: 'founding year',
  website: 'website',
};

/** "organisations[0].foundedYear" and "organisations.0.foundedYear" both become the second form. */
export function normaliseCoverField(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/** Where a check result or substitution sits, in words: "Paragraph 4", "Note 2", "Cover: contact e-mail". */
export function targetLabel(target: DraftTarget): string {
  switch (target.kind) {
    case 'paragraph':
      return `Paragraph ${target.number}`;
    case 'note':
      return `Note ${target.number}`;
    case 'cover': {
      const parts = normaliseCoverField(target.field).split('.');
      const words = parts.map((part) =>
        /^\d+$/.test(part) ? `${Number(part) + 1}` : (COVER_FIELD_LABELS[part] ?? part),
      );
      if (parts[0] === 'organisations' && parts.length > 1) {
        return `Cover: organisation ${words[1]}${words[2] ? `, ${words[2]}` : ''}`;
      }
      return `Cover: ${words.join(' ')}`;
    }
    case 'draft':
      return 'Whole draft';
  }
}
