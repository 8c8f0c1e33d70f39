import fc from 'fast-check';
import { applyEvent } from './apply-event';
import { computeFeatureState } from './compute-feature-state';
import { EVENT_TYPES } from '@segflow/events';
import type { EventInput } from './event-input-schema';
import { ACCUMULATOR_NAMES, emptyFeatureState, type FeatureState } from './feature-state';
import { featureVector } from './feature-vector';

const DAY = 86_400_000;
const NOW = new Date('2025-06-01T00:00:00Z');
const lead = { industry: 'saas', headcount: 40 };

function makeEvent(type: EventInput['type'], at: number, i: number): EventInput {
  const base = { eventId: `e${i}`, leadExternalId: 'l', occurredAt: new Date(at).toISOString() };
  if (type === 'page_view') return { ...base, type, url: i % 2 === 0 ? '/pricing' : '/blog' };
  if (type === 'purchase') return { ...base, type, amount: 100 + i, currency: 'USD' };
  if (type === 'unsubscribe') return { ...base, type, channel: 'email' };
  return { ...base, type } as EventInput;
}

const fold = (events: readonly EventInput[]) =>
  events.reduce<FeatureState>((state, event) => applyEvent(state, event, NOW), emptyFeatureState());

function expectClose(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-300);
}

function expectSameState(a: FeatureState, b: FeatureState): void {
  expect(a.lastDecayAt).toBe(b.lastDecayAt);
  expect(a.lastEngagedAt).toBe(b.lastEngagedAt);
  expect(a.eventCount).toBe(b.eventCount);
  for (const name of ACCUMULATOR_NAMES) expectClose(a.acc[name], b.acc[name]);
}

describe('applyEvent', () => {
  it('does not mutate its input', () => {
    const state = emptyFeatureState();
    applyEvent(state, makeEvent('email_reply', NOW.getTime() - DAY, 0), NOW);
    expect(state).toEqual(emptyFeatureState());
  });

  it('decays an old event by its age instead of rewinding the clock', () => {
    const late = applyEvent(emptyFeatureState(), makeEvent('demo_booked', NOW.getTime(), 1), NOW);
    const both = applyEvent(late, makeEvent('demo_booked', NOW.getTime() - 14 * DAY, 2), NOW);
    expect(both.lastDecayAt).toBe(NOW.getTime());
    expect(both.acc.intent).toBeCloseTo(6 + 3, 9);
  });

  it('clamps events from the future to now', () => {
    const state = applyEvent(emptyFeatureState(), makeEvent('email_click', NOW.getTime() + 5 * DAY, 0), NOW);
    expect(state.lastDecayAt).toBe(NOW.getTime());
    expect(state.lastEngagedAt).toBe(NOW.getTime());
  });

  it('matches a from-scratch recompute over a realistic shuffled history', () => {
    const events = Array.from({ length: 500 }, (_, i) =>
      makeEvent(EVENT_TYPES[(i * 7) % EVENT_TYPES.length]!, NOW.getTime() - ((i * 7919) % 200) * DAY - i * 1000, i),
    );
    expectSameState(fold(events), computeFeatureState(events, NOW));
  });

  it('matches a from-scratch recompute for any history in any order (property)', () => {
    const eventArb = fc.record({
      type: fc.constantFrom(...EVENT_TYPES),
      ageMs: fc.integer({ min: -3 * DAY, max: 400 * DAY }),
    });
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 60 }), (specs) => {
        const events = specs.map((spec, i) => makeEvent(spec.type, NOW.getTime() - spec.ageMs, i));
        const incremental = fold(events);
        const scratch = computeFeatureState(events, NOW);
        expectSameState(incremental, scratch);
        const reversed = fold([...events].reverse());
        expectSameState(reversed, scratch);
        featureVector(incremental, lead, NOW).forEach((value, i) =>
          expectClose(value, featureVector(scratch, lead, NOW)[i]!),
        );
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
