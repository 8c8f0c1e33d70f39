import type { BusinessCalendar } from './business-calendar';
import { toWorkingCalendar, type WorkingCalendar } from './working-calendar';
import { nextBusinessWindow } from './business-window';

const MS_PER_MINUTE = 60_000;

/**
 * The instant reached after `minutes` of business time counted from `at`.
 * Time outside working windows does not count; a deadline that uses up a window exactly lands on
 * the window's end (17:00), not the next morning. With `minutes = 0` the result is
 * {@link nextBusinessWindowStart}. Fractional minutes are allowed; negative ones are a bug and throw.
 *
 * @example
 * const calendar = {
 *   timeZone: 'America/New_York',
 *   workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
 *   holidays: [],
 * };
 * // Friday 16:00 EST + 120 business minutes → Monday 10:00 EDT (DST started on Sunday)
 * addBusinessMinutes(calendar, new Date('2026-03-06T21:00:00Z'), 120).toISOString();
 * // '2026-03-09T14:00:00.000Z'
 */
export function addBusinessMinutes(calendar: BusinessCalendar | WorkingCalendar, at: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`addBusinessMinutes expects a finite, non-negative minute count, got ${minutes}`);
  }
  let remainingMs = minutes * MS_PER_MINUTE;
  // Converted once: the loop asks for many windows of the same calendar.
  const working = toWorkingCalendar(calendar);
  let cursor = at;
  for (;;) {
    const window = nextBusinessWindow(working, cursor);
    const availableMs = window.end.getTime() - window.start.getTime();
    if (remainingMs <= availableMs) return new Date(window.start.getTime() + remainingMs);
    remainingMs -= availableMs;
    cursor = window.end;
  }
}
