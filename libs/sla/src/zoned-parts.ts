import type { CivilDate } from './civil-date';

/** Wall-clock fields of an instant as seen in a time zone. */
export interface ZonedParts extends CivilDate {
  /** 0–23. */
  hour: number;
  /** 0–59. */
  minute: number;
  /** 0–59. */
  second: number;
  /** 0–999. */
  millisecond: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Building an Intl.DateTimeFormat is far slower than using one; the cache holds no time-dependent state.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Reads the local wall-clock date and time of `at` in an IANA time zone.
 * Throws `RangeError` for an unknown zone (validate calendars with their schema first).
 *
 * @example
 * zonedParts(new Date('2026-03-08T07:30:00Z'), 'America/New_York');
 * // { year: 2026, month: 3, day: 8, hour: 3, minute: 30, second: 0, millisecond: 0, weekday: 7 }
 */
export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) fields[part.type] = part.value;
  return {
    year: Number(fields['year']),
    month: Number(fields['month']),
    day: Number(fields['day']),
    hour: Number(fields['hour']),
    minute: Number(fields['minute']),
    second: Number(fields['second']),
    millisecond: at.getUTCMilliseconds(),
    weekday: WEEKDAYS[fields['weekday'] ?? ''] ?? Number.NaN,
  };
}
