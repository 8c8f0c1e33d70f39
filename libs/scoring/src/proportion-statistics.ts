/** z of a two-sided 95 % interval: Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/** A count of leads that did something out of a number of leads. */
export interface Proportion {
  successes: number;
  n: number;
}

/** An interval `[low, high]`. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval of a proportion (Wilson 1927): unlike the normal approximation it stays inside [0, 1] and
 * keeps its coverage for small samples and rates near 0 or 1. Null for no trials.
 *
 * @example
 * wilsonInterval({ successes: 0, n: 10 }); // { low: 0, high: 0.2775 }
 * wilsonInterval({ successes: 81, n: 263 }); // { low: 0.2553, high: 0.3662 } (Newcombe 1998)
 */
export function wilsonInterval({ successes, n }: Proportion, z = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval (1998, method 10) of the difference of two independent proportions `a − b`, built
 * from each one's Wilson interval; it behaves where the Wald interval does not (small arms, rates near 0 or 1).
 * Null when an arm is empty.
 *
 * @example
 * newcombeInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 }); // { low: 0.0524, high: 0.3339 }
 */
export function newcombeInterval(a: Proportion, b: Proportion, z = Z_95): Interval | null {
  const wa = wilsonInterval(a, z);
  const wb = wilsonInterval(b, z);
  if (!wa || !wb) return null;
  const pa = a.successes / a.n;
  const pb = b.successes / b.n;
  const d = pa - pb;
  return {
    low: d - Math.sqrt((pa - wa.low) ** 2 + (wb.high - pb) ** 2),
    high: d + Math.sqrt((wa.high - pa) ** 2 + (pb - wb.low) ** 2),
  };
}

/**
 * The pooled two-proportion z-test of `a` against `b`: z and its two-sided p-value. Null when an arm is empty or
 * nothing varies (both arms all successes or all failures: no evidence either way).
 *
 * @example
 * twoProportionZTest({ successes: 56, n: 70 }, { successes: 48, n: 80 }); // { z: 2.650, pValue: 0.0081 }
 */
export function twoProportionZTest(a: Proportion, b: Proportion): { z: number; pValue: number } | null {
  if (a.n <= 0 || b.n <= 0) return null;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  if (se === 0) return null;
  const z = (a.successes / a.n - b.successes / b.n) / se;
  return { z, pValue: Math.min(1, 2 * (1 - standardNormalCdf(Math.abs(z)))) };
}

/**
 * Φ(x), the standard normal distribution function, from erf by Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7).
 *
 * @example
 * standardNormalCdf(1.959964); // 0.975
 */
export function standardNormalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
