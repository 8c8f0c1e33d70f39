import type { SegmentBacktest } from '@segflow/api-contracts';
import { backtestRows } from './segment-backtest';

const backtest: SegmentBacktest = {
  segmentId: 's',
  playbookId: 'p',
  goalEventType: 'purchase',
  horizonDays: 30,
  closedBefore: '2026-11-06T00:00:00.000Z',
  withRun: { entries: 40, conversions: 10, rate: 0.25, low: 0.1419, high: 0.4019 },
  heldOut: { entries: 20, conversions: 1, rate: 0.05, low: 0.0089, high: 0.2361 },
  withoutRun: null,
  lift: 0.2,
};

describe('backtestRows', () => {
  it('shows each arm with its entries, conversions and rate with interval, and the lift in points', () => {
    expect(backtestRows(backtest)).toEqual({
      rows: [
        { arm: 'withRun', label: 'With a run', entries: 40, conversions: 10, rate: '25.0% (95% CI 14.2%–40.2%)' },
        { arm: 'heldOut', label: 'Held out', entries: 20, conversions: 1, rate: '5.0% (95% CI 0.9%–23.6%)' },
        { arm: 'withoutRun', label: 'Neither', entries: 0, conversions: 0, rate: '—' },
      ],
      lift: '+20.0 pts vs held out',
    });
  });

  it('shows a negative lift with a minus sign, and none without a held-out arm', () => {
    expect(backtestRows({ ...backtest, lift: -0.034 }).lift).toBe('−3.4 pts vs held out');
    expect(backtestRows({ ...backtest, heldOut: null, lift: null }).lift).toBeNull();
  });
});
