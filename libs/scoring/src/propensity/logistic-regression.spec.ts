import { createRng } from '../create-rng';
import { fitLogisticRegression, logOdds, sigmoid } from './logistic-regression';

// Draws n rows x ~ N(0, 1)² (Box–Muller) with labels from a known logistic model.
function logisticSample(n: number, weights: [number, number], intercept: number, seed: number) {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const row = [normal(), normal()];
    rows.push(row);
    labels.push(rng() < sigmoid(intercept + weights[0] * row[0]! + weights[1] * row[1]!) ? 1 : 0);
  }
  return { rows, labels };
}

describe('sigmoid', () => {
  it('is 0.5 at 0, symmetric, and finite in both tails', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
});

describe('fitLogisticRegression', () => {
  it('recovers the coefficients of a known logistic model', () => {
    const { rows, labels } = logisticSample(20_000, [1.5, -0.8], -0.5, 11);
    const model = fitLogisticRegression(rows, labels, { l2: 0 });
    expect(model.converged).toBe(true);
    expect(model.weights[0]).toBeCloseTo(1.5, 1);
    expect(model.weights[1]).toBeCloseTo(-0.8, 1);
    expect(model.intercept).toBeCloseTo(-0.5, 1);
  });

  it('crosses 0.5 half-way on symmetric data', () => {
    const model = fitLogisticRegression([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 0.1 });
    expect(sigmoid(logOdds(model, [1.5]))).toBeCloseTo(0.5, 9);
  });

  it('keeps weights finite on separable data, and shrinks them as the penalty grows', () => {
    const rows = [[-2], [-1], [1], [2]];
    const labels = [0, 0, 1, 1];
    const weak = fitLogisticRegression(rows, labels, { l2: 0.01 });
    const strong = fitLogisticRegression(rows, labels, { l2: 10 });
    expect(weak.converged).toBe(true);
    expect(Number.isFinite(weak.weights[0])).toBe(true);
    expect(strong.weights[0]!).toBeGreaterThan(0);
    expect(strong.weights[0]!).toBeLessThan(weak.weights[0]!);
  });

  it('gives the same model for the same rows, bit for bit', () => {
    const { rows, labels } = logisticSample(500, [1, 1], 0, 3);
    expect(fitLogisticRegression(rows, labels)).toEqual(fitLogisticRegression(rows, labels));
  });
});
