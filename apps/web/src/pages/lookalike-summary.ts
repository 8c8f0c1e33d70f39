import type { EnrolLookalikesResultDto, LookalikeSkipReason } from '@segflow/api-contracts';

const SKIP_LABELS: Record<LookalikeSkipReason, string> = {
  suppressed: 'opted out or suppressed',
  'already-running': 'already running',
  erased: 'erased',
};

/**
 * One line saying what an enrolment did, naming only the skip reasons that happened.
 * @example enrolSummary({ members: 5, enrolled: 3, skipped: { suppressed: 1, 'already-running': 0, erased: 1 }, skippedLeads: [] });
 * // 'Enrolled 3 of 5; skipped 1 opted out or suppressed, 1 erased'
 */
export function enrolSummary(result: EnrolLookalikesResultDto): string {
  const skipped = (Object.keys(SKIP_LABELS) as LookalikeSkipReason[])
    .filter((reason) => result.skipped[reason] > 0)
    .map((reason) => `${result.skipped[reason]} ${SKIP_LABELS[reason]}`);
  const head = `Enrolled ${result.enrolled} of ${result.members}`;
  return skipped.length ? `${head}; skipped ${skipped.join(', ')}` : head;
}

/**
 * A similarity score as shown in the members table.
 * @example formatSimilarity(0.87654); // '0.877'
 */
export const formatSimilarity = (score: number): string => score.toFixed(3);
