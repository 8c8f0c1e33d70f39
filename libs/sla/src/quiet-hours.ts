import { addCivilDays, type CivilDate } from './civil-date';
import { minutesOfHhMm } from './minutes-of-hh-mm';
import { zonedParts } from './zoned-parts';
import { zonedTimeToUtc } from './zoned-time-to-utc';

/**
 * A daily do-not-disturb period in local wall-clock time, `[start, end)`.
 * When `start` > `end` the period wraps midnight (21:00–08:00 is quiet from 21:00 until 08:00 the next day).
 *
 * @example
 * const nights: QuietHours = { timeZone: 'Europe/Berlin', start: '21:00', end: '08:00' };
 */
export interface QuietHours {
  /** IANA zone, usually the lead's. */
  timeZone: string;
  /** Local `HH:MM` when quiet hours begin (inclusive). */
  start: string;
  /** Local `HH:MM` when quiet hours end (exclusive). */
  end: string;
}

/** One concrete quiet period as instants. */
export interface QuietPeriod {
  start: Date;
  end: Date;
}

function instantAt(date: CivilDate, hhMm: string, timeZone: string): Date {
  const minutes = minutesOfHhMm(hhMm);
  return zonedTimeToUtc({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}

/**
 * The quiet period containing `at`, or `null` when `at` is outside quiet hours.
 * Periods are resolved to instants, so DST days are handled (a period may be 1 h shorter or longer).
 *
 * @example
 * quietPeriodAt({ timeZone: 'UTC', start: '21:00', end: '08:00' }, new Date('2026-05-01T23:00:00Z'));
 * // { start: 2026-05-01T21:00:00Z, end: 2026-05-02T08:00:00Z }
 */
export function quietPeriodAt(quiet: QuietHours, at: Date): QuietPeriod | null {
  const today = zonedParts(at, quiet.timeZone);
  const wraps = minutesOfHhMm(quiet.start) > minutesOfHhMm(quiet.end);
  // A wrapping period that started yesterday evening can still contain `at` this morning.
  const startDates = wraps ? [addCivilDays(today, -1), today] : [today];
  for (const date of startDates) {
    const start = instantAt(date, quiet.start, quiet.timeZone);
    const end = instantAt(wraps ? addCivilDays(date, 1) : date, quiet.end, quiet.timeZone);
    if (at.getTime() >= start.getTime() && at.getTime() < end.getTime()) return { start, end };
  }
  return null;
}
