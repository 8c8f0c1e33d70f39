import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyIntent } from '../classify-intent';
import { REPLY_LANGUAGES } from '../reply-language';
import { CORPUS_FILES, evaluateIntents, HELD_OUT_MACRO_F1_TARGETS, heldOutPairs, parseCorpus } from '.';

// The bench (bench/intent.bench.mjs) reports the same figures; this keeps a corpus or feature change that drops the
// committed model below a target from passing `npm test` unnoticed.
describe('the committed model on the held-out eval split', () => {
  const dir = join(__dirname, '..', '..', 'corpus');
  const corpus = CORPUS_FILES.flatMap((f) => parseCorpus(readFileSync(join(dir, f), 'utf8'), f));
  const pairs = heldOutPairs(corpus, (text) => classifyIntent(text).intent);

  it.each(REPLY_LANGUAGES)('reaches the macro-F1 target for %s', (language) => {
    expect(pairs[language].length).toBeGreaterThan(0);
    expect(evaluateIntents(pairs[language]).macroF1).toBeGreaterThanOrEqual(HELD_OUT_MACRO_F1_TARGETS[language]);
  });
});
