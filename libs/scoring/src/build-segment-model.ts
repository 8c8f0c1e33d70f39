import { adjustedRandIndex } from './adjusted-rand-index';
import { assignSegment } from './assign-segment';
import { describeSegment } from './describe-segment';
import { FEATURE_NAMES } from './feature-vector';
import { matchSegments } from './match-segments';
import { fitStandardizer, standardize, type Standardizer } from './standardizer';
import { trainSegments, type TrainedSegments } from './train-segments';

/** The model leads are assigned by now: its standardiser and standardised centroids with segment ids. */
export interface ActiveSegmentModel {
  standardizer: Standardizer;
  centroids: readonly { id: string; centroid: readonly number[] }[];
}

/** Input of {@link buildSegmentModel}. */
export interface BuildSegmentModelInput {
  /** Raw (unstandardised) feature vectors, one per lead. */
  vectors: readonly (readonly number[])[];
  /** Each lead's current segment id (null: none), same order as `vectors`. */
  current: readonly (string | null)[];
  active: ActiveSegmentModel | null;
  /** Fixed k (cold start unless it equals the active model's k). */
  k?: number;
  /** Choose k by silhouette on a sample (always a cold start). */
  kRange?: readonly [number, number];
  seed: number;
  /** Euclidean distance (standardised units) beyond which a new centroid does not inherit a segment's id. */
  maxDistance: number;
  /** Hysteresis margin used to preview the reassignment (see assignSegment). */
  margin: number;
  /** Ids given, in order, to centroids that match no active segment. Must hold at least as many as can be added. */
  freshIds: readonly string[];
  sampleSize?: number;
  /** Called between phases; `fraction` in [0, 1]. */
  onProgress?: (phase: string, fraction: number) => void;
}

/** One segment of a built model. */
export interface BuiltSegment {
  id: string;
  /** `kept` inherits an active segment's id; `added` is new. */
  origin: 'kept' | 'added';
  /** How far the centroid moved from the active segment's (standardised units); null when added. */
  moved: number | null;
  centroid: number[];
  rawCentroid: number[];
  /** Leads the reassignment preview puts here. */
  size: number;
  description: string;
}

/** Output of {@link buildSegmentModel}. */
export interface BuiltSegmentModel {
  standardizer: Standardizer;
  segments: BuiltSegment[];
  /** Active segment ids without a successor. */
  retired: string[];
  /** Segment id per lead under the new model (the preview of what activation does). */
  assignments: (string | null)[];
  metrics: {
    k: number;
    warmStart: boolean;
    iterations: number;
    converged: boolean;
    inertia: number;
    silhouette: number;
    daviesBouldin: number;
    candidates: TrainedSegments['candidates'];
    /** Versus the current assignment, over leads that have one; null for a first model. */
    stability: { keptShare: number; adjustedRand: number; compared: number } | null;
  };
  /** Moved-leads matrix: how many leads go from each current segment (null = none) to each new one. */
  moved: { from: string | null; to: string | null; count: number }[];
}

const unstandardize = (row: readonly number[], s: Standardizer) => row.map((z, j) => z * (s.stds[j] ?? 1) + (s.means[j] ?? 0));

function stabilityOf(current: readonly (string | null)[], next: readonly (string | null)[]): BuiltSegmentModel['metrics']['stability'] {
  const pairs = current.map((c, i) => [c, next[i] ?? null] as const).filter(([c]) => c !== null);
  if (pairs.length === 0) return null;
  const kept = pairs.filter(([c, n]) => c === n).length;
  const label = (x: string | null) => x ?? '(none)';
  return { keptShare: kept / pairs.length, adjustedRand: adjustedRandIndex(pairs.map(([c]) => label(c)), pairs.map(([, n]) => label(n))), compared: pairs.length };
}

