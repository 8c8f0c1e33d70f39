import { REPLY_INTENTS, type ReplyIntent } from '../reply-intents';

export interface IntentScores {
  examples: number;
  accuracy: number;
  /** Mean of the per-intent F1 over the intents present in the examples (as truth or as a prediction). */
  macroF1: number;
  perIntent: Record<ReplyIntent, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[truth][predicted] = count, over every intent. */
  confusion: Record<ReplyIntent, Record<ReplyIntent, number>>;
}

/**
 * Accuracy, per-intent precision / recall / F1 and their macro average, and the confusion matrix of predictions
 * against the true intents. An intent that never occurs and is never predicted is left out of the macro average
 * (its F1 is undefined, not 0); one that is predicted but never occurs counts with F1 0.
 */
export function evaluateIntents(pairs: readonly { truth: ReplyIntent; predicted: ReplyIntent }[]): IntentScores {
  const zeros = () => Object.fromEntries(REPLY_INTENTS.map((i) => [i, 0])) as Record<ReplyIntent, number>;
  const confusion = Object.fromEntries(REPLY_INTENTS.map((i) => [i, zeros()])) as IntentScores['confusion'];
  for (const { truth, predicted } of pairs) confusion[truth][predicted] += 1;
  const perIntent = {} as IntentScores['perIntent'];
  const f1s: number[] = [];
  for (const intent of REPLY_INTENTS) {
    const truePositives = confusion[intent][intent];
    const support = REPLY_INTENTS.reduce((sum, p) => sum + confusion[intent][p], 0);
    const predicted = REPLY_INTENTS.reduce((sum, t) => sum + confusion[t][intent], 0);
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perIntent[intent] = { precision, recall, f1, support };
    if (support > 0 || predicted > 0) f1s.push(f1);
  }
  const correct = pairs.filter((p) => p.truth === p.predicted).length;
  return {
    examples: pairs.length,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1: f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perIntent,
    confusion,
  };
}
