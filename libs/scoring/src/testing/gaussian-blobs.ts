import type { Rng } from '../create-rng';

/**
 * A standard normal draw from a uniform rng (Box–Muller).
 *
 * @example
 * ```ts
 * const z = normal(createRng(1)); // ≈ N(0, 1)
 * ```
 */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * Isotropic Gaussian clusters around `centers`, `perCluster` rows each, for clustering
 * tests. Rows are interleaved (row i belongs to cluster i mod centers.length).
 *
 * @example
 * ```ts
 * const { rows, labels } = gaussianBlobs({ centers: [[0, 0], [5, 5]], perCluster: 100, spread: 0.5, rng: createRng(3) });
 * ```
 */
export function gaussianBlobs(input: {
  centers: readonly (readonly number[])[];
  perCluster: number;
  spread: number;
  rng: Rng;
}): {
  rows: number[][];
  labels: number[];
} {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < input.perCluster * input.centers.length; i += 1) {
    const label = i % input.centers.length;
    const center = input.centers[label] as readonly number[];
    rows.push(center.map((x) => x + input.spread * normal(input.rng)));
    labels.push(label);
  }
  return { rows, labels };
}
