import { extractFeatures } from './extract-features';

describe('extractFeatures', () => {
  it('has unit Euclidean length, for a one-word reply as for a long one', () => {
    for (const text of ['ok', 'Please share the quotation for 500 pieces with delivery to Indore', '']) {
      const length = Math.hypot(...extractFeatures(text).values());
      expect(length).toBeCloseTo(1, 12);
    }
  });

  it('takes word unigrams, bigrams bounded by the reply and character n-grams inside words only', () => {
    const features = extractFeatures('kal call');
    expect([...features.keys()].filter((f) => !f.startsWith('c:')).sort()).toEqual(
      ['b:^ kal', 'b:kal call', 'b:call $', 'w:kal', 'w:call'].sort(),
    );
    expect(features.has('c: kal ')).toBe(true);
    expect(features.has('c:l c')).toBe(false); // would straddle two words
    const grams = [...features.keys()].filter((f) => f.startsWith('c:')).map((f) => [...f.slice(2)].length);
    expect(Math.min(...grams)).toBe(2);
    expect(Math.max(...grams)).toBe(5);
  });

  it('counts 2 words, 3 bigrams and 21 character n-grams in "price?"', () => {
    const features = extractFeatures('price?');
    expect(features.size).toBe(26);
    expect(features.get('w:price')).toBeCloseTo(1 / Math.sqrt(26), 12);
  });

  it('weighs a repeated word by 1 + ln(count)', () => {
    const features = extractFeatures('stop stop');
    expect(features.get('w:stop')! / features.get('b:^ stop')!).toBeCloseTo(1 + Math.log(2), 12);
  });

  it('makes the same features of spelling variants', () => {
    expect([...extractFeatures('nhi chaiye').keys()]).toEqual([...extractFeatures('nahin chahiye').keys()]);
  });
});
