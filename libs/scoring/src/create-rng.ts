// Math is hoisted: in sandboxes such as jest's vm context every global lookup is slow, and these loops are hot.
const { imul } = Math;

/** A source of uniform numbers in [0, 1), like `Math.random` but injected. */
export type Rng = () => number;

/**
 * A small, fast, seeded PRNG (mulberry32). The same seed always yields the same sequence,
 * so training and demo data are reproducible; libs never call `Math.random`.
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng(); // 0.6011037519201636, every time
 * ```
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
