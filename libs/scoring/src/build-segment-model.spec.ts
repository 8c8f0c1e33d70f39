import { adjustedRandIndex } from './adjusted-rand-index';
import { assignSegment } from './assign-segment';
import { buildSegmentModel, type BuiltSegmentModel } from './build-segment-model';
import { createRng } from './create-rng';
import { standardize } from './standardizer';
import { gaussianBlobs } from './testing/gaussian-blobs';

const centers = [
  [0, 0, 0],
  [6, 0, 0],
  [0, 6, 0],
  [0, 0, 6],
];
const freshIds = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
const { rows: vectors } = gaussianBlobs({ centers, perCluster: 500, spread: 1, rng: createRng(4) });
const activeOf = (built: BuiltSegmentModel) => ({
  standardizer: built.standardizer,
  centroids: built.segments.map(({ id, centroid }) => ({ id, centroid })),
});

describe('buildSegmentModel', () => {
  const first = buildSegmentModel({
    vectors,
    current: vectors.map(() => null),
    active: null,
    k: 4,
    seed: 1,
    maxDistance: 1.5,
    margin: 0.1,
    freshIds,
  });

  it('builds a first model with fresh ids, sizes, descriptions and no stability', () => {
    expect(first.segments.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(first.segments.every((s) => s.origin === 'added' && s.size > 400)).toBe(true);
    expect(first.metrics.stability).toBeNull();
    expect(first.metrics.silhouette).toBeGreaterThan(0.5);
    expect(first.moved.every((cell) => cell.from === null)).toBe(true);
  });

  it('builds the same model for the same seed (cold k-means++ and k chosen by silhouette)', () => {
    const cold = {
      vectors,
      current: vectors.map(() => null),
      active: null,
      kRange: [3, 6] as const,
      seed: 8,
      maxDistance: 1.5,
      margin: 0.1,
      freshIds,
    };
    expect(buildSegmentModel(cold)).toEqual(buildSegmentModel(cold));
  });

  it('keeps ids and moves < 5% of leads when retrained on unchanged data (warm start)', () => {
    const again = buildSegmentModel({
      vectors,
      current: first.assignments,
      active: activeOf(first),
      seed: 2,
      maxDistance: 1.5,
      margin: 0.1,
      freshIds: ['n1', 'n2'],
    });
    expect(again.metrics.warmStart).toBe(true);
    expect(again.segments.map((s) => s.id).sort()).toEqual(['s1', 's2', 's3', 's4']);
    expect(again.metrics.stability!.keptShare).toBeGreaterThan(0.95);
    expect(again.metrics.stability!.adjustedRand).toBeGreaterThan(0.9);
  });

  it('keeps ids on a cold retrain whose centroids come out permuted and shifted a little', () => {
    const shifted = vectors.map((v) => v.map((x) => x + 0.1));
    const cold = buildSegmentModel({
      vectors: shifted,
      current: first.assignments,
      active: activeOf(first),
      k: 4,
      kRange: [4, 4],
      seed: 77,
      maxDistance: 1.5,
      margin: 0.1,
      freshIds: ['n1'],
    });
    expect(cold.metrics.warmStart).toBe(false);
    expect(cold.segments.map((s) => s.id).sort()).toEqual(['s1', 's2', 's3', 's4']);
    expect(cold.metrics.stability!.keptShare).toBeGreaterThan(0.95);
  });

  it('names a new cluster with a fresh id and retires a vanished one', () => {
    const moved = vectors.map((v, i) => (i % 4 === 3 ? [v[0]! + 12, v[1]!, v[2]!] : v));
    const next = buildSegmentModel({
      vectors: moved,
      current: first.assignments,
      active: activeOf(first),
      k: 4,
      kRange: [4, 4],
      seed: 3,
      maxDistance: 1.5,
      margin: 0.1,
      freshIds: ['n1'],
    });
    expect(next.segments.filter((s) => s.origin === 'added').map((s) => s.id)).toEqual(['n1']);
    expect(next.retired).toHaveLength(1);
    expect(next.moved.find((cell) => cell.from === next.retired[0])?.to).toBe('n1');
  });

  // The model's sizes, stability and moved matrix come from one counted table; here they are recomputed the long way
  // from each lead's assignSegment, on a retrain that moves leads, retires a segment and has leads without one.
  it('reports sizes, stability and moved leads equal to their definitions over the per-lead preview', () => {
    const shifted = vectors.map((v, i) =>
      i % 4 === 3 ? [v[0]! + 12, v[1]!, v[2]!] : v.map((x) => x + 0.3 * Math.sin(i)),
    );
    const current = first.assignments.map((id, i) => (i % 50 === 0 ? null : id));
    const next = buildSegmentModel({
      vectors: shifted,
      current,
      active: activeOf(first),
      k: 4,
      kRange: [4, 4],
      seed: 3,
      maxDistance: 1.5,
      margin: 0.1,
      freshIds: ['n1'],
    });
    const centroids = next.segments.map(({ id, centroid }) => ({ id, centroid }));
    const preview = shifted.map(
      (v, i) =>
        assignSegment({
          vector: standardize(v, next.standardizer),
          centroids,
          currentSegmentId: current[i] ?? null,
          margin: 0.1,
        }).segmentId,
    );
    expect(next.assignments).toEqual(preview);
    expect(next.segments.map((s) => s.size)).toEqual(
      next.segments.map((s) => preview.filter((id) => id === s.id).length),
    );
    const compared = current.map((c, i) => [c, preview[i]] as const).filter(([c]) => c !== null);
    expect(next.metrics.stability).toEqual({
      keptShare: compared.filter(([c, n]) => c === n).length / compared.length,
      adjustedRand: expect.closeTo(
        adjustedRandIndex(
          compared.map(([c]) => c!),
          compared.map(([, n]) => n!),
        ),
        12,
      ),
      compared: compared.length,
    });
    const key = (from: string | null, to: string | null) => `${from}>${to}`;
    const counts = new Map<string, number>();
    current.forEach((c, i) => counts.set(key(c, preview[i]!), (counts.get(key(c, preview[i]!)) ?? 0) + 1));
    expect(new Map(next.moved.map((cell) => [key(cell.from, cell.to), cell.count]))).toEqual(counts);
    expect(next.moved.map((cell) => cell.count)).toEqual([...counts.values()].sort((a, b) => b - a));
  });
});
