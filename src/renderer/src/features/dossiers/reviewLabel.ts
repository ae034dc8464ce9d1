import type { TargetReview } from '../../../../shared/api.ts';
import { formatPartialDate, ordinal } from '../../../../shared/domain.ts';

/** "UPR, 5th cycle, session 48 — due 15 March 2027" */
export function reviewLabel(review: TargetReview): string {
  const parts = [
    review.mechanism,
    review.cycle ? `${ordinal(review.cycle)} cycle` : null,
    review.session ? `session ${review.session}` : null,
  ].filter(Boolean);
  const due = review.deadline ? `due ${formatPartialDate(review.deadline)}` : null;
  return [parts.join(', '), due].filter(Boolean).join(' — ');
}
