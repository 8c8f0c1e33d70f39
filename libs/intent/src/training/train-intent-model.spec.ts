import { classifyIntent } from '../classify-intent';
import { intentProbabilities } from '../intent-model';
import { trainIntentModel, type LabelledText } from './train-intent-model';
import { crossValidatedPredictions } from './cross-validate';

const toy: LabelledText[] = [
  { text: 'price kya hai', intent: 'pricing' },
  { text: 'what is the price', intent: 'pricing' },
  { text: 'price list please', intent: 'pricing' },
  { text: 'stop messages', intent: 'unsubscribe' },
  { text: 'stop sending messages', intent: 'unsubscribe' },
  { text: 'please stop', intent: 'unsubscribe' },
  { text: 'call me tomorrow', intent: 'meeting_request' },
  { text: 'call me at 5', intent: 'meeting_request' },
  { text: 'kal call karo', intent: 'meeting_request' },
];
const options = { l2: 1e-3, iterations: 100, minDocumentFrequency: 2 };

describe('trainIntentModel', () => {
  it('is deterministic: the same examples and options give the same model', () => {
    expect(trainIntentModel(toy, options)).toEqual(trainIntentModel(toy, options));
  });

  it('learns the toy examples and generalises to a variant it has not seen', () => {
    const model = trainIntentModel(toy, options);
    for (const { text, intent } of toy) expect(classifyIntent(text, model).intent).toBe(intent);
    expect(classifyIntent('stop these messages', model).intent).toBe('unsubscribe');
    expect(classifyIntent('price?', model).intent).toBe('pricing');
  });

  it('keeps only features seen in at least minDocumentFrequency examples and records how it was trained', () => {
    const model = trainIntentModel(toy, options);
    expect(model.weights['w:price']).toBeDefined();
    expect(model.weights['w:tomorrow']).toBeUndefined(); // in one example only
    expect(model.training).toEqual({ examples: toy.length, features: Object.keys(model.weights).length, ...options });
  });

  it('lowers the confidence on the training examples as the L2 penalty grows', () => {
    const confidence = (l2: number) => {
      const model = trainIntentModel(toy, { ...options, l2 });
      return Math.max(...intentProbabilities(model, 'price kya hai'));
    };
    expect(confidence(1)).toBeLessThan(confidence(1e-3));
  });

  it('refuses to train on nothing', () => {
    expect(() => trainIntentModel([], options)).toThrow('examples: at least one labelled text is needed');
  });
});

describe('crossValidatedPredictions', () => {
  it('predicts every example once, each with a model that did not see it', () => {
    const predicted = crossValidatedPredictions(toy, options, 3);
    expect(predicted).toHaveLength(toy.length);
    // Held out, "price list please" still shares "price" with the two pricing examples left in training.
    expect(predicted[2]).toBe('pricing');
    expect(() => crossValidatedPredictions(toy, options, 1)).toThrow('folds: must be an integer of at least 2');
  });
});