function movedMatrix(current: readonly (string | null)[], next: readonly (string | null)[]): BuiltSegmentModel['moved'] {
  const cells = new Map<string, { from: string | null; to: string | null; count: number }>();
  current.forEach((from, i) => {
    const to = next[i] ?? null;
    const key = `${from}\u0000${to}`;
    const cell = cells.get(key) ?? { from, to, count: 0 };
    cell.count += 1;
    cells.set(key, cell);
  });
  return [...cells.values()].sort((a, b) => b.count - a.count);
}

function train(input: BuildSegmentModelInput, rows: number[][], previous: { id: string; centroid: number[] }[]): { model: TrainedSegments; warmStart: boolean } {
  const warmStart = previous.length > 0 && input.kRange === undefined && (input.k === undefined || input.k === previous.length);
  if (warmStart) return { model: trainSegments({ rows, seed: input.seed, warmStart: previous.map((p) => p.centroid), sampleSize: input.sampleSize }), warmStart };
  return { model: trainSegments({ rows, k: input.k, kRange: input.kRange ?? (input.k === undefined ? [3, 8] : undefined), seed: input.seed, sampleSize: input.sampleSize }), warmStart };
}

/**
 * The whole retrain, pure: standardise, k-means (warm-started from the active centroids when k is unchanged),
 * match new centroids to active segments (Hungarian, so ids survive), preview each lead's reassignment with
 * hysteresis, and measure the model (inertia, silhouette, Davies–Bouldin, stability: share of leads keeping their
 * segment and adjusted Rand index versus the current assignment) plus the moved-leads matrix.
 *
 * @example
 * ```ts
 * const built = buildSegmentModel({ vectors, current, active, seed: 7, maxDistance: 1.5, margin: 0.1, freshIds });
 * built.metrics.stability?.keptShare; // e.g. 0.98 on unchanged data
 * ```
 */
export function buildSegmentModel(input: BuildSegmentModelInput): BuiltSegmentModel {
  const progress = input.onProgress ?? (() => undefined);
  progress('standardising', 0.05);
  const standardizer = fitStandardizer(input.vectors);
  const rows = input.vectors.map((v) => standardize(v, standardizer));
  // Active centroids are re-expressed in the new standardised space so both sides are comparable.
  const previous = (input.active?.centroids ?? []).map((c) => ({ id: c.id, centroid: standardize(unstandardize(c.centroid, input.active!.standardizer), standardizer) }));
  progress('training', 0.1);
  const { model, warmStart } = train(input, rows, previous);
  progress('matching', 0.8);
  const match = matchSegments({ previous, next: model.centroids, maxDistance: input.maxDistance });
  const fresh = [...input.freshIds];
  const ids = model.centroids.map((_, index) => match.kept.find((k) => k.index === index)?.id ?? fresh.shift());
  if (ids.some((id) => id === undefined)) throw new RangeError('buildSegmentModel: not enough freshIds');
  const centroids = model.centroids.map((centroid, i) => ({ id: ids[i] as string, centroid }));
  progress('assigning', 0.9);
  const assignments = rows.map((vector, i) => assignSegment({ vector, centroids, currentSegmentId: input.current[i] ?? null, margin: input.margin }).segmentId);
  const sizes = new Map<string, number>();
  for (const id of assignments) if (id !== null) sizes.set(id, (sizes.get(id) ?? 0) + 1);
  const segments = centroids.map(({ id, centroid }): BuiltSegment => {
    const kept = match.kept.find((k) => k.id === id);
    return { id, origin: kept ? 'kept' : 'added', moved: kept?.distance ?? null, centroid, rawCentroid: unstandardize(centroid, standardizer), size: sizes.get(id) ?? 0, description: describeSegment(centroid, FEATURE_NAMES) };
  });
  progress('done', 1);
  return {
    standardizer,
    segments,
    retired: match.retired,
    assignments,
    metrics: { k: model.k, warmStart, iterations: model.iterations, converged: model.converged, ...model.metrics, candidates: model.candidates, stability: input.active ? stabilityOf(input.current, assignments) : null },
    moved: movedMatrix(input.current, assignments),
  };
}
