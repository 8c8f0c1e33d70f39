import { kmeans } from 'ml-kmeans';
import { adjustedRandIndex, adjustedRandIndexOfTable } from './adjusted-rand-index';
import { assignSegment } from './assign-segment';
import { clusterSizes } from './cluster-sizes';
import { createRng } from './create-rng';
import { daviesBouldin, daviesBouldinOfScatter } from './davies-bouldin';
import { inertia } from './inertia';
import { scanClusters } from './scan-clusters';
import { gaussianBlobs } from './testing/gaussian-blobs';

// Overlapping blobs, so the hysteresis margin decides many rows; centroids a little off the blob centres.
const { rows } = gaussianBlobs({
  centers: [
    [0, 0, 0],
    [3, 0, 0],
    [0, 3, 0],
    [0, 0, 3],
  ],
  perCluster: 300,
  spread: 1.2,
  rng: createRng(21),
});
const centroids = [
  [0.2, 0, 0],
  [2.8, 0.1, 0],
  [0, 3.1, -0.1],
  [0.1, 0, 2.7],
];
const ids = ['a', 'b', 'c', 'd'];
// Current segments: every id, none, and a retired one ('gone'), spread over the rows.
const pick = createRng(22);
const current = rows.map(() => [null, 'a', 'b', 'c', 'd', 'gone'][Math.floor(pick() * 6)] ?? null);
const from = [null, 'a', 'b', 'c', 'd', 'gone'];
const codes = Int32Array.from(current, (id) => from.indexOf(id));
const centroidOf = Int32Array.from(from, (id) => (id === null ? -1 : ids.indexOf(id)));
const margin = 0.3;

describe('scanClusters', () => {
  const scan = scanClusters({ rows, centroids, reassign: { current: { codes, centroidOf }, margin } });

  it('labels rows as ml-kmeans does (nearest by squared distance, first on ties)', () => {
    const fit = kmeans(rows, 4, { initialization: centroids.map((c) => [...c]), maxIterations: 1 });
    expect(Array.from(scanClusters({ rows, centroids: fit.centroids }).labels)).toEqual(fit.nearest(rows));
    expect(Array.from(scanClusters({ rows: [[0.5], [2]], centroids: [[0], [1], [3]] }).labels)).toEqual([0, 1]);
  });

  it('equals the straightforward inertia, cluster sizes and Davies–Bouldin index', () => {
    expect(scan.inertia).toBe(inertia(rows, scan.labels, centroids));
    expect(scan.sizes).toEqual(clusterSizes(scan.labels, centroids.length));
    expect(daviesBouldinOfScatter({ centroids, scatter: scan.scatter, sizes: scan.sizes })).toBe(
      daviesBouldin(rows, scan.labels, centroids),
    );
  });

  it('previews every row exactly as assignSegment does, hysteresis and retired segments included', () => {
    const segments = centroids.map((centroid, i) => ({ id: ids[i] as string, centroid }));
    const expected = rows.map(
      (vector, i) =>
        assignSegment({ vector, centroids: segments, currentSegmentId: current[i] ?? null, margin }).segmentId,
    );
    expect(Array.from(scan.reassignment!.assigned, (j) => ids[j])).toEqual(expected);
    // The margin really matters on this fixture: some rows stay although another centroid is nearer.
    expect(Array.from(scan.reassignment!.assigned).filter((j, i) => j !== scan.labels[i]).length).toBeGreaterThan(20);
  });

  it('counts the current → new table the moved matrix and the adjusted Rand index are read from', () => {
    const { assigned, moved } = scan.reassignment!;
    const expected = from.map((f) => ids.map((_, j) => current.filter((c, i) => c === f && assigned[i] === j).length));
    expect(moved).toEqual(expected);
    const withSegment = current.map((c, i) => [c, assigned[i]] as const).filter(([c]) => c !== null);
    expect(adjustedRandIndexOfTable(moved.filter((_, code) => from[code] !== null))).toBeCloseTo(
      adjustedRandIndex(
        withSegment.map(([c]) => c as string),
        withSegment.map(([, j]) => j as number),
      ),
      12,
    );
  });

  it('gives nothing for no rows and refuses rows without centroids (a caller bug)', () => {
    expect(scanClusters({ rows: [], centroids: [] })).toEqual({
      labels: new Int32Array(0),
      sizes: [],
      inertia: 0,
      scatter: [],
    });
    expect(() => scanClusters({ rows: [[1]], centroids: [] })).toThrow(RangeError);
  });
});
