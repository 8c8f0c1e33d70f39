import { classifyIntent } from '../classify-intent';
import type { ReplyIntent } from '../reply-intents';
import { evaluateIntents, type IntentScores } from './evaluate-intents';
import { trainIntentModel, type LabelledText, type TrainingOptions } from './train-intent-model';

/**
 * Stratified k-fold cross-validation on training examples: fold i holds every k-th example of each intent (in
 * input order), the model is trained on the rest, and the predictions of all folds are scored together. This is
 * how training options are chosen, so that the held-out eval split is only ever used to report.
 */
export function crossValidate(examples: readonly LabelledText[], options: TrainingOptions, folds = 5): IntentScores {
  if (!Number.isInteger(folds) || folds < 2) throw new Error('folds: must be an integer of at least 2');
  const seen = new Map<ReplyIntent, number>();
  const foldOf = examples.map((e) => {
    const n = seen.get(e.intent) ?? 0;
    seen.set(e.intent, n + 1);
    return n % folds;
  });
  const pairs = Array.from({ length: folds }, (_, fold) => {
    const model = trainIntentModel(
      examples.filter((_, i) => foldOf[i] !== fold),
      options,
    );
    return examples
      .filter((_, i) => foldOf[i] === fold)
      .map((e) => ({ truth: e.intent, predicted: classifyIntent(e.text, model).intent }));
  }).flat();
  return evaluateIntents(pairs);
}
