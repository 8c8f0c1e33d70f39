import { quietPeriodAt, type QuietHours } from './quiet-hours';

/**
 * `at` itself when it is outside quiet hours, otherwise the instant the current quiet period ends.
 * Used to defer (never drop) a touch that would land in quiet hours.
 *
 * @example
 * const quiet = { timeZone: 'Europe/Berlin', start: '21:00', end: '08:00' };
 * nextTimeOutsideQuietHours(quiet, new Date('2026-03-28T22:00:00Z')).toISOString(); // 23:00 CET Saturday
 * // '2026-03-29T06:00:00.000Z' (08:00 CEST Sunday, after the spring-forward night)
 */
export function nextTimeOutsideQuietHours(quiet: QuietHours, at: Date): Date {
  return quietPeriodAt(quiet, at)?.end ?? at;
}
