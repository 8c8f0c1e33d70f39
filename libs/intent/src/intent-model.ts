import { extractFeatures } from './extract-features';
import type { ReplyIntent } from './reply-intents';

/**
 * A trained multinomial logistic regression, as tools/train-intent.mjs writes it to model/intent-model.json:
 * one weight per intent for each feature kept (see extractFeatures), and a bias per intent. Weights are stored as
 * integers in units of 1/`scale` to keep the file small and its diffs readable.
 */
export interface IntentModel {
  intents: readonly ReplyIntent[];
  scale: number;
  bias: readonly number[];
  weights: Readonly<Record<string, readonly number[]>>;
  training: { examples: number; features: number; l2: number; iterations: number; minDocumentFrequency: number };
}

/**
 * The model's probability for each of its intents (in `model.intents` order; they sum to 1): the softmax of
 * bias + Σ feature weight × feature value. Features the model never kept contribute nothing.
 */
export function intentProbabilities(model: IntentModel, text: string): number[] {
  const logits = model.bias.map((b) => b / model.scale);
  for (const [feature, value] of extractFeatures(text)) {
    const weights = model.weights[feature];
    if (weights === undefined) continue;
    for (let k = 0; k < logits.length; k += 1) logits[k] += (value * weights[k]) / model.scale;
  }
  return softmax(logits);
}

/** exp(x_k) / Σ exp(x_j), shifted by the largest logit so that no exponent overflows. */
export function softmax(logits: readonly number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((x) => Math.exp(x - top));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}
