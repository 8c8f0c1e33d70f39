import type { BacktestArm, SegmentBacktest } from '@segflow/api-contracts';
import { formatSignedPoints } from '../figures/format';
import { formatPercent } from './model-quality';

/** One arm of a backtest as the segments page shows it. */
export interface BacktestRow {
  arm: 'withRun' | 'heldOut' | 'withoutRun';
  label: string;
  entries: number;
  conversions: number;
  /** `12.5% (95% CI 8.1%–18.8%)`, or a dash for an arm without entries. */
  rate: string;
}

const LABELS: Record<BacktestRow['arm'], string> = {
  withRun: 'With a run',
  heldOut: 'Held out',
  withoutRun: 'Neither',
};

const rateOf = (arm: BacktestArm | null) =>
  arm ? `${formatPercent(arm.rate)} (95% CI ${formatPercent(arm.low)}–${formatPercent(arm.high)})` : '—';

/**
 * The rows of `GET /api/segments/:id/backtest` for the segments page: each arm's closed entries, conversions and rate
 * with its interval (an arm without entries shows 0 and a dash), and the lift over the holdout in signed points when
 * both arms have entries.
 *
 * @example
 * ```ts
 * backtestRows(backtest).lift; // '+12.0 pts vs held out'
 * ```
 */
export function backtestRows(backtest: SegmentBacktest): { rows: BacktestRow[]; lift: string | null } {
  const rows = (['withRun', 'heldOut', 'withoutRun'] as const).map((arm) => ({
    arm,
    label: LABELS[arm],
    entries: backtest[arm]?.entries ?? 0,
    conversions: backtest[arm]?.conversions ?? 0,
    rate: rateOf(backtest[arm]),
  }));
  return { rows, lift: backtest.lift === null ? null : `${formatSignedPoints(backtest.lift)} vs held out` };
}
