import type { BusinessCalendar } from './business-calendar';
import { addCivilDays, type CivilDate, formatCivilDate, isoWeekdayOf } from './civil-date';
import { minutesOfHhMm } from './hh-mm';
import { zonedParts } from './zoned-parts';
import { zonedTimeToUtc } from './zoned-time-to-utc';

/** One working interval `[start, end)` as instants. */
export interface BusinessWindow {
  start: Date;
  end: Date;
}

/** Local wall-clock minutes after midnight converted into an instant on `date` in `timeZone`. */
function instantAt(date: CivilDate, minutes: number, timeZone: string): Date {
  return zonedTimeToUtc({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}

/**
 * The working window on a local date, or `null` on a non-working day or holiday.
 *
 * @example
 * businessWindowOn(berlin, { year: 2026, month: 3, day: 30 });
 * // { start: 2026-03-30T07:00:00Z, end: 2026-03-30T15:00:00Z } for 09:00–17:00 CEST
 */
export function businessWindowOn(calendar: BusinessCalendar, date: CivilDate): BusinessWindow | null {
  const { days, start, end } = calendar.workingHours;
  if (!days.includes(isoWeekdayOf(date))) return null;
  if (calendar.holidays.includes(formatCivilDate(date))) return null;
  return {
    start: instantAt(date, minutesOfHhMm(start), calendar.timeZone),
    end: instantAt(date, minutesOfHhMm(end), calendar.timeZone),
  };
}

/**
 * The window containing `at` (with `start` clamped to `at`), else the next window after `at`.
 * Throws only if the calendar has no working day at all, which {@link businessCalendarSchema} rejects.
 *
 * @example
 * nextBusinessWindow(nyWeekdays9to17, new Date('2026-03-07T15:00:00Z')); // Saturday
 * // { start: 2026-03-09T13:00:00Z, end: 2026-03-09T21:00:00Z } (Monday, already EDT)
 */
export function nextBusinessWindow(calendar: BusinessCalendar, at: Date): BusinessWindow {
  const localToday = zonedParts(at, calendar.timeZone);
  // Each holiday can block at most one day, so a week past the holidays always contains a working day.
  const horizonDays = calendar.holidays.length + 8;
  for (let offset = 0; offset <= horizonDays; offset += 1) {
    const window = businessWindowOn(calendar, addCivilDays(localToday, offset));
    if (window === null || at.getTime() >= window.end.getTime()) continue;
    return at.getTime() > window.start.getTime() ? { start: at, end: window.end } : window;
  }
  throw new Error(`calendar in ${calendar.timeZone} has no working day; validate it with businessCalendarSchema`);
}
