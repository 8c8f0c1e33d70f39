import { computeFeatureState } from '../compute-feature-state';
import type { FeatureOptions } from '../event-contributions';
import type { EventInput } from '../event-input-schema';
import type { EventType } from '@segflow/events';
import { FEATURE_NAMES, featureVector } from '../feature-vector';
import { DEFAULT_ICP, fitParts, type FitInput, type IcpConfig } from '../icp-config';

const DAY_MS = 86_400_000;

/**
 * Columns of a propensity row: the scoring features, then the four firmographic matches that `fit` averages with
 * fixed weights (the model learns its own).
 *
 * @example
 * ```ts
 * PROPENSITY_FEATURE_NAMES.length; // 14
 * ```
 */
export const PROPENSITY_FEATURE_NAMES = [
  ...FEATURE_NAMES,
  'fit_industry',
  'fit_headcount',
  'fit_revenue',
  'fit_funding',
] as const;

/**
 * A lead's propensity row at `now`: {@link featureVector} followed by {@link fitParts}.
 *
 * @example
 * ```ts
 * propensityVector(state, { industry: 'saas' }, now).length; // 14
 * ```
 */
export function propensityVector(
  state: Parameters<typeof featureVector>[0],
  lead: FitInput,
  now: Date,
  icp: IcpConfig = DEFAULT_ICP,
): number[] {
  const parts = fitParts(lead, icp);
  return [...featureVector(state, lead, now, icp), parts.industry, parts.headcount, parts.revenue, parts.funding];
}

/** One segment entry with what is known of its lead: firmographics and event history (any order, any span). */
export interface SegmentEntryHistory {
  segmentId: string;
  /** When the lead entered the segment. */
  at: Date;
  lead: FitInput;
  events: readonly EventInput[];
}

/** What makes an entry a conversion. */
export interface ConversionLabel {
  /** The event type that counts as converting (e.g. `purchase`). */
  goalEventType: EventType;
  /** A goal event in (entry, entry + horizonDays] is a conversion. */
  horizonDays: number;
}

/** A labelled training row: the lead's propensity row at its entry and whether it converted in the horizon. */
export interface PropensitySample {
  segmentId: string;
  /** Entry time, epoch ms (the time-based holdout splits on it). */
  at: number;
  vector: number[];
  label: 0 | 1;
}

/**
 * Labels segment entries for training. The features are the lead's as they stood at the entry (only events that had
 * occurred by then), so the outcome never leaks into them; the label is whether a goal event followed within the
 * horizon. Entries whose horizon has not ended by `dataEnd` are left out (their outcome is not known yet).
 *
 * @example
 * ```ts
 * const samples = labelSegmentEntries(entries, { goalEventType: 'purchase', horizonDays: 30 }, now);
 * ```
 */
export function labelSegmentEntries(
  entries: readonly SegmentEntryHistory[],
  label: ConversionLabel,
  dataEnd: Date,
  options: FeatureOptions & { icp?: IcpConfig } = {},
): PropensitySample[] {
  const horizon = label.horizonDays * DAY_MS;
  const samples: PropensitySample[] = [];
  for (const entry of entries) {
    const at = entry.at.getTime();
    if (at + horizon > dataEnd.getTime()) continue;
    const before: EventInput[] = [];
    let converted = false;
    for (const event of entry.events) {
      const occurred = Date.parse(event.occurredAt);
      if (occurred <= at) before.push(event);
      else if (event.type === label.goalEventType && occurred <= at + horizon) converted = true;
    }
    const state = computeFeatureState(before, entry.at, options);
    samples.push({
      segmentId: entry.segmentId,
      at,
      vector: propensityVector(state, entry.lead, entry.at, options.icp),
      label: converted ? 1 : 0,
    });
  }
  return samples;
}
