import fc from 'fast-check';
import { chooseSplitVariant, hashString } from './split-assignment';

const leadIds = Array.from({ length: 10_000 }, (_, i) => `lead-${i}`);

function shares(nodeId: string, weights: number[]): number[] {
  const variants = weights.map((weight, i) => ({ key: `v${i}`, label: `V${i}`, weight }));
  const counts = new Map<string, number>();
  for (const id of leadIds) {
    const key = chooseSplitVariant(id, nodeId, variants) ?? 'none';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return variants.map((v) => ((counts.get(v.key) ?? 0) / leadIds.length) * 100);
}

const weightsArb = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }).map((cuts) => {
  const points = [...new Set(cuts.filter((c) => c < 100))].sort((a, b) => a - b);
  return [...points, 100].map((p, i, all) => p - (i === 0 ? 0 : (all[i - 1] ?? 0)));
});

describe('chooseSplitVariant', () => {
  it('is deterministic per (lead, node) and differs across nodes', () => {
    const variants = [
      { key: 'a', label: 'A', weight: 50 },
      { key: 'b', label: 'B', weight: 50 },
    ];
    expect(chooseSplitVariant('lead-1', 'ab', variants)).toBe(chooseSplitVariant('lead-1', 'ab', variants));
    const perNode = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'].map((n) =>
      chooseSplitVariant('lead-1', n, variants),
    );
    expect(new Set(perNode).size).toBe(2);
  });

  it.each([[[50, 50]], [[90, 10]], [[33, 33, 34]], [[70, 20, 5, 5]], [[1, 99]]])(
    '10,000 leads match weights %j within ±2 points',
    (weights) => {
      shares('split-1', weights).forEach((share, i) =>
        expect(Math.abs(share - (weights[i] ?? 0))).toBeLessThanOrEqual(2),
      );
    },
  );

  it('matches any whole-percent weights within ±2 points (property)', () => {
    fc.assert(
      fc.property(weightsArb, fc.string({ minLength: 1, maxLength: 12 }), (weights, nodeId) => {
        shares(nodeId, weights).forEach((share, i) =>
          expect(Math.abs(share - (weights[i] ?? 0))).toBeLessThanOrEqual(2),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('never picks a zero-weight variant and returns null when all are zero', () => {
    const variants = [
      { key: 'a', label: 'A', weight: 0 },
      { key: 'b', label: 'B', weight: 100 },
    ];
    expect(leadIds.slice(0, 500).every((id) => chooseSplitVariant(id, 'x', variants) === 'b')).toBe(true);
    expect(chooseSplitVariant('l', 'x', [{ key: 'a', label: 'A', weight: 0 }])).toBeNull();
  });

  it('hashString is a stable 32-bit unsigned hash', () => {
    expect(hashString('lead-1:split-1')).toBe(hashString('lead-1:split-1'));
    expect(hashString('')).toBeGreaterThanOrEqual(0);
    expect(hashString('abc')).toBeLessThan(2 ** 32);
  });
});
