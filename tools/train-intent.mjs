// `node tools/train-intent.mjs` (after `npm run build`) trains the reply-intent model on the train split of
// libs/intent/corpus and writes libs/intent/src/model/intent-model.json (a spec fails while that file is stale).
// `--cv [--l2=a,b] [--iterations=n,m] [--confusion]` instead prints 5-fold cross-validated macro-F1 on the train split for each
// combination (and, with --confusion, the training replies it got wrong): that is how DEFAULT_TRAINING_OPTIONS and
// the features were chosen, without looking at the eval split.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const training = require('@segflow/intent/training');

const corpusDir = join(root, 'libs', 'intent', 'corpus');
const examples = training.CORPUS_FILES.flatMap((file) =>
  training.parseCorpus(readFileSync(join(corpusDir, file), 'utf8'), `corpus/${file}`),
);
const train = examples.filter((e) => e.split === 'train');

/** `--name=1,2,3` from the command line as numbers, or `fallback`. */
function numbersOf(name, fallback) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg
    ? arg
        .slice(name.length + 3)
        .split(',')
        .map(Number)
    : fallback;
}

if (process.argv.includes('--cv')) {
  const defaults = training.DEFAULT_TRAINING_OPTIONS;
  for (const l2 of numbersOf('l2', [1e-3, 3e-4, 1e-4, 3e-5]))
    for (const iterations of numbersOf('iterations', [defaults.iterations])) {
      const options = { ...defaults, l2, iterations };
      const predicted = training.crossValidatedPredictions(train, options);
      const f1 = (language) => {
        const pairs = train
          .map((e, i) => ({ truth: e.intent, predicted: predicted[i], language: e.language }))
          .filter((p) => language === undefined || p.language === language);
        return training.evaluateIntents(pairs).macroF1.toFixed(3);
      };
      const perLanguage = ['en', 'hi-Latn', 'hi'].map((l) => `${l} ${f1(l)}`).join(', ');
      process.stdout.write(`l2=${l2} iterations=${iterations}: macro-F1 ${f1()} (${perLanguage})\n`);
      if (process.argv.includes('--confusion'))
        for (const e of train.filter((e, i) => predicted[i] !== e.intent))
          process.stdout.write(`  ${e.language} ${e.intent} → ${predicted[train.indexOf(e)]}: ${e.text}\n`);
    }
} else {
  const model = training.trainIntentModel(train);
  const target = join(root, 'libs', 'intent', 'src', 'model', 'intent-model.json');
  writeFileSync(target, training.serialiseIntentModel(model));
  process.stdout.write(`trained on ${train.length} examples, ${model.training.features} features → ${target}\n`);
}
