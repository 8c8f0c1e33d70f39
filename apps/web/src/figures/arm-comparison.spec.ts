import type { LiftRow } from '@segflow/api-contracts';
import { formatDifference, viewComparison } from './arm-comparison';

const estimate = (count: number, leads: number, low: number, high: number) => ({
  count,
  rate: count / leads,
  low,
  high,
});
const measured: LiftRow['comparison'] = {
  state: 'measured',
  minLeadsPerArm: 30,
  arm: {
    leads: 40,
    conversions: estimate(16, 40, 0.2634, 0.554),
    meetings: estimate(12, 40, 0.18, 0.45),
    replies: estimate(5, 40, 0.05, 0.26),
  },
  control: {
    leads: 30,
    conversions: estimate(7, 30, 0.1179, 0.4093),
    meetings: estimate(6, 30, 0.1, 0.38),
    replies: estimate(3, 30, 0.03, 0.26),
  },
  difference: {
    conversions: { difference: 0.1667, low: -0.056, high: 0.3591, pValue: 0.1418 },
    meetings: { difference: 0.1, low: -0.1, high: 0.28, pValue: 0.34 },
    replies: { difference: 0.025, low: -0.13, high: 0.17, pValue: null },
  },
};

describe('viewComparison', () => {
  it('prints each outcome with counts, Wilson intervals and the difference with its interval and p', () => {
    const view = viewComparison(measured);
    expect(view.kind === 'measured' && view.lines[0]).toEqual({
      outcome: 'Conversions',
      arm: '40.0% (16/40) [26.3–55.4]',
      control: '23.3% (7/30) [11.8–40.9]',
      difference: '+16.7 pts [−5.6, +35.9], p 0.142',
    });
  });

  it('says there are too few leads instead of rates', () => {
    const few = { ...measured, state: 'tooFewLeads' as const, difference: null };
    expect(viewComparison({ ...few, arm: { ...few.arm, leads: 12 } })).toEqual({
      kind: 'tooFewLeads',
      text: 'too few leads to compare: 12 vs 30 (at least 30 per arm)',
    });
  });
});

describe('formatDifference', () => {
  it('writes a missing p-value as a dash and tiny ones as < 0.001', () => {
    expect(formatDifference({ difference: 0, low: -0.1, high: 0.1, pValue: null })).toBe('0.0 pts [−10.0, +10.0], p —');
    expect(formatDifference({ difference: -0.2, low: -0.3, high: -0.1, pValue: 0.0001 })).toBe(
      '−20.0 pts [−30.0, −10.0], p < 0.001',
    );
  });
});
