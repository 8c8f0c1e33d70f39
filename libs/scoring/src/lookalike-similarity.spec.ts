import { FEATURE_NAMES } from './feature-vector';
import {
  LOOKALIKE_FEATURE_NAMES,
  lookalikeSimilarity,
  lookalikeVector,
  rankLookalikes,
  topLookalikes,
} from './lookalike-similarity';

describe('lookalikeVector', () => {
  it('drops the purchase value and keeps the other features in order', () => {
    const raw = FEATURE_NAMES.map((_, i) => i);
    expect(lookalikeVector(raw)).toEqual(raw.filter((i) => FEATURE_NAMES[i] !== 'value'));
    expect(LOOKALIKE_FEATURE_NAMES).toEqual(FEATURE_NAMES.filter((n) => n !== 'value'));
  });
});

describe('lookalikeSimilarity', () => {
  it('is 1 for a twin of a converted lead and falls with distance as the RBF of bandwidth 2·D', () => {
    expect(lookalikeSimilarity([1, 1], [[1, 1]], { k: 1 })).toBe(1);
    // ‖x − s‖² = 4, D = 2: exp(−4 / 4).
    expect(lookalikeSimilarity([0, 0], [[2, 0]], { k: 1 })).toBeCloseTo(Math.exp(-1), 12);
  });

  it('averages over the k nearest converted leads only, ignoring far ones', () => {
    const converted = [[0], [1], [100]];
    // Nearest two of [0]: distances² 0 and 1; D = 1, bandwidth 2.
    expect(lookalikeSimilarity([0], converted, { k: 2 })).toBeCloseTo((1 + Math.exp(-0.5)) / 2, 12);
  });

  it('uses every converted lead when there are fewer than k, and 0 without any', () => {
    expect(lookalikeSimilarity([0], [[0]], { k: 5 })).toBe(1);
    expect(lookalikeSimilarity([0], [], { k: 5 })).toBe(0);
  });

  it('finds the nearest whatever the order of the converted leads', () => {
    const converted = [[9], [3], [7], [1], [5]];
    const sorted = [[1], [3], [5], [7], [9]];
    expect(lookalikeSimilarity([2], converted, { k: 3 })).toBe(lookalikeSimilarity([2], sorted, { k: 3 }));
  });
});

describe('rankLookalikes', () => {
  it('ranks candidates near either of two customer clusters above one between them (not a centroid distance)', () => {
    const converted = [
      [-5, 0],
      [-5.2, 0.1],
      [5, 0],
      [5.1, -0.1],
    ];
    const candidates = [
      { id: 'between', vector: [0, 0] },
      { id: 'near-left', vector: [-5, 0.2] },
      { id: 'near-right', vector: [4.8, 0] },
      { id: 'far', vector: [0, 20] },
    ];
    const ranked = rankLookalikes(candidates, converted, 4, { k: 2 });
    expect(
      ranked
        .map((r) => r.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(['near-left', 'near-right']);
    expect(ranked.map((r) => r.id).slice(2)).toEqual(['between', 'far']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[2]!.score);
  });

  it('keeps only `size` candidates', () => {
    const candidates = [0, 1, 2, 3].map((x) => ({ id: `c${x}`, vector: [x] }));
    expect(rankLookalikes(candidates, [[0]], 2).map((r) => r.id)).toEqual(['c0', 'c1']);
  });
});

describe('topLookalikes', () => {
  it('breaks ties by id so a rerun gives the same list', () => {
    const scored = [
      { id: 'b', score: 0.5 },
      { id: 'a', score: 0.5 },
      { id: 'c', score: 0.9 },
    ];
    expect(topLookalikes(scored, 3)).toEqual([
      { id: 'c', score: 0.9, rank: 1 },
      { id: 'a', score: 0.5, rank: 2 },
      { id: 'b', score: 0.5, rank: 3 },
    ]);
  });
});
