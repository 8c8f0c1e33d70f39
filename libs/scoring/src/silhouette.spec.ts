import { createRng } from './create-rng';
import { silhouette } from './silhouette';
import { gaussianBlobs } from './testing/gaussian-blobs';

describe('silhouette', () => {
  it('is close to 1 for tight, distant clusters', () => {
    expect(silhouette([[0], [1], [10], [11]], [0, 0, 1, 1], { rng: createRng(1) })).toBeCloseTo(
      (1 - 1 / 10 + 1 - 1 / 10 + 1 - 1 / 10 + 1 - 1 / 10) / 4,
      1,
    );
  });

  it('is negative for a deliberately wrong labeling', () => {
    expect(silhouette([[0], [1], [10], [11]], [0, 1, 0, 1], { rng: createRng(1) })).toBeLessThan(0);
  });

  it('is 0 with a single cluster', () => {
    expect(silhouette([[0], [1]], [0, 0], { rng: createRng(1) })).toBe(0);
  });

  it('samples large inputs and agrees with the full value', () => {
    const { rows, labels } = gaussianBlobs({
      centers: [
        [0, 0],
        [4, 0],
      ],
      perCluster: 1500,
      spread: 1,
      rng: createRng(2),
    });
    const full = silhouette(rows, labels, { rng: createRng(3), sampleSize: 3000 });
    const sampled = silhouette(rows, labels, { rng: createRng(3), sampleSize: 500 });
    expect(Math.abs(full - sampled)).toBeLessThan(0.05);
  });
});

// The textbook definition, row by row: a = mean distance to the rest of its cluster, b = lowest mean distance to
// another cluster, s = (b − a) / max(a, b), 0 for a row alone in its cluster.
function silhouetteByDefinition(rows: number[][], labels: number[]): number {
  const distance = (p: number[], q: number[]) => Math.sqrt(p.reduce((sum, x, j) => sum + (x - q[j]!) ** 2, 0));
  const meanTo = (i: number, c: number) => {
    const others = rows.filter((_, o) => o !== i && labels[o] === c);
    return others.length ? others.reduce((sum, row) => sum + distance(rows[i]!, row), 0) / others.length : NaN;
  };
  const clusters = [...new Set(labels)];
  const scores = rows.map((_, i) => {
    const a = meanTo(i, labels[i]!);
    if (Number.isNaN(a)) return 0;
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map((c) => meanTo(i, c)));
    return (b - a) / Math.max(a, b);
  });
  return scores.reduce((x, y) => x + y, 0) / rows.length;
}

describe('silhouette (each pair measured once)', () => {
  it('equals the definition, a cluster of one row included', () => {
    const { rows, labels } = gaussianBlobs({
      centers: [
        [0, 0],
        [2, 0],
        [0, 2],
      ],
      perCluster: 60,
      spread: 1,
      rng: createRng(6),
    });
    const withSingleton = [...rows, [9, 9]];
    const singletonLabels = [...labels, 3];
    expect(silhouette(withSingleton, singletonLabels, { rng: createRng(1) })).toBeCloseTo(
      silhouetteByDefinition(withSingleton, singletonLabels),
      12,
    );
  });
});
