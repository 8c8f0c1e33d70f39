import type { BusinessCalendar } from './business-calendar';
import type { WorkingCalendar } from './working-calendar';
import { nextBusinessWindow } from './business-window';

/**
 * `at` itself when it is within business hours, otherwise the start of the next working window,
 * skipping non-working days and holidays.
 *
 * @example
 * const calendar = {
 *   timeZone: 'America/New_York',
 *   workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
 *   holidays: [],
 * };
 * nextBusinessWindowStart(calendar, new Date('2026-03-06T23:00:00Z')).toISOString(); // Friday 18:00 EST
 * // '2026-03-09T13:00:00.000Z' (Monday 09:00 EDT)
 */
export function nextBusinessWindowStart(calendar: BusinessCalendar | WorkingCalendar, at: Date): Date {
  return nextBusinessWindow(calendar, at).start;
}
