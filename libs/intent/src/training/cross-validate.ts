import { classifyIntent } from '../classify-intent';
import type { ReplyIntent } from '../reply-intents';
import { trainIntentModel, type LabelledText, type TrainingOptions } from './train-intent-model';

/**
 * Stratified k-fold cross-validation on training examples: fold i holds every k-th example of each intent (in
 * input order) and is predicted by a model trained on the other folds. Returns one prediction per example, in input
 * order, to score as a whole or per language (evaluateIntents). This is how training options and features are
 * chosen, so that the held-out eval split is only ever used to report.
 */
export function crossValidatedPredictions(
  examples: readonly LabelledText[],
  options: TrainingOptions,
  folds = 5,
): ReplyIntent[] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error('folds: must be an integer of at least 2');
  const seen = new Map<ReplyIntent, number>();
  const foldOf = examples.map((e) => {
    const n = seen.get(e.intent) ?? 0;
    seen.set(e.intent, n + 1);
    return n % folds;
  });
  const predicted: ReplyIntent[] = new Array(examples.length);
  for (let fold = 0; fold < folds; fold += 1) {
    const model = trainIntentModel(
      examples.filter((_, i) => foldOf[i] !== fold),
      options,
    );
    examples.forEach((e, i) => {
      if (foldOf[i] === fold) predicted[i] = classifyIntent(e.text, model).intent;
    });
  }
  return predicted;
}
