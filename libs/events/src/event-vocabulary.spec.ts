import { EVENT_TYPES, EVENT_VOCABULARY } from './event-vocabulary';
import { FEATURE_NAMES } from './feature-names';

describe('EVENT_VOCABULARY', () => {
  it('lists 16 distinct types, in its own key order', () => {
    expect(new Set(EVENT_TYPES).size).toBe(16);
    expect(EVENT_TYPES).toEqual(Object.keys(EVENT_VOCABULARY));
  });

  it('names types in lower snake case (they are stored, compared in SQL and shown as words)', () => {
    for (const type of EVENT_TYPES) expect(type).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('gives every reply a channel, the one dashboards count it under', () => {
    for (const type of EVENT_TYPES) {
      const { outcome, channel } = EVENT_VOCABULARY[type];
      if (outcome === 'reply') expect({ type, channel }).toEqual({ type, channel: expect.any(String) });
    }
  });

  it('carries an opt-out payload exactly on opt-out outcomes (the payload names the channel withdrawn)', () => {
    for (const type of EVENT_TYPES) {
      const { outcome, payload } = EVENT_VOCABULARY[type];
      expect({ type, optOut: payload === 'optOut' }).toEqual({ type, optOut: outcome === 'optOut' });
    }
  });

  it('feeds only known features, with finite non-negative weights', () => {
    for (const type of EVENT_TYPES) {
      for (const [feature, weight] of Object.entries(EVENT_VOCABULARY[type].feeds)) {
        expect(FEATURE_NAMES).toContain(feature);
        expect(Number.isFinite(weight) && weight >= 0).toBe(true);
      }
    }
  });
});
