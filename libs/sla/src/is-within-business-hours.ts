import type { BusinessCalendar } from './business-calendar';
import type { WorkingCalendar } from './working-calendar';
import { businessWindowsOn } from './business-window';
import { zonedParts } from './zoned-parts';

/**
 * Whether `at` falls inside a working window (`start` inclusive, `end` exclusive) of the calendar,
 * judged in the calendar's own time zone; weekends, holidays and out-of-office periods are never inside.
 *
 * @example
 * const calendar = {
 *   timeZone: 'Europe/Berlin',
 *   workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
 *   holidays: ['2026-12-25'],
 * };
 * isWithinBusinessHours(calendar, new Date('2026-03-30T07:00:00Z')); // true (09:00 CEST, Monday)
 * isWithinBusinessHours(calendar, new Date('2026-12-25T10:00:00Z')); // false (holiday)
 */
export function isWithinBusinessHours(calendar: BusinessCalendar | WorkingCalendar, at: Date): boolean {
  // Compare instants rather than wall-clock fields so repeated fall-back hours are judged consistently.
  const windows = businessWindowsOn(calendar, zonedParts(at, calendar.timeZone));
  return windows.some((window) => at.getTime() >= window.start.getTime() && at.getTime() < window.end.getTime());
}
