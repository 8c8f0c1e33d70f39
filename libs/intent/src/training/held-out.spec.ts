import type { CorpusExample } from './corpus';
import { evaluateIntents } from './evaluate-intents';
import { bootstrapMacroF1, heldOutPairs, type IntentPair } from './held-out';

/** A deterministic uniform source for the specs (a 32-bit LCG). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

describe('heldOutPairs', () => {
  it('pairs only eval examples with the prediction, grouped by language', () => {
    const corpus: CorpusExample[] = [
      { text: 'price?', intent: 'pricing', language: 'en', split: 'eval' },
      { text: 'kitna hai', intent: 'pricing', language: 'hi-Latn', split: 'eval' },
      { text: 'call me', intent: 'meeting_request', language: 'en', split: 'train' },
    ];
    expect(heldOutPairs(corpus, (text) => (text === 'price?' ? 'pricing' : 'question'))).toEqual({
      en: [{ truth: 'pricing', predicted: 'pricing' }],
      'hi-Latn': [{ truth: 'pricing', predicted: 'question' }],
      hi: [],
    });
  });
});

describe('bootstrapMacroF1', () => {
  const mixed: IntentPair[] = [
    ...Array.from({ length: 30 }, (): IntentPair => ({ truth: 'pricing', predicted: 'pricing' })),
    ...Array.from({ length: 10 }, (): IntentPair => ({ truth: 'pricing', predicted: 'question' })),
    ...Array.from({ length: 25 }, (): IntentPair => ({ truth: 'question', predicted: 'question' })),
    ...Array.from({ length: 5 }, (): IntentPair => ({ truth: 'later', predicted: 'later' })),
  ];

  it('draws its resamples from the injected rng', () => {
    // rng() = 0 picks the first pair every time: a resample of one wrong pair scores 0, of one right pair 1.
    const wrongFirst: IntentPair[] = [{ truth: 'later', predicted: 'pricing' }, ...mixed];
    expect(bootstrapMacroF1(wrongFirst, { rng: () => 0, resamples: 10 })).toEqual({ low: 0, high: 0 });
    expect(bootstrapMacroF1(mixed, { rng: () => 0, resamples: 10 })).toEqual({ low: 1, high: 1 });
  });

  it('gives the same interval for the same seed, around the point estimate and inside [0, 1]', () => {
    const interval = bootstrapMacroF1(mixed, { rng: lcg(7) });
    expect(bootstrapMacroF1(mixed, { rng: lcg(7) })).toEqual(interval);
    const point = evaluateIntents(mixed).macroF1;
    expect(interval.low).toBeLessThan(point);
    expect(interval.high).toBeGreaterThan(point);
    expect(interval.low).toBeGreaterThan(0.5);
    expect(interval.high).toBeLessThan(1);
  });

  it('narrows as the level drops', () => {
    const wide = bootstrapMacroF1(mixed, { rng: lcg(3), level: 0.95 });
    const narrow = bootstrapMacroF1(mixed, { rng: lcg(3), level: 0.5 });
    expect(narrow.low).toBeGreaterThan(wide.low);
    expect(narrow.high).toBeLessThan(wide.high);
  });

  it('rejects an empty sample and bad options', () => {
    expect(() => bootstrapMacroF1([], { rng: lcg(1) })).toThrow('pairs');
    expect(() => bootstrapMacroF1(mixed, { rng: lcg(1), resamples: 0 })).toThrow('resamples');
    expect(() => bootstrapMacroF1(mixed, { rng: lcg(1), level: 1 })).toThrow('level');
  });
});
