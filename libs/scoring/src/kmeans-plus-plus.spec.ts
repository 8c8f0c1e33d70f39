import { createRng } from './create-rng';
import { kmeansPlusPlus } from './kmeans-plus-plus';

describe('kmeansPlusPlus', () => {
  it('spreads seeds over well-separated groups', () => {
    const rows = [[0], [0.1], [10], [10.1], [20], [20.1]];
    for (let seed = 0; seed < 20; seed += 1) {
      const groups = kmeansPlusPlus(rows, 3, createRng(seed)).map(([x]) => Math.round((x as number) / 10));
      expect(new Set(groups).size).toBe(3);
    }
  });

  it('stops early when there are fewer distinct points than k', () => {
    expect(kmeansPlusPlus([[1], [1], [1]], 3, createRng(1))).toEqual([[1]]);
  });

  it('is deterministic for a seed', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i % 7, i % 3]);
    expect(kmeansPlusPlus(rows, 4, createRng(5))).toEqual(kmeansPlusPlus(rows, 4, createRng(5)));
  });
});
