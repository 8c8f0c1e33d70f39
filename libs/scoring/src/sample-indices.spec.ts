import { createRng } from './create-rng';
import { sampleIndices } from './sample-indices';

describe('sampleIndices', () => {
  it('returns distinct in-range indices', () => {
    const picked = sampleIndices(1_000_000, 5000, createRng(3));
    expect(new Set(picked).size).toBe(5000);
    expect(picked.every((i) => i >= 0 && i < 1_000_000)).toBe(true);
  });

  it('returns everything in order when the sample is larger than n', () => {
    expect(sampleIndices(4, 10, createRng(3))).toEqual([0, 1, 2, 3]);
  });

  it('is roughly uniform', () => {
    const counts = new Array<number>(10).fill(0);
    const rng = createRng(9);
    for (let t = 0; t < 2000; t += 1) for (const i of sampleIndices(10, 3, rng)) counts[i] = (counts[i] ?? 0) + 1;
    for (const count of counts) expect(count).toBeGreaterThan(500);
  });
});
