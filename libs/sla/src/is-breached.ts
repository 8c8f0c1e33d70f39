import { slaDueAt } from './sla-due-at';
import type { SlaPolicy } from './sla-policy';
import type { WorkingCalendar } from './working-calendar';

/**
 * Whether the first-touch SLA is breached. A touch exactly at the due time is on time. The due time is
 * {@link slaDueAt}'s, so a business clock counts in `ownerCalendar` when given.
 * - touched (`firstTouchAt` set): breached iff the touch came after the due time, whatever `now` is;
 * - not touched yet (`null`): breached iff `now` is past the due time.
 *
 * @example
 * const policy = { firstTouchWithinMinutes: 60, clock: 'wall' } as const;
 * const entered = new Date('2026-03-05T15:00:00Z');
 * isBreached(policy, entered, null, new Date('2026-03-05T15:59:00Z')); // false
 * isBreached(policy, entered, null, new Date('2026-03-05T16:01:00Z')); // true
 * isBreached(policy, entered, new Date('2026-03-05T15:30:00Z'), new Date('2026-03-06T00:00:00Z')); // false
 */
export function isBreached(
  policy: SlaPolicy,
  enteredAt: Date,
  firstTouchAt: Date | null,
  now: Date,
  ownerCalendar?: WorkingCalendar | null,
): boolean {
  const due = slaDueAt(policy, enteredAt, ownerCalendar).getTime();
  return (firstTouchAt ?? now).getTime() > due;
}
