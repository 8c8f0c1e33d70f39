import type { BusinessCalendar } from './business-calendar';
import { addCivilDays, type CivilDate, formatCivilDate, isoWeekdayOf } from './civil-date';
import { minutesOfHhMm } from './minutes-of-hh-mm';
import { toWorkingCalendar, type AwayPeriod, type WorkingCalendar } from './working-calendar';
import { zonedParts } from './zoned-parts';
import { zonedTimeToUtc } from './zoned-time-to-utc';

/** One working interval `[start, end)` as instants. */
export interface BusinessWindow {
  start: Date;
  end: Date;
}

const MS_PER_DAY = 86_400_000;

/** Local wall-clock minutes after midnight converted into an instant on `date` in `timeZone`. */
function instantAt(date: CivilDate, minutes: number, timeZone: string): Date {
  return zonedTimeToUtc({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}

/** `window` minus the away periods: zero, one or several pieces. */
function subtractAway(window: BusinessWindow, away: AwayPeriod[]): BusinessWindow[] {
  let pieces = [window];
  for (const period of away) {
    pieces = pieces.flatMap((piece) => {
      if (period.to <= piece.start || period.from >= piece.end) return [piece];
      const kept: BusinessWindow[] = [];
      if (period.from > piece.start) kept.push({ start: piece.start, end: period.from });
      if (period.to < piece.end) kept.push({ start: period.to, end: piece.end });
      return kept;
    });
  }
  return pieces;
}

/**
 * The working windows on a local date, earliest first: none on a day off or holiday, and out-of-office
 * periods cut out.
 *
 * @example
 * businessWindowsOn(ashaWithLunchBreak, { year: 2026, month: 10, day: 5 });
 * // [{ 04:00Z–07:30Z }, { 08:30Z–13:00Z }] for 09:30–13:00 and 14:00–18:30 IST
 */
export function businessWindowsOn(calendar: BusinessCalendar | WorkingCalendar, date: CivilDate): BusinessWindow[] {
  const working = toWorkingCalendar(calendar);
  if (working.holidays.includes(formatCivilDate(date))) return [];
  const weekday = isoWeekdayOf(date);
  return working.week
    .filter((w) => w.day === weekday)
    .map((w) => ({
      start: instantAt(date, minutesOfHhMm(w.start), working.timeZone),
      end: instantAt(date, minutesOfHhMm(w.end), working.timeZone),
    }))
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .flatMap((w) => subtractAway(w, working.away));
}

/**
 * The first working window on a local date, or `null` on a non-working day or holiday.
 *
 * @example
 * businessWindowOn(berlin, { year: 2026, month: 3, day: 30 });
 * // { start: 2026-03-30T07:00:00Z, end: 2026-03-30T15:00:00Z } for 09:00–17:00 CEST
 */
export function businessWindowOn(calendar: BusinessCalendar | WorkingCalendar, date: CivilDate): BusinessWindow | null {
  return businessWindowsOn(calendar, date)[0] ?? null;
}

// Each holiday blocks at most one day and each away period its length plus a day, so a week past those always
// holds a working window when the week has one.
function searchHorizonDays(calendar: WorkingCalendar, at: Date): number {
  const awayDays = calendar.away
    .filter((period) => period.to > at)
    .reduce(
      (days, period) =>
        days + Math.ceil((period.to.getTime() - Math.max(period.from.getTime(), at.getTime())) / MS_PER_DAY) + 1,
      0,
    );
  return calendar.holidays.length + awayDays + 8;
}

/**
 * The window containing `at` (with `start` clamped to `at`), else the next window after `at`.
 * Throws only if the calendar has no working window at all, which the calendar schemas reject.
 *
 * @example
 * nextBusinessWindow(nyWeekdays9to17, new Date('2026-03-07T15:00:00Z')); // Saturday
 * // { start: 2026-03-09T13:00:00Z, end: 2026-03-09T21:00:00Z } (Monday, already EDT)
 */
export function nextBusinessWindow(calendar: BusinessCalendar | WorkingCalendar, at: Date): BusinessWindow {
  const working = toWorkingCalendar(calendar);
  const localToday = zonedParts(at, working.timeZone);
  const horizonDays = searchHorizonDays(working, at);
  for (let offset = 0; offset <= horizonDays; offset += 1) {
    for (const window of businessWindowsOn(working, addCivilDays(localToday, offset))) {
      if (at.getTime() >= window.end.getTime()) continue;
      return at.getTime() > window.start.getTime() ? { start: at, end: window.end } : window;
    }
  }
  throw new Error(`calendar in ${working.timeZone} has no working day; validate it with its schema`);
}
