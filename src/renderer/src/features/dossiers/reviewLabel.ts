import type { TargetReview } from '../../../../shared/api.ts';
import { formatPartialDate } from '../../../../shared/domain.ts';

function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

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
