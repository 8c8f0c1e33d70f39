import fc from 'fast-check';
import { fitStandardizer, standardize } from './standardizer';

describe('fitStandardizer', () => {
  it('learns means and population standard deviations', () => {
    expect(
      fitStandardizer([
        [1, 10],
        [3, 10],
      ]),
    ).toEqual({ means: [2, 10], stds: [1, 1] });
  });

  it('handles no rows', () => {
    expect(fitStandardizer([])).toEqual({ means: [], stds: [] });
  });

  it('gives standardised columns mean 0 and std 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })),
          { minLength: 2, maxLength: 50 },
        ),
        (rows) => {
          const s = fitStandardizer(rows);
          const z = rows.map((row) => standardize(row, s));
          for (let j = 0; j < 2; j += 1) {
            const mean = z.reduce((sum, row) => sum + (row[j] as number), 0) / z.length;
            expect(Math.abs(mean)).toBeLessThan(1e-6);
          }
        },
      ),
      { seed: 1 },
    );
  });
});

describe('standardize', () => {
  it('z-scores a row', () => {
    expect(standardize([3, 10], { means: [2, 10], stds: [1, 1] })).toEqual([1, 0]);
  });
});
