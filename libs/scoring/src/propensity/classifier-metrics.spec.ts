import { createRng } from '../create-rng';
import { brierScore, calibrationCurve, rocAuc, topDecileLift, rateWithInterval } from './classifier-metrics';

describe('rocAuc', () => {
  const labels = [0, 0, 0, 1, 1, 1];
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([1, 2, 3, 4, 5, 6], labels)).toBe(1);
    expect(rocAuc([6, 5, 4, 3, 2, 1], labels)).toBe(0);
  });

  it('counts ties as half', () => {
    expect(rocAuc([1, 1, 1, 1, 1, 1], labels)).toBe(0.5);
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('is about 0.5 for a random ranking', () => {
    const rng = createRng(1);
    const scores = Array.from({ length: 20_000 }, () => rng());
    expect(
      rocAuc(
        scores,
        scores.map(() => (rng() < 0.3 ? 1 : 0)),
      ),
    ).toBeCloseTo(0.5, 1);
  });

  it('is null when a class is missing', () => {
    expect(rocAuc([1, 2], [1, 1])).toBeNull();
  });
});

describe('brierScore', () => {
  it('is p(1 − p) for a constant prediction equal to the base rate', () => {
    expect(brierScore([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0])).toBeCloseTo(0.1875, 15);
    expect(brierScore([0.5, 0.5], [0, 1])).toBe(0.25);
  });

  it('is 0 for certain, correct predictions and null without rows', () => {
    expect(brierScore([0, 1], [0, 1])).toBe(0);
    expect(brierScore([], [])).toBeNull();
  });
});

describe('calibrationCurve', () => {
  it('bins predictions into 10 equal-width bins with mean prediction and observed rate', () => {
    const curve = calibrationCurve([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1]);
    expect(curve).toHaveLength(10);
    expect(curve[1]).toMatchObject({ lower: 0.1, upper: 0.2, count: 2, observedRate: 0.5 });
    expect(curve[1]!.meanPredicted).toBeCloseTo(0.135, 12);
    expect(curve[9]).toMatchObject({ count: 2, observedRate: 1 });
    expect(curve[5]).toMatchObject({ count: 0, meanPredicted: null, observedRate: null });
  });
});

describe('topDecileLift', () => {
  it('is the top 10 %’s positive share over the overall share', () => {
    const scores = [0.9, 0.1, 0.2, 0.3, 0.1, 0.2, 0.1, 0.2, 0.3, 0.1];
    expect(topDecileLift(scores, [1, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe(5);
    expect(topDecileLift(scores, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe(0);
  });

  it('is null without positives', () => {
    expect(topDecileLift([1, 2], [0, 0])).toBeNull();
  });
});

describe('rateWithInterval', () => {
  it('matches the textbook values', () => {
    const { rate, low, high } = rateWithInterval(5, 10)!;
    expect(rate).toBe(0.5);
    expect(low).toBeCloseTo(0.2366, 4);
    expect(high).toBeCloseTo(0.7634, 4);
  });

  it('stays inside [0, 1] at 0 and n successes, and is null for n = 0', () => {
    expect(rateWithInterval(0, 20)!.low).toBeCloseTo(0, 12);
    expect(rateWithInterval(0, 20)!.high).toBeCloseTo(0.1611, 4);
    expect(rateWithInterval(20, 20)!.high).toBe(1);
    expect(rateWithInterval(0, 0)).toBeNull();
  });
});
