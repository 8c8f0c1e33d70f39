import { compareArms, MIN_LEADS_PER_ARM } from './compare-arms';

const treated = { leads: 400, conversions: 48, meetings: 60, replies: 120 };
const holdout = { leads: 100, conversions: 6, meetings: 9, replies: 20 };

describe('compareArms', () => {
  it('gives each arm its rates with Wilson intervals and each outcome its difference with Newcombe interval and p', () => {
    const c = compareArms(treated, holdout);
    expect(c.state).toBe('measured');
    expect(c.arm.conversions).toEqual({
      count: 48,
      rate: 0.12,
      low: expect.closeTo(0.0917, 4),
      high: expect.closeTo(0.1555, 4),
    });
    expect(c.control.replies).toMatchObject({ count: 20, rate: 0.2 });
    expect(c.difference?.conversions).toEqual({
      difference: expect.closeTo(0.06, 10),
      low: expect.closeTo(-0.0107, 4),
      high: expect.closeTo(0.10795, 5),
      pValue: expect.closeTo(0.0838, 4),
    });
    // Replies: 30 % vs 20 %, the one difference whose interval excludes 0.
    expect(c.difference?.replies.low).toBeGreaterThan(0);
    expect(c.difference?.replies.pValue).toBeCloseTo(0.0464, 4);
  });

  it(`says too few leads below ${MIN_LEADS_PER_ARM} in either arm: counts only, no rates or differences`, () => {
    const c = compareArms(treated, { ...holdout, leads: MIN_LEADS_PER_ARM - 1 });
    expect(c).toMatchObject({ state: 'tooFewLeads', minLeadsPerArm: MIN_LEADS_PER_ARM, difference: null });
    expect(c.arm.conversions).toEqual({ count: 48, rate: null, low: null, high: null });
    expect(compareArms(treated, { ...holdout, leads: MIN_LEADS_PER_ARM }).state).toBe('measured');
  });

  it('has no p-value where nothing varies, but still an interval', () => {
    const none = { leads: 40, conversions: 0, meetings: 0, replies: 0 };
    const c = compareArms(none, none);
    expect(c.difference?.meetings).toEqual({
      difference: 0,
      low: expect.any(Number),
      high: expect.any(Number),
      pValue: null,
    });
  });
});
