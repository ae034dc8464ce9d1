// How a submission refers to the UPR itself: which sessions make up which cycle, and a
// cross-reference to an earlier recommendation as the field writes it ("A/HRC/43/15, para. 121.1
// (France)").
import type { ReferencedRecommendation } from './types.ts';
import { type Wording, wording } from './wording.ts';

/**
 * The UPR Working Group sessions of each cycle: 1st 1–12, 2nd 13–26, 3rd 27–40, 4th 41–54. Later
 * cycles are assumed to keep the 14 sessions of the 2nd to 4th (unconfirmed for the 5th).
 */
export function sessionsOfCycle(cycle: number): { first: number; last: number } {
  if (cycle <= 1) return { first: 1, last: 12 };
  const first = 13 + (cycle - 2) * 14;
  return { first, last: first + 13 };
}

export function cycleOfSession(session: number): number {
  if (session <= 12) return 1;
  return 2 + Math.floor((session - 13) / 14);
}

/** A session as stored ("34", "34th", "session 34") as a number, or null. */
export function sessionNumber(session: string | number | null | undefined): number | null {
  if (session === null || session === undefined) return null;
  if (typeof session === 'number') return Number.isInteger(session) && session > 0 ? session : null;
  const match = /\d+/.exec(session);
  return match ? Number(match[0]) : null;
}

/** "140.12", "121.1", "98": a recommendation's number in the Working Group report. */
export const RECOMMENDATION_NUMBER = /^\d{1,3}(\.\d{1,3}){0,2}$/;

/** The cross-reference as printed in the text. */
export function recommendationText(rec: ReferencedRecommendation | undefined, w: Wording = wording('en')): string {
  if (rec?.status !== 'live') return w.t('recommendation.missing');
  if (rec.mechanism === 'ilo') {
    return w.t('recommendation.ilo', {
      body: rec.iloBody ?? '',
      hasYear: rec.iloYear ? 'yes' : 'no',
      year: rec.iloYear ?? '',
      hasConvention: rec.iloConvention?.trim() ? 'yes' : 'no',
      convention: rec.iloConvention?.trim() ?? '',
    });
  }
  const states = rec.recommendingStates.filter((s) => s.trim()).join(', ');
  const paragraph = rec.paragraph?.trim();
  const where = [rec.documentSymbol?.trim(), paragraph ? w.t('recommendation.paragraph', { paragraph }) : null]
    .filter(Boolean)
    .join(', ');
  const label = where || w.t('recommendation.unnumbered');
  const response = rec.response ? w.t('recommendation.response', { response: rec.response }) : '';
  const position = response ? `, ${response}` : '';
  return `${label}${states ? ` (${states})` : ''}${position}`;
}
