import { detectLanguage } from './detect-language';
import { intentProbabilities, type IntentModel } from './intent-model';
import modelJson from './model/intent-model.json';
import type { ReplyIntent } from './reply-intents';
import type { ReplyLanguage } from './reply-language';

/** The committed model (tools/train-intent.mjs trains it on libs/intent/corpus; a spec checks it is up to date). */
export const INTENT_MODEL: IntentModel = modelJson as unknown as IntentModel;

/**
 * Longest text read: a reply's intent is in its first lines, and the cost of classifying grows with the length.
 * Longer texts are classified on their first 4,000 characters.
 */
export const INTENT_MAX_TEXT_CHARS = 4_000;

export interface IntentClassification {
  intent: ReplyIntent;
  /** The model's probability for `intent`, in [0, 1]. */
  confidence: number;
  language: ReplyLanguage;
}

/**
 * The intent of one inbound reply (strip an email's quoted history first: see stripQuotedReply), with the model's
 * confidence and the reply's language.
 *
 * @example
 * classifyIntent('price kya hai?'); // { intent: 'pricing', confidence: 0.9…, language: 'hi-Latn' }
 */
export function classifyIntent(text: string, model: IntentModel = INTENT_MODEL): IntentClassification {
  const read = text.slice(0, INTENT_MAX_TEXT_CHARS);
  const probabilities = intentProbabilities(model, read);
  let best = 0;
  for (let k = 1; k < probabilities.length; k += 1) if (probabilities[k] > probabilities[best]) best = k;
  return { intent: model.intents[best], confidence: probabilities[best], language: detectLanguage(read) };
}
