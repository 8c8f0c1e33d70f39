import { driftLevel, measureSegmentDrift, populationStabilityIndex, PSI_MIN_SHARE } from './segment-drift';

const same = { means: [1, 10], stds: [2, 5] };
const base = {
  activeSizes: { a: 50, b: 50 },
  candidateSizes: { a: 50, b: 50 },
  movedLeads: 0,
  leadCount: 100,
  adjustedRand: 1,
  activeStandardizer: same,
  candidateStandardizer: same,
  featureNames: ['intent', 'fit'],
};

describe('populationStabilityIndex', () => {
  it('is 0 for the same shares, whatever the counts', () => {
    expect(populationStabilityIndex({ a: 50, b: 50 }, { a: 5, b: 5 })).toBe(0);
  });

  it('sums (a − c)·ln(a / c) over the segments', () => {
    // 0.25·ln 2 + 0.25·ln 1.5
    expect(populationStabilityIndex({ a: 50, b: 50 }, { a: 25, b: 75 })).toBeCloseTo(0.2747, 4);
  });

  it('counts a segment missing on one side with the floor share', () => {
    const p = 0.1;
    const expected = (0.9 - 1) * Math.log(0.9 / 1) + (PSI_MIN_SHARE - p) * Math.log(PSI_MIN_SHARE / p);
    expect(populationStabilityIndex({ a: 100 }, { a: 90, c: 10 })).toBeCloseTo(expected, 10);
  });
});

describe('driftLevel', () => {
  it('is low below 0.4, medium below 1, high from 1', () => {
    expect([0, 0.39, 0.4, 0.99, 1, 3].map(driftLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});

describe('measureSegmentDrift', () => {
  it('is zero and low when nothing changed', () => {
    expect(measureSegmentDrift(base)).toEqual({
      score: 0,
      level: 'low',
      drivenBy: 'segmentShares',
      psi: 0,
      movedShare: 0,
      adjustedRand: 1,
      featureShift: { max: 0, feature: null, byFeature: { intent: 0, fit: 0 } },
    });
  });

  it('scores the moved share against 15 %', () => {
    const drift = measureSegmentDrift({ ...base, movedLeads: 9 });
    expect(drift).toMatchObject({ movedShare: 0.09, drivenBy: 'movedLeads', level: 'medium' });
    expect(drift.score).toBeCloseTo(0.6, 10);
  });

  it('measures feature shift in the active model’s standard deviations and names the largest', () => {
    const drift = measureSegmentDrift({ ...base, candidateStandardizer: { means: [2, 11], stds: [9, 9] } });
    expect(drift.featureShift).toEqual({ max: 0.5, feature: 'intent', byFeature: { intent: 0.5, fit: 0.2 } });
    expect(drift).toMatchObject({ score: 1, level: 'high', drivenBy: 'features' });
  });

  it('scores segment shares by PSI against 0.25', () => {
    const drift = measureSegmentDrift({ ...base, candidateSizes: { a: 25, b: 75 } });
    expect(drift).toMatchObject({ drivenBy: 'segmentShares', level: 'high' });
    expect(drift.score).toBeCloseTo(0.2747 / 0.25, 3);
  });

  it('counts nothing moved for an empty population', () => {
    expect(measureSegmentDrift({ ...base, leadCount: 0, movedLeads: 0 }).movedShare).toBe(0);
  });
});
