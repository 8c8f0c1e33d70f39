import { createRng } from '../create-rng';
import { calibrate, fitCalibration, fitIsotonic, fitPlatt } from './calibration';
import { sigmoid } from './logistic-regression';

describe('fitPlatt', () => {
  it('recovers a and b from scores whose labels follow σ(a·s + b)', () => {
    const rng = createRng(5);
    const scores = Array.from({ length: 20_000 }, () => rng() * 8 - 4);
    const labels = scores.map((s) => (rng() < sigmoid(0.7 * s - 1) ? 1 : 0));
    const platt = fitPlatt(scores, labels);
    expect(platt.a).toBeCloseTo(0.7, 1);
    expect(platt.b).toBeCloseTo(-1, 1);
  });

  it('stays finite when the scores separate the classes (smoothed targets)', () => {
    const platt = fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1]);
    expect(Number.isFinite(platt.a)).toBe(true);
    expect(calibrate(platt, 0)).toBeCloseTo(0.5, 9);
    expect(calibrate(platt, 2)).toBeLessThan(1);
  });
});

describe('fitIsotonic', () => {
  it('pools adjacent violators', () => {
    expect(fitIsotonic([1, 2, 3, 4], [0, 1, 0, 1])).toEqual({
      method: 'isotonic',
      thresholds: [1, 2, 4],
      values: [0, 0.5, 1],
    });
  });

  it('is monotone and maps tied scores to one value', () => {
    const rng = createRng(9);
    const scores = Array.from({ length: 500 }, () => Math.round(rng() * 20));
    const labels = scores.map((s) => (rng() < s / 20 ? 1 : 0));
    const iso = fitIsotonic(scores, labels);
    iso.values.forEach((v, i) => i > 0 && expect(v).toBeGreaterThan(iso.values[i - 1]!));
    expect(new Set(iso.thresholds).size).toBe(iso.thresholds.length);
    const mapped = [...Array(21).keys()].map((s) => calibrate(iso, s));
    mapped.forEach((p, i) => i > 0 && expect(p).toBeGreaterThanOrEqual(mapped[i - 1]!));
  });

  it('keeps the mean of the labels (each block is the mean of its rows)', () => {
    const scores = [3, 1, 2, 2, 5, 4];
    const labels = [1, 0, 1, 0, 1, 0];
    const iso = fitIsotonic(scores, labels);
    const mean = scores.reduce((sum, s) => sum + calibrate(iso, s), 0) / scores.length;
    expect(mean).toBeCloseTo(labels.reduce((a, b) => a + b, 0) / labels.length, 12);
  });
});

describe('calibrate', () => {
  it('reads an isotonic step below, at and above its thresholds', () => {
    const iso = fitCalibration('isotonic', [1, 2, 3, 4], [0, 1, 0, 1]);
    expect([0, 1, 2.5, 3.9, 4, 9].map((s) => calibrate(iso, s))).toEqual([0, 0, 0.5, 0.5, 1, 1]);
  });
});
