const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const countryCache = new Map<string, boolean>();
const currencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

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
