/** A calendar date with no time zone attached (a "wall calendar" date). */
export interface CivilDate {
  /** Full year, e.g. 2026. */
  year: number;
  /** Month of the year, 1–12. */
  month: number;
  /** Day of the month, 1–31. */
  day: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * Adds whole days to a civil date, rolling over months and years.
 *
 * @example
 * addCivilDays({ year: 2026, month: 2, day: 28 }, 1); // { year: 2026, month: 3, day: 1 }
 */
export function addCivilDays(date: CivilDate, days: number): CivilDate {
  // Civil dates have no zone, so UTC arithmetic is exact (no DST in UTC).
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * MS_PER_DAY);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * ISO weekday of a civil date: 1 = Monday … 7 = Sunday.
 *
 * @example
 * isoWeekdayOf({ year: 2026, month: 3, day: 8 }); // 7 (a Sunday)
 */
export function isoWeekdayOf(date: CivilDate): number {
  const utcDay = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}

/**
 * Formats a civil date as `YYYY-MM-DD`.
 *
 * @example
 * formatCivilDate({ year: 2026, month: 3, day: 8 }); // '2026-03-08'
 */
export function formatCivilDate(date: CivilDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
