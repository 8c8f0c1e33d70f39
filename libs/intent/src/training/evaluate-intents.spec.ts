import { evaluateIntents } from './evaluate-intents';

describe('evaluateIntents', () => {
  it('computes precision, recall, F1, their macro average and the confusion matrix on known data', () => {
    const scores = evaluateIntents([
      { truth: 'pricing', predicted: 'pricing' },
      { truth: 'pricing', predicted: 'pricing' },
      { truth: 'pricing', predicted: 'question' },
      { truth: 'question', predicted: 'question' },
      { truth: 'later', predicted: 'pricing' },
    ]);
    expect(scores.accuracy).toBeCloseTo(3 / 5, 12);
    // pricing: P 2/3, R 2/3, F1 2/3; question: P 1/2, R 1, F1 2/3; later: P 0 (never predicted), R 0, F1 0.
    expect(scores.perIntent.pricing).toEqual({
      precision: 2 / 3,
      recall: 2 / 3,
      f1: expect.closeTo(2 / 3, 12),
      support: 3,
    });
    expect(scores.perIntent.question.f1).toBeCloseTo(2 / 3, 12);
    expect(scores.perIntent.later).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(scores.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 0) / 3, 12); // absent intents are left out
    expect(scores.confusion.pricing).toMatchObject({ pricing: 2, question: 1, later: 0 });
    expect(scores.confusion.later.pricing).toBe(1);
  });

  it('scores nothing as zero', () => {
    expect(evaluateIntents([])).toMatchObject({ examples: 0, accuracy: 0, macroF1: 0 });
  });
});
