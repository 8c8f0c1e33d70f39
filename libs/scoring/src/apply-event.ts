import type { EventInput } from './event-input-schema';
import { eventContributions, isEngagement, type FeatureOptions } from './event-contributions';
import { ACCUMULATOR_NAMES, decayAccumulators, decayFactor, type FeatureState } from './feature-state';

/**
 * The time an event counts at: its `occurredAt`, clamped to `now` so a client clock in
 * the future cannot inflate a lead.
 *
 * @example
 * ```ts
 * effectiveEventTime(event, new Date('2025-01-01T00:00:00Z')); // ≤ 1735689600000
 * ```
 */
export function effectiveEventTime(event: EventInput, now: Date): number {
  return Math.min(Date.parse(event.occurredAt), now.getTime());
}

/**
 * Folds one event into a lead's state in O(1) and returns the new state (the input is
 * not mutated). Order-tolerant: a newer event decays the accumulators forward to its time;
 * an event older than `lastDecayAt` is added already decayed by its age, never rewound.
 * So any order of the same events gives the same state as {@link computeFeatureState}.
 * Idempotency (the same `eventId` twice) is the caller's job: ingest stores each event once.
 *
 * @example
 * ```ts
 * let state = emptyFeatureState();
 * for (const event of events) state = applyEvent(state, event, now);
 * featureVector(state, lead, now);
 * ```
 */
export function applyEvent(
  state: FeatureState,
  event: EventInput,
  now: Date,
  options: FeatureOptions = {},
): FeatureState {
  const at = effectiveEventTime(event, now);
  const previous = state.lastDecayAt ?? at;
  const clock = Math.max(previous, at);
  const acc = decayAccumulators(state.acc, clock - previous);
  const contributions = eventContributions(event, options);
  for (const name of ACCUMULATOR_NAMES) {
    const weight = contributions[name];
    if (weight !== undefined) acc[name] += weight * decayFactor(name, clock - at);
  }
  const engaged = isEngagement(contributions);
  return {
    lastDecayAt: clock,
    lastEngagedAt: engaged ? Math.max(state.lastEngagedAt ?? at, at) : state.lastEngagedAt,
    eventCount: state.eventCount + 1,
    acc,
  };
}
