import type { CivilDate } from './civil-date';
import { zonedParts } from './zoned-parts';

/** A local wall-clock date and time; omitted fields default to 0. Out-of-range values roll over (24:00 → next day). */
export interface LocalDateTime extends CivilDate {
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

const MS_PER_HOUR = 3_600_000;

/** Milliseconds the zone's wall clock is ahead of UTC at `epochMs`. */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = zonedParts(new Date(epochMs), timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return wallAsUtc - epochMs;
}

/**
 * Converts a local wall-clock time in an IANA zone into the instant it denotes, DST-correctly.
 *
 * Disambiguation follows Temporal's `'compatible'` mode:
 * - a nonexistent time (spring-forward gap) moves forward by the gap length (02:30 → 03:30 in New York);
 * - an ambiguous time (fall-back overlap) resolves to the earlier instant (the first 01:30).
 *
 * @example
 * zonedTimeToUtc({ year: 2026, month: 3, day: 9, hour: 9 }, 'America/New_York').toISOString();
 * // '2026-03-09T13:00:00.000Z'
 */
export function zonedTimeToUtc(local: LocalDateTime, timeZone: string): Date {
  const wallAsUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour ?? 0,
    local.minute ?? 0,
    local.second ?? 0,
    local.millisecond ?? 0,
  );
  // Offsets a day either side bracket any single transition; real zones never change twice within 48 h.
  const offsetBefore = offsetAt(wallAsUtc - 24 * MS_PER_HOUR, timeZone);
  const offsetAfter = offsetAt(wallAsUtc + 24 * MS_PER_HOUR, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter, offsetAt(wallAsUtc, timeZone)])]
    .map((offset) => wallAsUtc - offset)
    .filter((epochMs) => epochMs + offsetAt(epochMs, timeZone) === wallAsUtc)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);
  // In a gap, reading the wall time with the pre-transition offset lands after the gap, shifted by its length.
  return new Date(wallAsUtc - offsetBefore);
}
