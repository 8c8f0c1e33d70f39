import { squaredDistance } from './squared-distance';

/** Input of {@link assignSegment}. */
export interface AssignSegmentInput {
  /** The lead's standardised feature vector. */
  vector: readonly number[];
  centroids: readonly { id: string; centroid: readonly number[] }[];
  /** The lead's segment now, or null for a new lead. */
  currentSegmentId: string | null;
  /** Relative hysteresis: switch only if another centroid is closer by more than this fraction (e.g. 0.1). */
  margin: number;
}

/** Result of {@link assignSegment}. */
export interface SegmentAssignment {
  /** The segment the lead should be in (null only when there are no centroids). */
  segmentId: string | null;
  /** Euclidean distance to that segment's centroid. */
  distance: number;
  /** Whether `segmentId` differs from `currentSegmentId`. */
  changed: boolean;
  /** The closest segment regardless of hysteresis. */
  nearestId: string | null;
}

/**
 * Nearest-centroid assignment with hysteresis, so a lead on a boundary does not flap
 * between segments (and restart playbooks) on every event: the lead stays in its current
 * segment unless the nearest other centroid is closer by more than `margin`, i.e.
 * `dNearest < dCurrent · (1 − margin)`. A lead without a segment, or whose segment no
 * longer exists, goes to the nearest centroid (ties: first in `centroids`).
 *
 * @example
 * ```ts
 * assignSegment({
 *   vector: [0.52], currentSegmentId: 'a', margin: 0.1,
 *   centroids: [{ id: 'a', centroid: [0] }, { id: 'b', centroid: [1] }],
 * }); // { segmentId: 'a', changed: false, nearestId: 'b', distance: 0.52 }
 * ```
 */
export function assignSegment(input: AssignSegmentInput): SegmentAssignment {
  let nearest: { id: string; distance: number } | null = null;
  let current: { id: string; distance: number } | null = null;
  for (const { id, centroid } of input.centroids) {
    const distance = Math.sqrt(squaredDistance(input.vector, centroid));
    if (nearest === null || distance < nearest.distance) nearest = { id, distance };
    if (id === input.currentSegmentId) current = { id, distance };
  }
  if (nearest === null)
    return { segmentId: null, distance: Infinity, changed: input.currentSegmentId !== null, nearestId: null };
  const keep = current !== null && nearest.distance >= current.distance * (1 - input.margin);
  const chosen = keep && current !== null ? current : nearest;
  return {
    segmentId: chosen.id,
    distance: chosen.distance,
    changed: chosen.id !== input.currentSegmentId,
    nearestId: nearest.id,
  };
}
