// Intl lookups are slow compared to a Map hit, and ingest validates thousands of lead time zones a second;
// the cache is bounded so hostile input cannot grow it without limit.
const cache = new Map<string, boolean>();
const CACHE_LIMIT = 2048;

/**
 * Whether `timeZone` is an IANA zone name (or alias such as `UTC` or `Asia/Calcutta`) known to the runtime's
 * `Intl` data.
 *
 * @example
 * isValidTimeZone('Europe/Berlin'); // true
 * isValidTimeZone('Mars/Olympus'); // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  const cached = cache.get(timeZone);
  if (cached !== undefined) return cached;
  const valid = timeZone.length > 0 && isKnownToIntl(timeZone);
  if (cache.size < CACHE_LIMIT) cache.set(timeZone, valid);
  return valid;
}

function isKnownToIntl(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    // Intl throws RangeError for unknown zones; that is the answer, not a failure.
    return false;
  }
}
