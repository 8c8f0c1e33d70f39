import { enrolSummary, formatSimilarity } from './lookalike-summary';

describe('enrolSummary', () => {
  it('names the skip reasons that happened, in a fixed order', () => {
    expect(
      enrolSummary({
        members: 5,
        enrolled: 2,
        skipped: { suppressed: 1, 'already-running': 1, erased: 1 },
        skippedLeads: [],
      }),
    ).toBe('Enrolled 2 of 5; skipped 1 opted out or suppressed, 1 already running, 1 erased');
  });

  it('says only how many were enrolled when nothing was skipped', () => {
    expect(
      enrolSummary({
        members: 3,
        enrolled: 3,
        skipped: { suppressed: 0, 'already-running': 0, erased: 0 },
        skippedLeads: [],
      }),
    ).toBe('Enrolled 3 of 3');
  });
});

describe('formatSimilarity', () => {
  it('shows three decimals', () => {
    expect(formatSimilarity(1)).toBe('1.000');
    expect(formatSimilarity(0.36788)).toBe('0.368');
  });
});
