import type { IntlShape } from 'react-intl';
import type { TargetReview } from '../../../../shared/api.ts';
import { formatPartialDateIn } from '../../i18n/partialDate.ts';

/** "UPR, 5th cycle, session 48 — due 15 March 2027", in the person's language. */
export function reviewLabel(intl: IntlShape, review: TargetReview): string {
  const parts = [
    review.mechanism,
    review.cycle
      ? intl.formatMessage(
          {
            id: 'dossier.review.cycle',
            defaultMessage: '{cycle, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} cycle',
          },
          { cycle: review.cycle },
        )
      : null,
    review.session
      ? intl.formatMessage(
          { id: 'dossier.review.session', defaultMessage: 'session {session}' },
          { session: review.session },
        )
      : null,
  ].filter(Boolean);
  const due = review.deadline
    ? intl.formatMessage(
        { id: 'dossier.review.due', defaultMessage: 'due {date}' },
        { date: formatPartialDateIn(intl, review.deadline) },
      )
    : null;
  return [parts.join(', '), due].filter(Boolean).join(' — ');
}
