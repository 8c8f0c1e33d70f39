import { extractFeatures } from '../extract-features';
import type { IntentModel } from '../intent-model';
import { REPLY_INTENTS, type ReplyIntent } from '../reply-intents';

export interface LabelledText {
  text: string;
  intent: ReplyIntent;
}

export interface TrainingOptions {
  /** L2 penalty on the weights (not the biases), per example: the objective is mean log-loss + l2/2 · ‖W‖². */
  l2: number;
  /** Accelerated gradient steps over the whole training set. */
  iterations: number;
  /** Features seen in fewer training examples than this are dropped: they would only memorise one example. */
  minDocumentFrequency: number;
}

/** Chosen by 5-fold cross-validation on the training split (tools/train-intent.mjs --cv), never on the eval split. */
export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = { l2: 1e-4, iterations: 300, minDocumentFrequency: 2 };

/** Weights are stored in thousandths (see IntentModel.scale). */
const SCALE = 1000;

interface SparseRow {
  indices: Int32Array;
  values: Float64Array;
  label: number;
}

/**
 * Fits a multinomial logistic regression on the examples by Nesterov-accelerated full-batch gradient descent. The
 * objective is convex and the steps use no randomness, so the same examples and options always give the same model
 * (the committed model's spec relies on it). The step is 1/L with L = ½·max‖x‖² + l2, the gradient's Lipschitz
 * bound for softmax log-loss (‖x‖ ≤ √2: unit-length features plus the bias input).
 */
export function trainIntentModel(
  examples: readonly LabelledText[],
  options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
): IntentModel {
  if (examples.length === 0) throw new Error('examples: at least one labelled text is needed');
  const vectors = examples.map((e) => extractFeatures(e.text));
  const vocabulary = keptFeatures(vectors, options.minDocumentFrequency);
  const column = new Map(vocabulary.map((f, i) => [f, i]));
  const rows: SparseRow[] = vectors.map((vector, i) => {
    const kept = [...vector].filter(([f]) => column.has(f));
    return {
      indices: Int32Array.from(kept, ([f]) => column.get(f)!),
      values: Float64Array.from(kept, ([, v]) => v),
      label: REPLY_INTENTS.indexOf(examples[i].intent),
    };
  });
  const { weights, bias } = fit(rows, vocabulary.length, options);
  const K = REPLY_INTENTS.length;
  const stored: Record<string, number[]> = {};
  vocabulary.forEach((feature, f) => {
    const row = Array.from({ length: K }, (_, k) => Math.round(weights[f * K + k] * SCALE));
    if (row.some((w) => w !== 0)) stored[feature] = row;
  });
  return {
    intents: [...REPLY_INTENTS],
    scale: SCALE,
    bias: Array.from(bias, (b) => Math.round(b * SCALE)),
    weights: stored,
    training: { examples: examples.length, features: Object.keys(stored).length, ...options },
  };
}

/** Features present in at least `minimum` vectors, sorted so that the weight layout does not depend on input order. */
function keptFeatures(vectors: readonly ReadonlyMap<string, number>[], minimum: number): string[] {
  const documents = new Map<string, number>();
  for (const vector of vectors)
    for (const feature of vector.keys()) documents.set(feature, (documents.get(feature) ?? 0) + 1);
  return [...documents]
    .filter(([, count]) => count >= minimum)
    .map(([feature]) => feature)
    .sort();
}

function fit(rows: readonly SparseRow[], features: number, options: TrainingOptions) {
  const K = REPLY_INTENTS.length;
  const size = features * K + K; // weights, feature-major, then one bias per intent
  let current = new Float64Array(size);
  let previous = new Float64Array(size); // its buffer is reused for the next iterate once the look-ahead is taken
  const lookahead = new Float64Array(size);
  const gradient = new Float64Array(size);
  const step = 1 / (0.5 * 2 + options.l2);
  for (let t = 1; t <= options.iterations; t += 1) {
    const momentum = (t - 1) / (t + 2);
    for (let i = 0; i < size; i += 1) lookahead[i] = current[i] + momentum * (current[i] - previous[i]);
    logLossGradient(rows, lookahead, features, options.l2, gradient);
    [previous, current] = [current, previous];
    for (let i = 0; i < size; i += 1) current[i] = lookahead[i] - step * gradient[i];
  }
  return { weights: current.subarray(0, features * K), bias: current.subarray(features * K) };
}

/** Writes into `gradient` the gradient of mean log-loss + l2/2·‖W‖² at `params`. */
function logLossGradient(
  rows: readonly SparseRow[],
  params: Float64Array,
  features: number,
  l2: number,
  gradient: Float64Array,
): void {
  const K = REPLY_INTENTS.length;
  const biasAt = features * K;
  gradient.fill(0);
  const logits = new Float64Array(K);
  const scale = 1 / rows.length;
  for (const { indices, values, label } of rows) {
    for (let k = 0; k < K; k += 1) logits[k] = params[biasAt + k];
    for (let j = 0; j < indices.length; j += 1) {
      const base = indices[j] * K;
      const value = values[j];
      for (let k = 0; k < K; k += 1) logits[k] += value * params[base + k];
    }
    let top = -Infinity;
    for (let k = 0; k < K; k += 1) top = Math.max(top, logits[k]);
    let total = 0;
    for (let k = 0; k < K; k += 1) total += logits[k] = Math.exp(logits[k] - top);
    for (let k = 0; k < K; k += 1) logits[k] = (logits[k] / total - (k === label ? 1 : 0)) * scale; // ∂loss/∂logit
    for (let k = 0; k < K; k += 1) gradient[biasAt + k] += logits[k];
    for (let j = 0; j < indices.length; j += 1) {
      const base = indices[j] * K;
      const value = values[j];
      for (let k = 0; k < K; k += 1) gradient[base + k] += value * logits[k];
    }
  }
  for (let i = 0; i < biasAt; i += 1) gradient[i] += l2 * params[i];
}
