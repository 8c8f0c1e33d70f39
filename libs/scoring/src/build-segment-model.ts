import { adjustedRandIndexOfTable } from './adjusted-rand-index';
import { createRng } from './create-rng';
import { describeSegment } from './describe-segment';
import { FEATURE_NAMES } from './feature-vector';
import { matchSegments } from './match-segments';
import { scanClusters, type CurrentSegments } from './scan-clusters';
import { fitStandardizer, standardize, type Standardizer } from './standardizer';
import { fitSegments, measureSegments, type FittedSegments, type TrainSegmentsInput } from './train-segments';

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
    candidates: FittedSegments['candidates'];
    /** Versus the current assignment, over leads that have one; null for a first model. */
    stability: { keptShare: number; adjustedRand: number; compared: number } | null;
  };
  /** Moved-leads matrix: how many leads go from each current segment (null = none) to each new one. */
  moved: { from: string | null; to: string | null; count: number }[];
}

const unstandardize = (row: readonly number[], s: Standardizer) =>
  row.map((z, j) => z * (s.stds[j] ?? 1) + (s.means[j] ?? 0));

// Current segment ids as codes (null included), so the one pass over the rows counts moves in an integer table.
function currentSegmentsOf(
  current: readonly (string | null)[],
  rows: number,
  ids: readonly string[],
): { segments: CurrentSegments; from: (string | null)[] } {
  const codeOf = new Map<string | null, number>();
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const id = current[i] ?? null;
    let code = codeOf.get(id);
    if (code === undefined) codeOf.set(id, (code = codeOf.size));
    codes[i] = code;
  }
  const from = [...codeOf.keys()];
  return { segments: { codes, centroidOf: Int32Array.from(from, (id) => (id === null ? -1 : ids.indexOf(id))) }, from };
}

// Versus the current assignment, over leads that have one: the rows of the moved table whose `from` is a segment.
function stabilityOf(
  moved: readonly (readonly number[])[],
  from: readonly (string | null)[],
  centroidOf: Int32Array,
): BuiltSegmentModel['metrics']['stability'] {
  const compared = moved.filter((_, code) => from[code] !== null);
  const total = compared.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (total === 0) return null;
  const kept = moved.reduce(
    (sum, row, code) => sum + (from[code] !== null ? (row[centroidOf[code] as number] ?? 0) : 0),
    0,
  );
  return { keptShare: kept / total, adjustedRand: adjustedRandIndexOfTable(compared), compared: total };
}

function movedCells(
  moved: readonly (readonly number[])[],
  from: readonly (string | null)[],
  ids: readonly string[],
): BuiltSegmentModel['moved'] {
  const cells = moved.flatMap((row, code) =>
    row.map((count, j) => ({ from: from[code] ?? null, to: ids[j] ?? null, count })),
  );
  return cells.filter((cell) => cell.count > 0).sort((a, b) => b.count - a.count);
}

function fit(
  input: BuildSegmentModelInput,
  rows: number[][],
  previous: { id: string; centroid: number[] }[],
  rng: ReturnType<typeof createRng>,
): { fitted: FittedSegments; warmStart: boolean } {
  const warmStart =
    previous.length > 0 && input.kRange === undefined && (input.k === undefined || input.k === previous.length);
  const common: TrainSegmentsInput = { rows, seed: input.seed, sampleSize: input.sampleSize };
  if (warmStart)
    return { fitted: fitSegments({ ...common, warmStart: previous.map((p) => p.centroid) }, rng), warmStart };
  return {
    fitted: fitSegments(
      { ...common, k: input.k, kRange: input.kRange ?? (input.k === undefined ? [3, 8] : undefined) },
      rng,
    ),
    warmStart,
  };
}

/**
 * The whole retrain, pure: standardise, k-means (warm-started from the active centroids when k is unchanged),
 * match new centroids to active segments (Hungarian, so ids survive), preview each lead's reassignment with
 * hysteresis, and measure the model (inertia, silhouette, Davies–Bouldin, stability: share of leads keeping their
 * segment and adjusted Rand index versus the current assignment) plus the moved-leads matrix. After k-means, one
 * pass over the leads (scanClusters) yields the labels, inertia, scatter, the reassignment preview and the moved
 * table; sizes, stability and the moved matrix are read off that table, and silhouette is computed on a sample.
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
  const previous = (input.active?.centroids ?? []).map((c) => ({
    id: c.id,
    centroid: standardize(unstandardize(c.centroid, input.active!.standardizer), standardizer),
  }));
  progress('training', 0.1);
  // One rng for k-means and the silhouette sample, as trainSegments draws them: the same seed gives the same model.
  const rng = createRng(input.seed);
  const { fitted, warmStart } = fit(input, rows, previous, rng);
  progress('matching', 0.6);
  const match = matchSegments({ previous, next: fitted.centroids, maxDistance: input.maxDistance });
  const fresh = [...input.freshIds];
  const ids = fitted.centroids.map((_, index) => match.kept.find((k) => k.index === index)?.id ?? fresh.shift());
  if (ids.some((id) => id === undefined)) throw new RangeError('buildSegmentModel: not enough freshIds');
  const segmentIds = ids as string[];
  progress('assigning', 0.65);
  const current = currentSegmentsOf(input.current, rows.length, segmentIds);
  const scan = scanClusters({
    rows,
    centroids: fitted.centroids,
    reassign: { current: current.segments, margin: input.margin },
  });
  const { assigned, moved } = scan.reassignment!;
  progress('measuring', 0.8);
  const metrics = measureSegments(rows, scan, fitted.centroids, rng, input.sampleSize);
  const sizes = segmentIds.map((_, j) => moved.reduce((sum, row) => sum + (row[j] ?? 0), 0));
  const segments = fitted.centroids.map((centroid, j): BuiltSegment => {
    const id = segmentIds[j] as string;
    const kept = match.kept.find((k) => k.id === id);
    return {
      id,
      origin: kept ? 'kept' : 'added',
      moved: kept?.distance ?? null,
      centroid,
      rawCentroid: unstandardize(centroid, standardizer),
      size: sizes[j] ?? 0,
      description: describeSegment(centroid, FEATURE_NAMES),
    };
  });
  progress('done', 1);
  return {
    standardizer,
    segments,
    retired: match.retired,
    assignments: Array.from(assigned, (j) => segmentIds[j] ?? null),
    metrics: {
      k: fitted.k,
      warmStart,
      iterations: fitted.iterations,
      converged: fitted.converged,
      ...metrics,
      candidates: fitted.candidates,
      stability: input.active ? stabilityOf(moved, current.from, current.segments.centroidOf) : null,
    },
    moved: movedCells(moved, current.from, segmentIds),
  };
}
