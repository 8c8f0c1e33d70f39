import { FEATURE_NAMES } from './feature-vector';

const at = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);
const [RECENCY, FREQUENCY, INTENT, FIT, VELOCITY, FRICTION] = (
  ['recency', 'frequency', 'intent', 'fit', 'velocity', 'friction'] as const
).map(at);

// Unbounded log features saturate smoothly into [0, 1): 1 − e^(−x/s).
const saturate = (x: number, scale: number) => 1 - Math.exp(-Math.max(0, x) / scale);

/**
 * The lead's "hot" score, 0–100, from its (raw, unstandardised) feature vector: what reps sort by and ops filter on.
 *
 * `100 · (0.35·intent′ + 0.25·fit + 0.15·recency + 0.15·frequency′ + 0.10·max(velocity, 0)) · (1 − 0.5·friction′)`
 * where `x′ = 1 − e^(−x/2)` for intent and frequency and `friction′ = 1 − e^(−friction)`. Intent and fit weigh most
 * because they predict a meeting; friction (bounces, unsubscribes, no-shows) can halve the score but never zero it.
 * Rounded to one decimal.
 *
 * @example
 * leadScore(featureVector(state, lead, now, DEFAULT_ICP)); // e.g. 72.4
 */
export function leadScore(vector: readonly number[]): number {
  const positive =
    0.35 * saturate(vector[INTENT], 2) +
    0.25 * vector[FIT] +
    0.15 * vector[RECENCY] +
    0.15 * saturate(vector[FREQUENCY], 2) +
    0.1 * Math.max(0, vector[VELOCITY]);
  const damping = 1 - 0.5 * saturate(vector[FRICTION], 1);
  return Math.round(1000 * positive * damping) / 10;
}
