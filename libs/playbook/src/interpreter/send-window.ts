import {
  addCivilDays,
  formatCivilDate,
  isWithinQuietHours,
  nextTimeOutsideQuietHours,
  zonedParts,
  zonedTimeToUtc,
} from '@segflow/sla';
import type { PlaybookSettings } from '../playbook-schema';

/** Why a send cannot happen right now. */
export type SendDeferral = { until: Date; because: 'quietHours' | 'dailyCap' };

/**
 * The lead-local calendar day of an instant, `YYYY-MM-DD`: the key of `RunState.touchesPerDay`.
 *
 * @example
 * localDayKey(new Date('2026-01-02T20:00:00Z'), 'Asia/Kolkata'); // '2026-01-03'
 */
export function localDayKey(at: Date, timeZone: string): string {
  return formatCivilDate(zonedParts(at, timeZone));
}

/**
 * The first instant of the lead-local day after the one `at` falls on: when a capped day's deferred sends may go.
 *
 * @example
 * startOfNextLocalDay(new Date('2026-01-02T12:00:00Z'), 'Asia/Kolkata'); // 2026-01-02T18:30:00Z
 */
export function startOfNextLocalDay(at: Date, timeZone: string): Date {
  const tomorrow = addCivilDays(zonedParts(at, timeZone), 1);
  return zonedTimeToUtc({ ...tomorrow, hour: 0, minute: 0 }, timeZone);
}

function deferralAt(
  settings: PlaybookSettings,
  timeZone: string,
  touchesPerDay: Record<string, number>,
  at: Date,
): SendDeferral | null {
  const quiet = settings.quietHours ? { ...settings.quietHours, timeZone } : null;
  if (quiet && isWithinQuietHours(quiet, at)) {
    return { until: nextTimeOutsideQuietHours(quiet, at), because: 'quietHours' };
  }
  const cap = settings.maxTouchesPerDay;
  if (cap && (touchesPerDay[localDayKey(at, timeZone)] ?? 0) >= cap) {
    return { until: startOfNextLocalDay(at, timeZone), because: 'dailyCap' };
  }
  return null;
}

/**
 * When a send that is due at `now` may go out: null if now, else the earliest later instant outside quiet
 * hours (in the lead's zone) and on a local day under the daily cap, with the first reason it was held.
 * Sends are deferred, never dropped (DESIGN invariant 4).
 *
 * @example
 * nextSendDeferral({ goalEvents: [], reentry: { policy: 'never' }, quietHours: { start: '20:00', end: '08:00' } },
 *   'Europe/Paris', {}, new Date('2026-03-02T21:00:00Z')); // { until: 2026-03-03T07:00Z, because: 'quietHours' }
 */
export function nextSendDeferral(
  settings: PlaybookSettings,
  timeZone: string,
  touchesPerDay: Record<string, number>,
  now: Date,
): SendDeferral | null {
  const first = deferralAt(settings, timeZone, touchesPerDay, now);
  if (!first) return null;
  let until = first.until;
  // Leaving quiet hours can land on a capped day and the next day can start in quiet hours; a few rounds settle it.
  for (let round = 0; round < 8; round += 1) {
    const next = deferralAt(settings, timeZone, touchesPerDay, until);
    if (!next) break;
    until = next.until;
  }
  return { until, because: first.because };
}
