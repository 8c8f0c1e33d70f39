import type { LiftRow, SummaryRow, TrendPoint } from '@segflow/api-contracts';
import { armSeries, summarySeries, trendBucketFor, trendSeries } from './dashboard-series';

const point = (bucket: string, fields: Partial<TrendPoint> = {}): TrendPoint => ({
  bucket,
  entries: 1,
  ttftP50Ms: null,
  ttftP90Ms: null,
  breachRate: null,
  ...fields,
});

describe('trendBucketFor', () => {
  it('asks for hours up to two days, days up to 120 and weeks beyond', () => {
    expect(trendBucketFor({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' })).toBe('hour');
    expect(trendBucketFor({ from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' })).toBe('hour');
    expect(trendBucketFor({ from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z' })).toBe('day');
    expect(trendBucketFor({ from: '2026-01-01T00:00:00Z', to: '2026-05-01T00:00:00Z' })).toBe('day');
    expect(trendBucketFor({ from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' })).toBe('week');
  });
});

describe('trendSeries', () => {
  const oneDay = { from: '2026-03-05T00:00:00Z', to: '2026-03-06T00:00:00Z' };

  it('gives a one-day range its 24 hours, the measured ones in place', () => {
    const series = trendSeries(
      [
        point('2026-03-05T09:00:00.000Z', {
          entries: 3,
          ttftP50Ms: 1_500_000,
          ttftP90Ms: 2_220_000,
          breachRate: 1 / 3,
        }),
      ],
      oneDay,
      'hour',
    );
    expect(series).toHaveLength(24);
    expect(series[0]).toEqual({
      bucket: '2026-03-05T00:00:00.000Z',
      label: '00:00',
      entries: 0,
      ttftP50Min: null,
      ttftP90Min: null,
      breachPct: null,
    });
    expect(series[9]).toEqual({
      bucket: '2026-03-05T09:00:00.000Z',
      label: '09:00',
      entries: 3,
      ttftP50Min: 25,
      ttftP90Min: 37,
      breachPct: 33.3,
    });
    expect(series.reduce((n, d) => n + d.entries, 0)).toBe(3);
  });

  it('labels hours with their day when the range spans more than one', () => {
    const series = trendSeries([], { from: '2026-03-05T00:00:00Z', to: '2026-03-07T00:00:00Z' }, 'hour');
    expect(series).toHaveLength(48);
    expect(series[30].label).toBe('03-06 06:00');
  });

  it('fills days, and weeks from the Monday of the first one', () => {
    const days = trendSeries(
      [point('2026-03-02T00:00:00.000Z')],
      { from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z' },
      'day',
    );
    expect(days.map((d) => [d.label, d.entries])).toEqual([
      ['03-01', 0],
      ['03-02', 1],
      ['03-03', 0],
    ]);
    // 2026-03-04 is a Wednesday: its week starts on Monday 2026-03-02.
    const weeks = trendSeries([], { from: '2026-03-04T00:00:00Z', to: '2026-03-17T00:00:00Z' }, 'week');
    expect(weeks.map((w) => w.bucket)).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
  });
});

describe('summarySeries', () => {
  it('turns milliseconds into minutes and rates into percentages', () => {
    const row: SummaryRow = {
      key: 's1',
      label: 'Hot',
      entries: 4,
      touched: 4,
      ttftP50Ms: 1_500_000,
      ttftP90Ms: null,
      systemDelayP50Ms: 60_000,
      humanDelayP50Ms: 1_440_000,
      breaches: 1,
      breachRate: 0.25,
      touches: 4,
      replies: 1,
      meetings: 1,
      conversions: 0,
    };
    expect(summarySeries([row])).toEqual([
      {
        label: 'Hot',
        ttftP50Min: 25,
        ttftP90Min: null,
        breachPct: 25,
        breaches: 1,
        touches: 4,
        replies: 1,
        meetings: 1,
        conversions: 0,
      },
    ]);
  });
});

describe('armSeries', () => {
  const estimate = (count: number, rate: number | null, low: number | null, high: number | null) => ({
    count,
    rate,
    low,
    high,
  });
  const arms = (conversions: ReturnType<typeof estimate>, leads: number) => ({
    leads,
    conversions,
    meetings: estimate(0, null, null, null),
    replies: estimate(0, null, null, null),
  });
  const difference = { difference: 0.1, low: -0.05, high: 0.25, pValue: 0.2 };

  it('plots measured conversion rates with how far their intervals reach, leaving out too-few-leads rows', () => {
    const measured: LiftRow['comparison'] = {
      state: 'measured',
      minLeadsPerArm: 30,
      arm: arms(estimate(16, 0.4, 0.263, 0.554), 40),
      control: arms(estimate(12, 0.3, 0.179, 0.457), 40),
      difference: { conversions: difference, meetings: difference, replies: difference },
    };
    const tooFew: LiftRow['comparison'] = {
      state: 'tooFewLeads',
      minLeadsPerArm: 30,
      arm: arms(estimate(1, null, null, null), 3),
      control: arms(estimate(0, null, null, null), 0),
      difference: null,
    };
    expect(
      armSeries([
        { label: 'Hot · Welcome', comparison: measured },
        { label: 'Cold · Nurture', comparison: tooFew },
      ]),
    ).toEqual([
      { label: 'Hot · Welcome', armPct: 40, armError: [13.7, 15.4], controlPct: 30, controlError: [12.1, 15.7] },
    ]);
  });
});
