import { createRng } from './create-rng';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('differs across seeds and stays in [0, 1)', () => {
    const values = Array.from({ length: 10_000 }, createRng(7));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(createRng(1)()).not.toBe(createRng(2)());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });
});
