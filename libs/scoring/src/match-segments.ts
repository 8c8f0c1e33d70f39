// munkres ships a CommonJS build for require() (what this CJS lib compiles to, and what jest
// loads), but its only .d.ts lives in a "type": "module" package, so TypeScript (node16) flags
// the import as ESM-from-CJS. The types still apply; the runtime resolution is correct. (ts-ignore, not
// ts-expect-error: the web app type-checks this file with bundler resolution, where there is no error to expect.)
// @ts-ignore TS1479 - see above
import { munkres } from 'munkres';
import { squaredDistance } from './squared-distance';

/** Input of {@link matchSegments}. */
export interface MatchSegmentsInput {
  /** The active model's segments (standardised centroids). */
  previous: readonly { id: string; centroid: readonly number[] }[];
  /** The retrained model's centroids, in the same feature space. */
  next: readonly (readonly number[])[];
  /** A pair farther apart than this (Euclidean) is not the same segment. */
  maxDistance: number;
}

/** Which new centroid inherits which segment id. */
export interface SegmentMatch {
  /** `next[index]` keeps segment `id`; `distance` is how far its centroid moved. */
  kept: { id: string; index: number; distance: number }[];
  /** Indexes into `next` that need a fresh segment id. */
  added: number[];
  /** Previous ids with no successor. */
  retired: string[];
}

/**
 * Gives retrained centroids stable segment ids: the Hungarian algorithm (`munkres`) pairs
 * previous and next centroids with the least total Euclidean distance, then pairs farther
 * than `maxDistance` are split into a retired id and an added centroid. Handles different
 * counts on both sides. Ids are never invented here: the caller names the added segments.
 *
 * @example
 * ```ts
 * matchSegments({
 *   previous: [{ id: 'seg-a', centroid: [0, 0] }, { id: 'seg-b', centroid: [5, 5] }],
 *   next: [[5.1, 5], [20, 20]],
 *   maxDistance: 1,
 * });
 * // { kept: [{ id: 'seg-b', index: 0, distance: 0.1 }], added: [1], retired: ['seg-a'] }
 * ```
 */
export function matchSegments(input: MatchSegmentsInput): SegmentMatch {
  const { previous, next, maxDistance } = input;
  const cost = previous.map((p) => next.map((c) => Math.sqrt(squaredDistance(p.centroid, c))));
  const pairs = previous.length > 0 && next.length > 0 ? munkres(cost) : [];
  const kept: SegmentMatch['kept'] = [];
  const keptIds = new Set<string>();
  const keptIndexes = new Set<number>();
  for (const [row, col] of pairs) {
    const distance = cost[row]?.[col] ?? Infinity;
    const segment = previous[row];
    if (segment === undefined || distance > maxDistance) continue;
    kept.push({ id: segment.id, index: col, distance });
    keptIds.add(segment.id);
    keptIndexes.add(col);
  }
  kept.sort((a, b) => a.index - b.index);
  return {
    kept,
    added: next.map((_, i) => i).filter((i) => !keptIndexes.has(i)),
    retired: previous.map((p) => p.id).filter((id) => !keptIds.has(id)),
  };
}
