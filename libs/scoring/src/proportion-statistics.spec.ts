import {
  newcombeInterval,
  standardNormalCdf,
  twoProportionZTest,
  wilsonInterval,
  type Interval,
} from './proportion-statistics';

const rounded = (interval: Interval | null) =>
  interval && { low: Number(interval.low.toFixed(4)), high: Number(interval.high.toFixed(4)) };

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Stat Med 17:857–872, Table I.
  it.each([
    [81, 263, { low: 0.2553, high: 0.3662 }],
    [15, 148, { low: 0.0624, high: 0.1605 }],
    [0, 10, { low: 0, high: 0.2775 }],
    [1, 29, { low: 0.0061, high: 0.1718 }],
  ])('%i of %i → the published 95 %% interval', (successes, n, expected) => {
    expect(rounded(wilsonInterval({ successes, n }))).toEqual(expected);
  });

  it('is symmetric around ½ and has no interval without trials', () => {
    expect(rounded(wilsonInterval({ successes: 5, n: 10 }))).toEqual({ low: 0.2366, high: 0.7634 });
    expect(wilsonInterval({ successes: 0, n: 0 })).toBeNull();
  });
});

describe('newcombeInterval', () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions", Stat Med 17:873–890,
  // Table II, method 10 (hybrid score).
  it.each([
    [56, 70, 48, 80, { low: 0.0524, high: 0.3339 }],
    [9, 10, 3, 10, { low: 0.1705, high: 0.809 }],
    [6, 7, 2, 7, { low: 0.0582, high: 0.8062 }],
    [5, 56, 0, 29, { low: -0.0381, high: 0.1926 }],
  ])('%i/%i − %i/%i → the published 95 %% interval', (a, n, b, m, expected) => {
    expect(rounded(newcombeInterval({ successes: a, n }, { successes: b, n: m }))).toEqual(expected);
  });

  it('has no interval when an arm is empty', () => {
    expect(newcombeInterval({ successes: 1, n: 4 }, { successes: 0, n: 0 })).toBeNull();
  });
});

describe('twoProportionZTest', () => {
  it('gives the pooled z and its two-sided p-value', () => {
    // Pooled p = 104/150; se = √(p(1−p)(1/70 + 1/80)) = 0.07547; z = 0.2 / se.
    const test = twoProportionZTest({ successes: 56, n: 70 }, { successes: 48, n: 80 })!;
    expect(test.z).toBeCloseTo(2.6502, 4);
    expect(test.pValue).toBeCloseTo(0.00805, 5);
  });

  it('is null when an arm is empty or nothing varies', () => {
    expect(twoProportionZTest({ successes: 0, n: 0 }, { successes: 1, n: 2 })).toBeNull();
    expect(twoProportionZTest({ successes: 0, n: 5 }, { successes: 0, n: 8 })).toBeNull();
  });
});

describe('standardNormalCdf', () => {
  it('matches the table: Φ(0) = ½, Φ(1.96) = 0.975, Φ(−1) = 0.1587', () => {
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 7);
    expect(standardNormalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(standardNormalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
});
