// Intl lookups are slow compared to a Set hit; ingest validates thousands of items a second.
const timeZoneCache = new Map<string, boolean>();
const TIME_ZONE_CACHE_LIMIT = 2048;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const countryCache = new Map<string, boolean>();
const currencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Whether `zone` is an IANA time zone known to this runtime's Intl data
 * (aliases such as `Asia/Calcutta` and `UTC` included).
 *
 * @example
 * ```ts
 * isIanaTimeZone('Asia/Kolkata'); // true
 * isIanaTimeZone('India/Pune'); // false
 * ```
 */
export function isIanaTimeZone(zone: string): boolean {
  const cached = timeZoneCache.get(zone);
  if (cached !== undefined) return cached;
  let valid = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    valid = false;
  }
  if (timeZoneCache.size < TIME_ZONE_CACHE_LIMIT) timeZoneCache.set(zone, valid);
  return valid;
}

/**
 * Whether `code` is an assigned ISO 3166-1 alpha-2 region code (upper case).
 *
 * @example
 * ```ts
 * isCountryCode('IN'); // true
 * isCountryCode('in'); // false
 * isCountryCode('ZZ'); // false
 * ```
 */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false;
  let known = countryCache.get(code);
  if (known === undefined) {
    known = regionNames.of(code) !== undefined;
    countryCache.set(code, known);
  }
  return known;
}

/**
 * Whether `code` is an ISO 4217 currency code known to Intl (upper case).
 *
 * @example
 * ```ts
 * isCurrencyCode('INR'); // true
 * isCurrencyCode('RUPEE'); // false
 * ```
 */
export function isCurrencyCode(code: string): boolean {
  return currencies.has(code);
}
