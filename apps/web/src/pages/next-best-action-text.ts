import type { NextBestActionOption } from '@segflow/api-contracts';
import { formatSignedPoints } from '../figures/format';
import { formatPercent } from './model-quality';

/**
 * An option's estimate as the segments page shows it: a lift in percentage points over the holdout, or a reply rate,
 * each with its 95 % interval and sample size.
 *
 * @example formatActionEstimate({ basis: 'lift', estimate: 0.2, low: 0.05, high: 0.33, sampleSize: 150, … })
 * // 'conversion +20.0 pts vs holdout (95% CI +5.0 pts to +33.0 pts, 150 leads)'
 */
export function formatActionEstimate(option: NextBestActionOption): string {
  if (option.basis === 'lift')
    return `conversion ${formatSignedPoints(option.estimate)} vs holdout (95% CI ${formatSignedPoints(option.low)} to ${formatSignedPoints(option.high)}, ${option.sampleSize} leads)`;
  return `${formatPercent(option.estimate)} replies (95% CI ${formatPercent(option.low)}–${formatPercent(option.high)}, ${option.sampleSize} touches)`;
}
