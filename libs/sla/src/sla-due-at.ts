import { addBusinessMinutes } from './add-business-minutes';
import type { SlaPolicy } from './sla-policy';
import type { WorkingCalendar } from './working-calendar';

const MS_PER_MINUTE = 60_000;

/**
 * When the first touch is due for a lead that entered the segment at `enteredAt`.
 * Business clocks count only working time, so a lead entering on Saturday is due
 * `firstTouchWithinMinutes` after Monday's opening. A business clock counts in `ownerCalendar` when given (the
 * responsible rep's calendar, see {@link resolveRepCalendar}), else in the policy's; wall clocks ignore both.
 *
 * @example
 * slaDueAt({ firstTouchWithinMinutes: 30, clock: 'wall' }, new Date('2026-03-07T12:00:00Z')).toISOString();
 * // '2026-03-07T12:30:00.000Z'
 * const calendar = {
 *   timeZone: 'America/New_York',
 *   workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
 *   holidays: [],
 * };
 * slaDueAt({ firstTouchWithinMinutes: 30, clock: 'business', calendar }, new Date('2026-03-07T12:00:00Z')).toISOString();
 * // '2026-03-09T13:30:00.000Z' (Monday 09:30 EDT)
 */
export function slaDueAt(policy: SlaPolicy, enteredAt: Date, ownerCalendar?: WorkingCalendar | null): Date {
  if (policy.clock === 'business')
    return addBusinessMinutes(ownerCalendar ?? policy.calendar, enteredAt, policy.firstTouchWithinMinutes);
  return new Date(enteredAt.getTime() + policy.firstTouchWithinMinutes * MS_PER_MINUTE);
}
