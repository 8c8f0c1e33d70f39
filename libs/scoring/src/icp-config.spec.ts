import { DEFAULT_ICP, fitParts, scoreFit } from './icp-config';

describe('scoreFit', () => {
  it('is 1 for a perfect match and unknown for an empty lead', () => {
    expect(scoreFit({ industry: 'SaaS', headcount: 40, revenueBand: '1m_10m', fundingStage: 'series_a' })).toBeCloseTo(
      1,
      12,
    );
    expect(scoreFit({})).toBeCloseTo(DEFAULT_ICP.unknown, 12);
  });

  it('falls off by a decade outside the headcount range', () => {
    const icp = { ...DEFAULT_ICP, weights: { industry: 0, headcount: 1, revenue: 0, funding: 0 } };
    expect(scoreFit({ headcount: 5 }, icp)).toBeCloseTo(1 - Math.log10(2), 12);
    expect(scoreFit({ headcount: 5000 }, icp)).toBeCloseTo(0, 12);
    expect(scoreFit({ headcount: 0 }, icp)).toBe(0);
  });

  it('scores unlisted industries as otherIndustry', () => {
    const icp = { ...DEFAULT_ICP, weights: { industry: 1, headcount: 0, revenue: 0, funding: 0 } };
    expect(scoreFit({ industry: 'mining' }, icp)).toBe(DEFAULT_ICP.otherIndustry);
  });

  it('stays within [0, 1]', () => {
    expect(
      scoreFit({ industry: 'mining', headcount: 1, revenueBand: 'over_100m', fundingStage: 'public' }),
    ).toBeGreaterThanOrEqual(0);
  });
});

describe('fitParts', () => {
  it('gives each attribute’s match, unknown ones at icp.unknown, and scoreFit is their weighted mean', () => {
    const lead = { industry: 'Logistics', headcount: 5000, revenueBand: '1m_10m' as const };
    const parts = fitParts(lead);
    expect(parts).toEqual({ industry: 0.8, headcount: 0, revenue: 1, funding: 0.4 });
    const w = DEFAULT_ICP.weights;
    expect(scoreFit(lead)).toBeCloseTo(
      (w.industry * 0.8 + w.revenue * 1 + w.funding * 0.4) / (w.industry + w.headcount + w.revenue + w.funding),
      12,
    );
  });
});
