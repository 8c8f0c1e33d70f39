import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_FILES, parseCorpus, serialiseIntentModel, trainIntentModel } from '.';

describe('the committed model (src/model/intent-model.json)', () => {
  it('is exactly what training on the corpus train split gives (run tools/train-intent.mjs after a corpus change)', () => {
    const dir = join(__dirname, '..', '..', 'corpus');
    const train = CORPUS_FILES.flatMap((f) => parseCorpus(readFileSync(join(dir, f), 'utf8'), f)).filter(
      (e) => e.split === 'train',
    );
    const committed = readFileSync(join(__dirname, '..', 'model', 'intent-model.json'), 'utf8');
    expect(serialiseIntentModel(trainIntentModel(train))).toBe(committed);
  });
});
