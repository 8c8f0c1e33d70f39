import type { SegmentModel } from '@segflow/api-contracts';
import { calibrationPoints, formatPercent, qualityOf } from './model-quality';

const label = { goalEventType: 'purchase' as const, horizonDays: 30 };

describe('qualityOf', () => {
  it('reads the segmentation metrics and the propensity holdout scores beside the baseline', () => {
    const model = {
      metrics: {
        leadCount: 10,
        sizes: {},
        k: 5,
        silhouette: 0.41,
        daviesBouldin: 0.9,
        stability: { keptShare: 0.97, adjustedRand: 0.93, compared: 10 },
      },
      propensity: {
        status: 'trained',
        label,
        metrics: {
          auc: 0.9,
          brier: 0.05,
          topDecileLift: 4,
          baseRate: 0.1,
          calibrationCurve: [],
          baseline: { auc: 0.8, brier: 0.07, topDecileLift: 3 },
        },
      },
    } as unknown as SegmentModel;
    expect(qualityOf(model)).toEqual({
      k: 5,
      silhouette: 0.41,
      daviesBouldin: 0.9,
      keptShare: 0.97,
      adjustedRand: 0.93,
      auc: 0.9,
      brier: 0.05,
      topDecileLift: 4,
      baselineAuc: 0.8,
      baselineBrier: 0.07,
      propensityNote: null,
    });
  });

  it('says why there is no propensity model, and leaves a first model’s stability empty', () => {
    const model = {
      metrics: { leadCount: 10, sizes: {}, k: 3, stability: null },
      propensity: {
        status: 'insufficient',
        label,
        reason: '3 closed segment entries',
        counts: { samples: 3, positives: 0 },
      },
    } as unknown as SegmentModel;
    expect(qualityOf(model)).toMatchObject({ keptShare: null, auc: null, propensityNote: '3 closed segment entries' });
    expect(qualityOf({ metrics: null, propensity: null }).propensityNote).toBe('no propensity model');
  });
});

describe('calibrationPoints', () => {
  it('places non-empty bins by mean prediction (x) and observed rate (y, downwards)', () => {
    const curve = [
      { lower: 0, upper: 0.1, count: 4, meanPredicted: 0.05, observedRate: 0.25 },
      { lower: 0.1, upper: 0.2, count: 0, meanPredicted: null, observedRate: null },
    ];
    expect(calibrationPoints(curve, 200)).toEqual([{ x: 10, y: 150, count: 4 }]);
  });
});

describe('formatPercent', () => {
  it('shows one decimal or a dash', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(null)).toBe('—');
  });
});
