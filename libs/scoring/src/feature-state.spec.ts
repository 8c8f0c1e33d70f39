import { ACCUMULATOR_NAMES, decayAccumulators, decayFactor, emptyFeatureState } from './feature-state';

const DAY = 86_400_000;

describe('decayFactor', () => {
  it('halves after one half-life and is 1 at zero', () => {
    expect(decayFactor('engagementShort', 7 * DAY)).toBeCloseTo(0.5, 12);
    expect(decayFactor('friction', 0)).toBe(1);
  });

  it('composes: decaying by a then b equals decaying by a + b', () => {
    expect(decayFactor('intent', 3 * DAY) * decayFactor('intent', 5 * DAY)).toBeCloseTo(
      decayFactor('intent', 8 * DAY),
      14,
    );
  });
});

describe('decayAccumulators', () => {
  it('returns a new object and leaves the input alone', () => {
    const state = emptyFeatureState();
    state.acc.intent = 8;
    const next = decayAccumulators(state.acc, 14 * DAY);
    expect(next.intent).toBeCloseTo(4, 12);
    expect(state.acc.intent).toBe(8);
  });
});

describe('emptyFeatureState', () => {
  it('has every accumulator at zero and no clock', () => {
    const state = emptyFeatureState();
    expect(ACCUMULATOR_NAMES.every((name) => state.acc[name] === 0)).toBe(true);
    expect(state.lastDecayAt).toBeNull();
  });
});
