import { describeSegment } from './describe-segment';
import { FEATURE_NAMES } from './feature-vector';

const centroid = (z: Partial<Record<(typeof FEATURE_NAMES)[number], number>>) =>
  FEATURE_NAMES.map((name) => z[name] ?? 0);

describe('describeSegment', () => {
  it('names the most distinctive features first', () => {
    expect(
      describeSegment(centroid({ intent: 1.8, fit: 1.1, affinity_whatsapp: 1.3, recency: 0.2 }), FEATURE_NAMES),
    ).toBe('high intent · WhatsApp-first · high fit');
  });

  it('describes low values and skips undistinctive lows', () => {
    expect(
      describeSegment(centroid({ recency: -1.5, frequency: -1.2, value: -2, affinity_email: -3 }), FEATURE_NAMES),
    ).toBe('dormant · rarely engaged');
  });

  it('mentions at most one channel', () => {
    expect(describeSegment(centroid({ affinity_whatsapp: 2, affinity_linkedin: 1.9 }), FEATURE_NAMES)).toBe(
      'WhatsApp-first',
    );
  });

  it('says typical when nothing stands out', () => {
    expect(describeSegment(centroid({ intent: 0.3 }), FEATURE_NAMES)).toBe('typical');
  });

  it('is deterministic on ties (feature order)', () => {
    expect(describeSegment(centroid({ fit: 1, intent: 1 }), FEATURE_NAMES)).toBe('high intent · high fit');
  });

  it('respects threshold and maxParts and handles unknown feature names', () => {
    expect(describeSegment([0.4, -2], ['intent', 'churn'], { threshold: 0.3, maxParts: 1 })).toBe('low churn');
  });
});
