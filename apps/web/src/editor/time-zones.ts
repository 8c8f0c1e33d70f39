/**
 * IANA zones the browser lists. Browsers list some zones under older names (Chromium has
 * `Asia/Calcutta`, not `Asia/Kolkata`), so pickers add the current value with `withCurrent`.
 */
export const TIME_ZONES: string[] =
  typeof Intl.supportedValuesOf === 'function'
    ? Intl.supportedValuesOf('timeZone')
    : ['UTC', 'Asia/Kolkata', 'Europe/Berlin', 'America/New_York'];

/**
 * The zone list with `current` in it (sorted in), so a select always shows the stored value.
 *
 * @example
 * withCurrent(['Asia/Calcutta', 'UTC'], 'Asia/Kolkata'); // ['Asia/Calcutta', 'Asia/Kolkata', 'UTC']
 */
export function withCurrent(zones: string[], current: string): string[] {
  return zones.includes(current) ? zones : [...zones, current].sort();
}
