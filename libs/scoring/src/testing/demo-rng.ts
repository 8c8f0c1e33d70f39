import type { Rng } from '../create-rng';

/**
 * Helpers over a seeded rng for demo data.
 *
 * @example
 * ```ts
 * const pick = demoPicker(createRng(1));
 * pick.one(['a', 'b']); pick.int(1, 6); pick.chance(0.3);
 * ```
 */
export function demoPicker(rng: Rng) {
  return {
    rng,
    one<T>(items: readonly T[]): T {
      return items[Math.floor(rng() * items.length)] as T;
    },
    /** Integer in [min, max]. */
    int(min: number, max: number): number {
      return min + Math.floor(rng() * (max - min + 1));
    },
    /** Real in [min, max). */
    real(min: number, max: number): number {
      return min + rng() * (max - min);
    },
    chance(p: number): boolean {
      return rng() < p;
    },
  };
}

/** The picker returned by {@link demoPicker}. */
export type DemoPicker = ReturnType<typeof demoPicker>;
