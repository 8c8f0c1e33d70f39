import { FEATURE_NAMES } from './feature-vector';
import { leadScore } from './lead-score';

const vector = (values: Partial<Record<(typeof FEATURE_NAMES)[number], number>>) =>
  FEATURE_NAMES.map((name) => values[name] ?? 0);

describe('leadScore', () => {
  it('is 0 for a lead with no signal and no fit', () => {
    expect(leadScore(vector({}))).toBe(0);
  });

  it('approaches 100 for a hot, fitting, engaged lead without friction', () => {
    const score = leadScore(vector({ intent: 12, fit: 1, recency: 1, frequency: 12, velocity: 1 }));
    expect(score).toBeGreaterThan(99);
    expect(score).toBeLessThanOrEqual(100);
  });

  it('weighs intent over frequency', () => {
    expect(leadScore(vector({ intent: 2 }))).toBeGreaterThan(leadScore(vector({ frequency: 2 })));
  });

  it('ignores negative velocity (cooling is already in recency)', () => {
    expect(leadScore(vector({ fit: 0.5, velocity: -0.9 }))).toBe(leadScore(vector({ fit: 0.5 })));
  });

  it('friction damps the score by at most half', () => {
    const clean = leadScore(vector({ intent: 3, fit: 1 }));
    const rough = leadScore(vector({ intent: 3, fit: 1, friction: 50 }));
    expect(rough).toBeLessThan(clean);
    expect(rough).toBeGreaterThanOrEqual(clean / 2 - 0.1);
  });

  it('computes the documented formula', () => {
    // 0.35·(1−e^−1) + 0.25·0.8 + 0.15·0.5 = 0.2212 + 0.2 + 0.075 = 0.4962 → 49.6
    expect(leadScore(vector({ intent: 2, fit: 0.8, recency: 0.5 }))).toBe(49.6);
  });
});
