// Math is hoisted: in sandboxes such as jest's vm context every global lookup is slow, and this loop is hot.
const { sqrt } = Math;

/** Each row's current segment, as small integer codes, for the reassignment preview of {@link scanClusters}. */
export interface CurrentSegments {
  /** Per row: the code of its current segment (one code per distinct segment, "none" included). */
  codes: Int32Array;
  /** Per code: the index of that segment's centroid among the new centroids, or −1 (no segment, or retired). */
  centroidOf: Int32Array;
}

/** Input of {@link scanClusters}. */
export interface ScanClustersInput {
  /** Standardised rows. */
  rows: readonly (readonly number[])[];
  centroids: readonly (readonly number[])[];
  /** Also preview each row's reassignment with hysteresis and count the moved-leads matrix. */
  reassign?: { current: CurrentSegments; margin: number };
}

/** What one {@link scanClusters} pass learns about the rows. */
export interface ClusterScan {
  /** Each row's nearest centroid by squared distance, the first on ties: the k-means labels (ml-kmeans' rule). */
  labels: Int32Array;
  /** Rows per label. */
  sizes: number[];
  /** Sum of squared distances of the rows to their label's centroid. */
  inertia: number;
  /** Per label: summed Euclidean distance of its rows to its centroid (Davies–Bouldin's scatter). */
  scatter: number[];
  /** With `reassign`. */
  reassignment?: {
    /** Each row's centroid under the hysteresis rule of assignSegment. */
    assigned: Int32Array;
    /** `moved[code][j]`: rows whose current segment has that code and that go to centroid j. */
    moved: number[][];
  };
}

function nearestBy(distances: Float64Array): number {
  let best = 0;
  for (let j = 1; j < distances.length; j += 1) if ((distances[j] as number) < (distances[best] as number)) best = j;
  return best;
}

/**
 * One pass over the rows for everything a retrain measures on all of them: k-means labels, sizes, inertia, the
 * per-cluster scatter of the Davies–Bouldin index, and — with `reassign` — each row's assignment with hysteresis
 * (exactly assignSegment's rule: stay unless the nearest centroid is closer by more than `margin`) and the
 * current → new contingency table, from which the moved-leads matrix, the share of leads keeping their segment and
 * the adjusted Rand index follow without touching the rows again. O(n·k·d). Throws a RangeError for rows without
 * centroids (a caller bug: k-means gives at least one centroid for any row).
 *
 * @example
 * ```ts
 * const scan = scanClusters({ rows: [[0], [2], [10]], centroids: [[1], [10]] });
 * scan.labels; // Int32Array [0, 0, 1]; scan.inertia === 2; scan.sizes → [2, 1]
 * ```
 */
export function scanClusters(input: ScanClustersInput): ClusterScan {
  const { rows, centroids, reassign } = input;
  const k = centroids.length;
  if (k === 0 && rows.length > 0) throw new RangeError('scanClusters: rows without centroids');
  const width = centroids[0]?.length ?? 0;
  const flat = Float64Array.from(centroids.flat());
  const squared = new Float64Array(k);
  const distances = new Float64Array(k);
  const labels = new Int32Array(rows.length);
  const sizes = new Array<number>(k).fill(0);
  const scatter = new Array<number>(k).fill(0);
  let inertia = 0;
  const assigned = new Int32Array(reassign ? rows.length : 0);
  const moved = Array.from({ length: reassign?.current.centroidOf.length ?? 0 }, () => new Array<number>(k).fill(0));
  const keepFactor = 1 - (reassign?.margin ?? 0);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as readonly number[];
    for (let c = 0; c < k; c += 1) {
      let sum = 0;
      for (let j = 0; j < width; j += 1) {
        const d = (row[j] as number) - (flat[c * width + j] as number);
        sum += d * d;
      }
      squared[c] = sum;
      distances[c] = sqrt(sum);
    }
    const label = nearestBy(squared);
    labels[i] = label;
    sizes[label] = (sizes[label] as number) + 1;
    inertia += squared[label] as number;
    scatter[label] = (scatter[label] as number) + (distances[label] as number);
    if (!reassign) continue;
    // assignSegment compares Euclidean distances: on the rare ties that rounding makes after sqrt, it must agree.
    const code = reassign.current.codes[i] as number;
    const current = reassign.current.centroidOf[code] as number;
    const nearest = nearestBy(distances);
    const to =
      current >= 0 && (distances[nearest] as number) >= (distances[current] as number) * keepFactor ? current : nearest;
    assigned[i] = to;
    const cells = moved[code] as number[];
    cells[to] = (cells[to] as number) + 1;
  }
  return { labels, sizes, inertia, scatter, ...(reassign && { reassignment: { assigned, moved } }) };
}
