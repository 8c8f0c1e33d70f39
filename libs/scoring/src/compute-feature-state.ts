import type { EventInput } from './event-input-schema';
import { eventContributions, isEngagement, type FeatureOptions } from './event-contributions';
import { effectiveEventTime } from './apply-event';
import { ACCUMULATOR_NAMES, decayFactor, emptyFeatureState, type FeatureState } from './feature-state';

/**
 * Recomputes a lead's state from its whole history: every accumulator is
 * `Σ weight · 2^(−(lastDecayAt − t) / halfLife)` with `lastDecayAt` the latest clamped
 * event time. Use it to rebuild `lead_features` (e.g. after changing weights); the
 * incremental {@link applyEvent} gives the same result in any order.
 *
 * @example
 * ```ts
 * computeFeatureState(events, now).eventCount === events.length; // true
 * ```
 */
export function computeFeatureState(
  events: readonly EventInput[],
  now: Date,
  options: FeatureOptions = {},
): FeatureState {
  const state = emptyFeatureState();
  if (events.length === 0) return state;
  const times = events.map((event) => effectiveEventTime(event, now));
  // reduce, not Math.max(...times): a long history would overflow the argument stack.
  const clock = times.reduce((latest, at) => Math.max(latest, at), -Infinity);
  events.forEach((event, i) => {
    const at = times[i] as number;
    const contributions = eventContributions(event, options);
    for (const name of ACCUMULATOR_NAMES) {
      const weight = contributions[name];
      if (weight !== undefined) state.acc[name] += weight * decayFactor(name, clock - at);
    }
    if (isEngagement(contributions)) state.lastEngagedAt = Math.max(state.lastEngagedAt ?? at, at);
  });
  return { ...state, lastDecayAt: clock, eventCount: events.length };
}
