import { classifyIntent, INTENT_MODEL } from './classify-intent';
import { intentProbabilities, softmax } from './intent-model';
import { REPLY_INTENTS } from './reply-intents';

describe('softmax', () => {
  it('sums to 1, keeps the order of the logits and does not overflow on large ones', () => {
    const p = softmax([1000, 999, -1000]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeGreaterThan(p[1]!);
    expect(p[2]).toBe(0);
    expect(softmax([0, 0])).toEqual([0.5, 0.5]);
  });
});

describe('intentProbabilities', () => {
  it.each(['price kya hai?', 'STOP', 'कल कॉल करो', '', 'zzzz qqqq', 'I am out of office till Monday'])(
    'gives one probability per intent summing to 1 for %j',
    (text) => {
      const p = intentProbabilities(INTENT_MODEL, text);
      expect(p).toHaveLength(REPLY_INTENTS.length);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
    },
  );

  it('uses the bias alone for a text with no known feature', () => {
    const model = { ...INTENT_MODEL, weights: {} };
    expect(intentProbabilities(model, 'anything')).toEqual(
      softmax(INTENT_MODEL.bias.map((b) => b / INTENT_MODEL.scale)),
    );
  });
});

describe('INTENT_MODEL', () => {
  it('lists the intents in REPLY_INTENTS order with one weight per intent for every feature', () => {
    expect(INTENT_MODEL.intents).toEqual(REPLY_INTENTS);
    expect(INTENT_MODEL.bias).toHaveLength(REPLY_INTENTS.length);
    for (const row of Object.values(INTENT_MODEL.weights)) expect(row).toHaveLength(REPLY_INTENTS.length);
  });

  it('gives a confidence in [0, 1] that is the highest probability', () => {
    for (const text of ['ok', 'Remove me from your list', 'kitne ka hai?']) {
      const { confidence, intent } = classifyIntent(text);
      const p = intentProbabilities(INTENT_MODEL, text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      expect(confidence).toBe(Math.max(...p));
      expect(intent).toBe(REPLY_INTENTS[p.indexOf(confidence)]);
    }
  });
});
