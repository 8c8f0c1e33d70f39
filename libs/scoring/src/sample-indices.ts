import type { Rng } from './create-rng';

/**
 * Picks `size` distinct indices from `0..n-1` uniformly at random (partial Fisher–Yates
 * over a sparse swap map: O(size) time and memory, whatever `n`). Returns all indices in
 * order when `size ≥ n`.
 *
 * @example
 * ```ts
 * sampleIndices(100_000, 2000, createRng(1)).length; // 2000
 * ```
 */
export function sampleIndices(n: number, size: number, rng: Rng): number[] {
  if (size >= n) return Array.from({ length: n }, (_, i) => i);
  const swapped = new Map<number, number>();
  const picked: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const j = i + Math.floor(rng() * (n - i));
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    picked.push(atJ);
  }
  return picked;
}
