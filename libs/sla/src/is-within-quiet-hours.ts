import { quietPeriodAt, type QuietHours } from './quiet-hours';

/**
 * Whether `at` falls inside the quiet hours (`start` inclusive, `end` exclusive) in their time zone.
 * Quiet hours may wrap midnight.
 *
 * @example
 * const quiet = { timeZone: 'Asia/Kolkata', start: '21:00', end: '08:00' };
 * isWithinQuietHours(quiet, new Date('2026-05-01T18:00:00Z')); // true (23:30 IST)
 * isWithinQuietHours(quiet, new Date('2026-05-01T03:00:00Z')); // false (08:30 IST)
 */
export function isWithinQuietHours(quiet: QuietHours, at: Date): boolean {
  return quietPeriodAt(quiet, at) !== null;
}
