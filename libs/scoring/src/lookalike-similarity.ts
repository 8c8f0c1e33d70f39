import { FEATURE_NAMES, type FeatureName } from './feature-vector';

const VALUE_INDEX = FEATURE_NAMES.indexOf('value');

/**
 * The features lookalikes compare on: every scoring feature but `value`, which only a purchase feeds, so in it every
 * non-customer sits at 0 and every customer away from it: it would measure "has bought", not "looks like a buyer".
 *
 * @example
 * ```ts
 * LOOKALIKE_FEATURE_NAMES.includes('value'); // false
 * ```
 */
export const LOOKALIKE_FEATURE_NAMES: readonly FeatureName[] = FEATURE_NAMES.filter((_, i) => i !== VALUE_INDEX);

/**
 * A raw feature vector ({@link FEATURE_NAMES} order) in {@link LOOKALIKE_FEATURE_NAMES} order.
 *
 * @example
 * ```ts
 * lookalikeVector([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // [1, 2, 4, 5, 6, 7, 8, 9, 10]
 * ```
 */
export function lookalikeVector(raw: readonly number[]): number[] {
  return raw.filter((_, i) => i !== VALUE_INDEX);
}

/** How lookalike similarity is computed; see {@link lookalikeSimilarity}. */
export interface LookalikeOptions {
  /** How many nearest converted leads a candidate's score averages over (fewer when there are fewer). */
  k: number;
}

/** The default: five nearest converted leads, so one odd customer cannot make a lookalike alone. */
export const DEFAULT_LOOKALIKE_OPTIONS: LookalikeOptions = { k: 5 };

/**
 * How much a candidate looks like the converted leads, in (0, 1]: the mean RBF kernel
 * `exp(−‖x − s‖² / (2·D))` over its `k` nearest converted leads `s`, all vectors standardised over the same population
 * (D = the vector's length). With that bandwidth two random leads of a standard normal population (expected
 * `‖x − s‖² = 2D`) score e^−1 ≈ 0.37 and a twin 1. Nearest neighbours rather than the distance to a centroid of the
 * customers: customers come in several kinds (several segments buy), and their centroid can sit where none of them is.
 * Cost: O(S·D) per candidate (S converted leads), O(k) memory.
 *
 * @example
 * ```ts
 * lookalikeSimilarity([0, 0], [[0, 0], [10, 10]], { k: 1 }); // 1
 * ```
 */
export function lookalikeSimilarity(
  candidate: readonly number[],
  converted: readonly (readonly number[])[],
  { k }: LookalikeOptions = DEFAULT_LOOKALIKE_OPTIONS,
): number {
  const nearest = nearestSquaredDistances(candidate, converted, Math.max(1, k));
  if (nearest.length === 0) return 0;
  const bandwidth = 2 * Math.max(1, candidate.length);
  let sum = 0;
  for (const d of nearest) sum += Math.exp(-d / bandwidth);
  return sum / nearest.length;
}

// The k smallest squared distances, kept sorted by insertion: k is small (≈5), so this beats a heap.
function nearestSquaredDistances(x: readonly number[], points: readonly (readonly number[])[], k: number): number[] {
  const nearest: number[] = [];
  for (const p of points) {
    let d = 0;
    for (let j = 0; j < x.length; j += 1) {
      const diff = (x[j] as number) - (p[j] as number);
      d += diff * diff;
    }
    if (nearest.length === k && d >= (nearest[k - 1] as number)) continue;
    let i = Math.min(nearest.length, k - 1);
    if (nearest.length < k) nearest.push(d);
    while (i > 0 && (nearest[i - 1] as number) > d) {
      nearest[i] = nearest[i - 1] as number;
      i -= 1;
    }
    nearest[i] = d;
  }
  return nearest;
}

/** A candidate with its standardised lookalike vector. */
export interface LookalikeCandidate {
  id: string;
  vector: readonly number[];
}

/** A ranked lookalike: rank 1 is the most similar. */
export interface RankedLookalike {
  id: string;
  score: number;
  rank: number;
}

/**
 * Scores candidates against the converted leads ({@link lookalikeSimilarity}) and keeps the `size` most similar,
 * ranked from 1 (ties: lower id first, so a rerun on the same data gives the same list). Cost O(C·S·D) for C
 * candidates; the caller may score in chunks and merge with {@link topLookalikes}.
 *
 * @example
 * ```ts
 * rankLookalikes([{ id: 'a', vector: [5] }, { id: 'b', vector: [0] }], [[0]], 1);
 * // [{ id: 'b', score: 1, rank: 1 }]
 * ```
 */
export function rankLookalikes(
  candidates: readonly LookalikeCandidate[],
  converted: readonly (readonly number[])[],
  size: number,
  options: LookalikeOptions = DEFAULT_LOOKALIKE_OPTIONS,
): RankedLookalike[] {
  return topLookalikes(
    candidates.map((c) => ({ id: c.id, score: lookalikeSimilarity(c.vector, converted, options) })),
    size,
  );
}

/**
 * The `size` highest scores, ranked from 1 (ties: lower id first).
 *
 * @example
 * ```ts
 * topLookalikes([{ id: 'a', score: 0.2 }, { id: 'b', score: 0.9 }], 1); // [{ id: 'b', score: 0.9, rank: 1 }]
 * ```
 */
export function topLookalikes(scored: readonly { id: string; score: number }[], size: number): RankedLookalike[] {
  return [...scored]
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, size))
    .map((s, i) => ({ id: s.id, score: s.score, rank: i + 1 }));
}
