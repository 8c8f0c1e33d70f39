import type { ReplyIntent } from '../reply-intents';
import { REPLY_LANGUAGES, type ReplyLanguage } from '../reply-language';
import type { CorpusExample } from './corpus';
import { evaluateIntents } from './evaluate-intents';

/** Held-out macro-F1 the committed model must reach per language (issue 19); the bench and a spec both check it. */
export const HELD_OUT_MACRO_F1_TARGETS: Readonly<Record<ReplyLanguage, number>> = {
  en: 0.85,
  'hi-Latn': 0.75,
  hi: 0.75,
};

export type IntentPair = { truth: ReplyIntent; predicted: ReplyIntent };

/** Every eval-split example's true intent and `predict`'s intent for its text, per language, in corpus order. */
export function heldOutPairs(
  corpus: readonly CorpusExample[],
  predict: (text: string) => ReplyIntent,
): Record<ReplyLanguage, IntentPair[]> {
  const pairs = Object.fromEntries(REPLY_LANGUAGES.map((l) => [l, [] as IntentPair[]])) as Record<
    ReplyLanguage,
    IntentPair[]
  >;
  for (const e of corpus)
    if (e.split === 'eval') pairs[e.language].push({ truth: e.intent, predicted: predict(e.text) });
  return pairs;
}

/**
 * Percentile bootstrap interval of macro-F1: `resamples` draws of `pairs.length` pairs with replacement, each scored
 * by evaluateIntents, and the (1 − level)/2 and (1 + level)/2 quantiles of those scores. `rng` is injected (uniform
 * in [0, 1)) so a seeded one gives the same interval every run.
 */
export function bootstrapMacroF1(
  pairs: readonly IntentPair[],
  { rng, resamples = 1000, level = 0.95 }: { rng: () => number; resamples?: number; level?: number },
): { low: number; high: number } {
  if (pairs.length === 0) throw new Error('pairs: nothing to resample');
  if (!Number.isInteger(resamples) || resamples < 1) throw new Error('resamples: must be a positive integer');
  if (!(level > 0 && level < 1)) throw new Error('level: must be in (0, 1)');
  const scores = Array.from(
    { length: resamples },
    () => evaluateIntents(Array.from(pairs, () => pairs[Math.floor(rng() * pairs.length)])).macroF1,
  ).sort((a, b) => a - b);
  const at = (q: number) => scores[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return { low: at((1 - level) / 2), high: at((1 + level) / 2) };
}
