import { computeFeatureState } from './compute-feature-state';
import type { EventInput } from './event-input-schema';

const NOW = new Date('2025-06-01T00:00:00Z');
const DAY = 86_400_000;
const event = (type: EventInput['type'], daysAgo: number): EventInput =>
  ({
    eventId: `${type}-${daysAgo}`,
    leadExternalId: 'l',
    occurredAt: new Date(NOW.getTime() - daysAgo * DAY).toISOString(),
    type,
  }) as EventInput;

describe('computeFeatureState', () => {
  it('returns the empty state for no events', () => {
    expect(computeFeatureState([], NOW).lastDecayAt).toBeNull();
  });

  it('expresses accumulators at the latest event time', () => {
    const state = computeFeatureState([event('email_reply', 10), event('email_reply', 24)], NOW);
    expect(state.lastDecayAt).toBe(NOW.getTime() - 10 * DAY);
    expect(state.acc.intent).toBeCloseTo(4 + 2, 9);
    expect(state.eventCount).toBe(2);
  });

  it('keeps recency on engagement only', () => {
    const state = computeFeatureState([event('email_open', 30), event('email_bounce', 1)], NOW);
    expect(state.lastEngagedAt).toBe(NOW.getTime() - 30 * DAY);
  });

  it('handles 200k events without blowing the stack', () => {
    const events = Array.from({ length: 200_000 }, (_, i) => event('email_open', i % 365));
    expect(computeFeatureState(events, NOW).eventCount).toBe(200_000);
  });
});
