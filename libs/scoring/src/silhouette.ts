import type { Rng } from './create-rng';
import { sampleIndices } from './sample-indices';

// Math is hoisted: in sandboxes such as jest's vm context every global lookup is slow, and these loops are hot.
const { sqrt, min, max } = Math;

/** Options of {@link silhouette}. */
export interface SilhouetteOptions {
  /** Score at most this many rows (the cost is quadratic in it). Default 2000. */
  sampleSize?: number;
  /** Picks the sample; required for reproducibility when rows exceed `sampleSize`. */
  rng: Rng;
}

// Flat typed arrays and plain loops: this is the O(s²) hot path.
function flatten(sample: readonly (readonly number[])[], width: number): Float64Array {
  const flat = new Float64Array(sample.length * width);
  sample.forEach((row, i) => flat.set(row, i * width));
  return flat;
}

// sums[i·k + c]: summed distance of sample row i to the sample rows labelled c. Each pair is measured once and
// counted for both of its rows, which halves the quadratic work.
function distanceSums(flat: Float64Array, width: number, labels: Int32Array, k: number): Float64Array {
  const s = labels.length;
  const sums = new Float64Array(s * k);
  for (let i = 0; i < s; i += 1) {
    const li = labels[i] as number;
    for (let o = i + 1; o < s; o += 1) {
      let sq = 0;
      for (let j = 0; j < width; j += 1) {
        const d = (flat[i * width + j] as number) - (flat[o * width + j] as number);
        sq += d * d;
      }
      const distance = sqrt(sq);
      const lo = labels[o] as number;
      sums[i * k + lo] = (sums[i * k + lo] as number) + distance;
      sums[o * k + li] = (sums[o * k + li] as number) + distance;
    }
  }
  return sums;
}

function scoreOne(i: number, sums: Float64Array, labels: Int32Array, counts: Int32Array): number {
  const k = counts.length;
  const own = labels[i] as number;
  if ((counts[own] as number) <= 1) return 0;
  const a = (sums[i * k + own] as number) / ((counts[own] as number) - 1);
  let b = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c += 1) {
    if (c !== own && (counts[c] as number) > 0) b = min(b, (sums[i * k + c] as number) / (counts[c] as number));
  }
  const scale = max(a, b);
  return scale > 0 ? (b - a) / scale : 0;
}

/**
 * Mean silhouette coefficient in [−1, 1] (higher means better-separated clusters),
 * computed exactly on a random sample of rows: O(s²·d) for sample size s, never O(n²).
 * A row alone in its cluster (within the sample) scores 0; fewer than two clusters give 0.
 *
 * @example
 * ```ts
 * silhouette([[0], [1], [10], [11]], [0, 0, 1, 1], { rng: createRng(1) }); // ≈ 0.9
 * ```
 */
export function silhouette(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  options: SilhouetteOptions,
): number {
  const picked = sampleIndices(rows.length, options.sampleSize ?? 2000, options.rng);
  const width = rows[0]?.length ?? 0;
  const sampleLabels = Int32Array.from(picked, (i) => labels[i] as number);
  const k = sampleLabels.reduce((highest, label) => max(highest, label), -1) + 1;
  if (new Set(sampleLabels).size < 2) return 0;
  const counts = new Int32Array(k);
  for (const label of sampleLabels) counts[label] = (counts[label] as number) + 1;
  const sums = distanceSums(
    flatten(
      picked.map((i) => rows[i] as readonly number[]),
      width,
    ),
    width,
    sampleLabels,
    k,
  );
  let total = 0;
  for (let i = 0; i < sampleLabels.length; i += 1) total += scoreOne(i, sums, sampleLabels, counts);
  return total / sampleLabels.length;
}
