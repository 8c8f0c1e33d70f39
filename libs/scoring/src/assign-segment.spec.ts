import { assignSegment } from './assign-segment';

const centroids = [
  { id: 'a', centroid: [0, 0] },
  { id: 'b', centroid: [1, 0] },
];

describe('assignSegment', () => {
  it('puts a new lead in the nearest segment', () => {
    expect(assignSegment({ vector: [0.9, 0], centroids, currentSegmentId: null, margin: 0.1 })).toEqual({
      segmentId: 'b',
      distance: expect.closeTo(0.1, 12),
      changed: true,
      nearestId: 'b',
    });
  });

  it('keeps the current segment when the other one is only slightly closer', () => {
    const result = assignSegment({ vector: [0.52, 0], centroids, currentSegmentId: 'a', margin: 0.1 });
    expect(result).toMatchObject({ segmentId: 'a', changed: false, nearestId: 'b' });
  });

  it('switches when the other centroid is closer by more than the margin', () => {
    const result = assignSegment({ vector: [0.6, 0], centroids, currentSegmentId: 'a', margin: 0.1 });
    expect(result).toMatchObject({ segmentId: 'b', changed: true });
  });

  it('does not flap for a lead jittering around the boundary (but would with margin 0)', () => {
    let segmentId: string | null = 'a';
    let changes = 0;
    for (let step = 0; step < 200; step += 1) {
      const x = 0.5 + 0.02 * Math.sin(step * 1.7);
      const result = assignSegment({ vector: [x, 0.3], centroids, currentSegmentId: segmentId, margin: 0.1 });
      if (result.changed) changes += 1;
      segmentId = result.segmentId;
    }
    expect(changes).toBe(0);
    const flapping = [0, 1, 2, 3].filter((step) => {
      const x = 0.5 + 0.02 * (step % 2 === 0 ? 1 : -1);
      return assignSegment({ vector: [x, 0.3], centroids, currentSegmentId: step % 2 === 0 ? 'a' : 'b', margin: 0 })
        .changed;
    });
    expect(flapping).toHaveLength(4);
  });

  it('reassigns a lead whose segment was retired', () => {
    expect(assignSegment({ vector: [0.1, 0], centroids, currentSegmentId: 'gone', margin: 0.5 })).toMatchObject({
      segmentId: 'a',
      changed: true,
    });
  });

  it('returns no segment without centroids', () => {
    expect(assignSegment({ vector: [0], centroids: [], currentSegmentId: null, margin: 0.1 })).toMatchObject({
      segmentId: null,
      changed: false,
    });
  });

  it('keeps a lead sitting exactly on its centroid even with margin 0', () => {
    expect(assignSegment({ vector: [0, 0], centroids, currentSegmentId: 'a', margin: 0 })).toMatchObject({
      segmentId: 'a',
      changed: false,
    });
  });
});
