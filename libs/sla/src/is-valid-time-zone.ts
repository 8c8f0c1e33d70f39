/**
 * Whether `timeZone` is an IANA zone name (or alias such as `UTC`) known to the runtime's `Intl` data.
 *
 * @example
 * isValidTimeZone('Europe/Berlin'); // true
 * isValidTimeZone('Mars/Olympus'); // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    // Intl throws RangeError for unknown zones; that is the answer, not a failure.
    return false;
  }
}
