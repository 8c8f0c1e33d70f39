import type { BusinessCalendar } from './business-calendar';
import { toWorkingCalendar, type WorkingCalendar } from './working-calendar';
import { nextBusinessWindow } from './business-window';

const MS_PER_MINUTE = 60_000;

/**
 * Business minutes elapsed between two instants: the overlap of `[from, to)` with the calendar's
 * working windows, in (possibly fractional) minutes. Negative when `to` is before `from`.
 *
 * @example
 * const calendar = {
 *   timeZone: 'America/New_York',
 *   workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
 *   holidays: [],
 * };
 * // Friday 16:00 EST → Monday 10:00 EDT: 60 + 60 minutes; the weekend and the DST jump don't count.
 * businessMinutesBetween(calendar, new Date('2026-03-06T21:00:00Z'), new Date('2026-03-09T14:00:00Z')); // 120
 */
export function businessMinutesBetween(calendar: BusinessCalendar | WorkingCalendar, from: Date, to: Date): number {
  if (to.getTime() < from.getTime()) return -businessMinutesBetween(calendar, to, from);
  let totalMs = 0;
  const working = toWorkingCalendar(calendar);
  let cursor = from;
  for (;;) {
    const window = nextBusinessWindow(working, cursor);
    if (window.start.getTime() >= to.getTime()) return totalMs / MS_PER_MINUTE;
    totalMs += Math.min(window.end.getTime(), to.getTime()) - window.start.getTime();
    cursor = window.end;
  }
}
