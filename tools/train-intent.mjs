// `node tools/train-intent.mjs` (after `npm run build`) trains the reply-intent model on the train split of
// libs/intent/corpus and writes libs/intent/src/model/intent-model.json (a spec fails while that file is stale).
// `--cv [--l2=a,b] [--iterations=n,m]` instead prints 5-fold cross-validated macro-F1 on the train split for each
// combination: that is how DEFAULT_TRAINING_OPTIONS was chosen, without looking at the eval split.
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
      const scores = training.crossValidate(train, options);
      process.stdout.write(
        `l2=${l2} iterations=${iterations}: macro-F1 ${scores.macroF1.toFixed(3)}, accuracy ${scores.accuracy.toFixed(3)}\n`,
      );
    }
} else {
  const model = training.trainIntentModel(train);
  const target = join(root, 'libs', 'intent', 'src', 'model', 'intent-model.json');
  writeFileSync(target, training.serialiseIntentModel(model));
  process.stdout.write(`trained on ${train.length} examples, ${model.training.features} features → ${target}\n`);
}
