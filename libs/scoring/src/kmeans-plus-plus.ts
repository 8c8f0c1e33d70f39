import type { Rng } from './create-rng';
import { squaredDistance } from './squared-distance';

// Math is hoisted: in sandboxes such as jest's vm context every global lookup is slow, and these loops are hot.
const { min, floor } = Math;


type Rows = readonly (readonly number[])[];

function pickWeighted(weights: Float64Array, total: number, rng: Rng): number {
  let target = rng() * total;
  for (let i = 0; i < weights.length; i += 1) {
    target -= weights[i] as number;
    if (target < 0) return i;
  }
  // Rounding can leave a sliver of `target`; the last positive weight takes it.
  for (let i = weights.length - 1; i >= 0; i -= 1) if ((weights[i] as number) > 0) return i;
  return 0;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007): the first centre uniformly at random,
 * each next one with probability ∝ D(x)², the squared distance to the nearest centre so far.
 * O(n·k·d) time. Returns fewer than `k` centres when the rows have fewer distinct points.
 *
 * @example
 * ```ts
 * kmeansPlusPlus([[0], [1], [10], [11]], 2, createRng(7)); // e.g. [[10], [1]]
 * ```
 */
export function kmeansPlusPlus(rows: Rows, k: number, rng: Rng): number[][] {
  if (rows.length === 0 || k <= 0) return [];
  const first = rows[floor(rng() * rows.length)] as readonly number[];
  const centres: number[][] = [[...first]];
  const nearest = new Float64Array(rows.length);
  let total = 0;
  rows.forEach((row, i) => {
    nearest[i] = squaredDistance(row, first);
    total += nearest[i] as number;
  });
  while (centres.length < k && total > 0) {
    const chosen = [...(rows[pickWeighted(nearest, total, rng)] as readonly number[])];
    centres.push(chosen);
    total = 0;
    rows.forEach((row, i) => {
      nearest[i] = min(nearest[i] as number, squaredDistance(row, chosen));
      total += nearest[i] as number;
    });
  }
  return centres;
}
