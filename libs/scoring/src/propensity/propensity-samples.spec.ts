import type { EventInput } from '../event-input-schema';
import { FEATURE_NAMES } from '../feature-vector';
import { labelSegmentEntries, PROPENSITY_FEATURE_NAMES, propensityVector } from './propensity-samples';
import { emptyFeatureState } from '../feature-state';

const DAY = 86_400_000;
const t0 = Date.parse('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(t0 + days * DAY).toISOString();
const event = (type: EventInput['type'], days: number, i: number): EventInput =>
  type === 'purchase'
    ? { eventId: `e${i}`, leadExternalId: 'l', type, occurredAt: at(days), amount: 1000, currency: 'INR' }
    : ({ eventId: `e${i}`, leadExternalId: 'l', type, occurredAt: at(days) } as EventInput);

describe('propensityVector', () => {
  it('appends the four firmographic matches to the feature vector', () => {
    const vector = propensityVector(emptyFeatureState(), { industry: 'saas' }, new Date(t0));
    expect(vector).toHaveLength(PROPENSITY_FEATURE_NAMES.length);
    expect(vector.slice(FEATURE_NAMES.length)).toEqual([1, 0.4, 0.4, 0.4]);
  });
});

describe('labelSegmentEntries', () => {
  const label = { goalEventType: 'purchase' as const, horizonDays: 30 };
  const events = [event('form_submit', 0, 0), event('demo_booked', 2, 1), event('purchase', 20, 2)];
  const entry = (days: number) => ({ segmentId: 's', at: new Date(t0 + days * DAY), lead: {}, events });

  it('labels a goal event inside the horizon as a conversion, and one outside it or before the entry not', () => {
    const samples = labelSegmentEntries([entry(1), entry(-15), entry(25)], label, new Date(t0 + 100 * DAY));
    expect(samples.map((s) => s.label)).toEqual([1, 0, 0]);
  });

  it('reads only the events that had occurred at the entry (no outcome leaks into the features)', () => {
    const [early, late] = labelSegmentEntries([entry(1), entry(25)], label, new Date(t0 + 100 * DAY));
    const value = FEATURE_NAMES.indexOf('value');
    expect(early!.vector[value]).toBe(0);
    expect(late!.vector[value]).toBeGreaterThan(0);
  });

  it('leaves out entries whose horizon has not ended by the end of the data', () => {
    const samples = labelSegmentEntries([entry(1), entry(10)], label, new Date(t0 + 35 * DAY));
    expect(samples.map((s) => s.at)).toEqual([t0 + DAY]);
  });

  it('counts a configurable goal event type', () => {
    const [sample] = labelSegmentEntries(
      [entry(1)],
      { goalEventType: 'demo_booked', horizonDays: 5 },
      new Date(t0 + 99 * DAY),
    );
    expect(sample!.label).toBe(1);
  });
});
