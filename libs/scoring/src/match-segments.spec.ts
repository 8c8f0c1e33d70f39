import { adjustedRandIndex } from './adjusted-rand-index';
import { createRng } from './create-rng';
import { matchSegments } from './match-segments';
import { gaussianBlobs } from './testing/gaussian-blobs';
import { trainSegments } from './train-segments';

const previous = [
  { id: 'hot', centroid: [2, 2, 0] },
  { id: 'dormant', centroid: [-2, -1, 0] },
  { id: 'whatsapp', centroid: [0, 0, 3] },
];

describe('matchSegments', () => {
  it('keeps ids when centroids are permuted and slightly moved', () => {
    const next = [
      [0.1, -0.1, 2.9],
      [2.05, 1.9, 0.1],
      [-2.1, -1, 0.05],
    ];
    const match = matchSegments({ previous, next, maxDistance: 1 });
    expect(match.kept.map(({ id, index }) => [id, index])).toEqual([
      ['whatsapp', 0],
      ['hot', 1],
      ['dormant', 2],
    ]);
    expect(match.added).toEqual([]);
    expect(match.retired).toEqual([]);
  });

  it('treats a far centroid as new and retires the id it would have taken', () => {
    const next = [
      [2, 2, 0],
      [9, 9, 9],
      [0, 0, 3],
    ];
    const match = matchSegments({ previous, next, maxDistance: 1 });
    expect(match.kept.map((k) => k.id)).toEqual(['hot', 'whatsapp']);
    expect(match.added).toEqual([1]);
    expect(match.retired).toEqual(['dormant']);
  });

  it('handles a model that grew or shrank', () => {
    const grown = matchSegments({
      previous,
      next: [
        [2, 2, 0],
        [-2, -1, 0],
        [0, 0, 3],
        [5, 0, 0],
      ],
      maxDistance: 1,
    });
    expect(grown.added).toEqual([3]);
    const shrunk = matchSegments({ previous, next: [[0, 0, 3]], maxDistance: 1 });
    expect(shrunk.kept).toEqual([{ id: 'whatsapp', index: 0, distance: 0 }]);
    expect(shrunk.retired).toEqual(['hot', 'dormant']);
  });

  it('prefers the globally cheapest pairing over greedy nearest', () => {
    // Greedy would give a→[1] (0.9) and leave b with [0] (2.1); optimal total is 1.1 + 1.1.
    const match = matchSegments({
      previous: [
        { id: 'a', centroid: [0] },
        { id: 'b', centroid: [2] },
      ],
      next: [[-1.1], [0.9]],
      maxDistance: 5,
    });
    expect(match.kept.map(({ id, index }) => [id, index])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });

  it('handles empty sides', () => {
    expect(matchSegments({ previous: [], next: [[1]], maxDistance: 1 })).toEqual({ kept: [], added: [0], retired: [] });
    expect(matchSegments({ previous, next: [], maxDistance: 1 }).retired).toHaveLength(3);
  });

  it('moves < 5% of leads when retraining unchanged data with a warm start', () => {
    const { rows } = gaussianBlobs({
      centers: [
        [0, 0, 0],
        [3, 0, 0],
        [0, 3, 0],
        [0, 0, 3],
        [2, 2, 2],
      ],
      perCluster: 600,
      spread: 1,
      rng: createRng(21),
    });
    const first = trainSegments({ rows, k: 5, seed: 1 });
    const ids = first.centroids.map((centroid, i) => ({ id: `seg-${i}`, centroid }));
    const retrained = trainSegments({ rows, seed: 2, warmStart: [...first.centroids].reverse() });
    const match = matchSegments({ previous: ids, next: retrained.centroids, maxDistance: 0.5 });
    expect(match.kept).toHaveLength(5);
    const idOf = new Map(match.kept.map((k) => [k.index, k.id]));
    const moved = retrained.labels.filter((label, i) => idOf.get(label) !== `seg-${first.labels[i]}`).length;
    expect(moved / rows.length).toBeLessThan(0.05);
    expect(adjustedRandIndex(first.labels, retrained.labels)).toBeGreaterThan(0.9);
  });
});
