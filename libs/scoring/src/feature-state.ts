import type { FeatureName } from '@segflow/events';

const DAY_MS = 86_400_000;

/**
 * Half-life in days of each time-decayed accumulator. An event's weight halves every
 * half-life after it occurred.
 *
 * @example
 * ```ts
 * ACCUMULATOR_HALF_LIFE_DAYS.intent; // 14
 * ```
 */
export const ACCUMULATOR_HALF_LIFE_DAYS = {
  engagementShort: 7,
  engagementLong: 30,
  intent: 14,
  valueUsd: 180,
  email: 30,
  whatsapp: 30,
  linkedin: 30,
  friction: 90,
} as const satisfies Record<FeatureName, number>;

/** Name of one decayed accumulator. */
export type AccumulatorName = keyof typeof ACCUMULATOR_HALF_LIFE_DAYS;
/** Values of all accumulators, expressed at `FeatureState.lastDecayAt`. */
export type Accumulators = Record<AccumulatorName, number>;

/**
 * Accumulator names in a fixed order.
 *
 * @example
 * ```ts
 * ACCUMULATOR_NAMES[0]; // 'engagementShort'
 * ```
 */
export const ACCUMULATOR_NAMES = Object.keys(ACCUMULATOR_HALF_LIFE_DAYS) as AccumulatorName[];

/**
 * A lead's behavioural state: decayed sums plus two timestamps (epoch ms). JSON-safe, so
 * it can be stored as-is in `lead_features`.
 */
export interface FeatureState {
  /** The instant the accumulators are expressed at: the latest (clamped) event time seen. */
  lastDecayAt: number | null;
  /** Latest time of an engagement event (anything a person did), for recency. */
  lastEngagedAt: number | null;
  /** Number of events applied. */
  eventCount: number;
  acc: Accumulators;
}

/**
 * The state of a lead with no events.
 *
 * @example
 * ```ts
 * emptyFeatureState().acc.intent; // 0
 * ```
 */
export function emptyFeatureState(): FeatureState {
  const acc = {} as Accumulators;
  for (const name of ACCUMULATOR_NAMES) acc[name] = 0;
  return { lastDecayAt: null, lastEngagedAt: null, eventCount: 0, acc };
}

/**
 * Factor by which an accumulator's weight shrinks over `elapsedMs`: `2^(−elapsed / halfLife)`.
 * Negative elapsed times grow the weight, which keeps decay composable.
 *
 * @example
 * ```ts
 * decayFactor('engagementShort', 7 * 86_400_000); // 0.5
 * ```
 */
export function decayFactor(name: AccumulatorName, elapsedMs: number): number {
  return Math.pow(2, -elapsedMs / (ACCUMULATOR_HALF_LIFE_DAYS[name] * DAY_MS));
}

/**
 * Returns the accumulators decayed by `elapsedMs` (a new object).
 *
 * @example
 * ```ts
 * decayAccumulators(state.acc, 86_400_000); // one day later
 * ```
 */
export function decayAccumulators(acc: Accumulators, elapsedMs: number): Accumulators {
  const next = { ...acc };
  if (elapsedMs === 0) return next;
  for (const name of ACCUMULATOR_NAMES) next[name] = acc[name] * decayFactor(name, elapsedMs);
  return next;
}
