/**
 * URL patterns that mark a pricing or plan-comparison page, matched against the
 * lower-cased URL.
 *
 * @example
 * ```ts
 * DEFAULT_PRICING_PATTERNS.some((p) => p.test('https://x.io/pricing')); // true
 * ```
 */
export const DEFAULT_PRICING_PATTERNS: readonly RegExp[] = [
  /\/pricing\b/,
  /\/plans?\b/,
  /\/price\b/,
  /\/compare\b/,
  /\/quote\b/,
  /[?&](plan|pricing)=/,
];

/**
 * Whether a page-view URL is a pricing page.
 *
 * @param url - the viewed URL (absolute or path).
 * @param patterns - regular expressions tested against the lower-cased URL.
 * @example
 * ```ts
 * isPricingPage('https://acme.in/Pricing?ref=ad'); // true
 * isPricingPage('https://acme.in/blog/pricing-psychology', [/\/pricing$/]); // false
 * ```
 */
export function isPricingPage(url: string, patterns: readonly RegExp[] = DEFAULT_PRICING_PATTERNS): boolean {
  const lower = url.toLowerCase();
  return patterns.some((pattern) => pattern.test(lower));
}
