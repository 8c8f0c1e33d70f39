/**
 * The scoring features an event can feed: time-decayed accumulators of libs/scoring (which owns their half-lives).
 *
 * @example
 * ```ts
 * FEATURE_NAMES[0]; // 'engagementShort'
 * ```
 */
export const FEATURE_NAMES = [
  'engagementShort',
  'engagementLong',
  'intent',
  'valueUsd',
  'email',
  'whatsapp',
  'linkedin',
  'friction',
] as const;

/** One of {@link FEATURE_NAMES}. */
export type FeatureName = (typeof FEATURE_NAMES)[number];
