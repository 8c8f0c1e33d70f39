import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseText } from '../normalise-text';
import { REPLY_INTENTS } from '../reply-intents';
import { CORPUS_FILES, parseCorpus, type CorpusExample } from '.';

const dir = join(__dirname, '..', '..', 'corpus');
const corpus = CORPUS_FILES.flatMap((file) => parseCorpus(readFileSync(join(dir, file), 'utf8'), file));

/** Character trigrams of the normalised text, for a Jaccard similarity between two replies. */
function trigrams(text: string): Set<string> {
  const chars = [...` ${normaliseText(text)} `];
  return new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

describe('parseCorpus', () => {
  it('reads JSON Lines, skipping blank lines', () => {
    const line = '{"text":"price?","intent":"pricing","language":"en","split":"train"}';
    expect(parseCorpus(`${line}\n\n`)).toEqual([{ text: 'price?', intent: 'pricing', language: 'en', split: 'train' }]);
  });

  it.each([
    ['{"text":"x"', 'en.jsonl:1: not a JSON object'],
    ['{"text":"","intent":"pricing","language":"en","split":"train"}', 'en.jsonl:1: text must be a non-empty string'],
    ['{"text":"x","intent":"buy","language":"en","split":"train"}', 'en.jsonl:1: intent buy is not a reply intent'],
    [
      '{"text":"x","intent":"pricing","language":"fr","split":"train"}',
      'en.jsonl:1: language must be one of en, hi-Latn, hi',
    ],
    ['{"text":"x","intent":"pricing","language":"en","split":"test"}', 'en.jsonl:1: split must be train or eval'],
  ])('names the line and the field of a bad example: %s', (line, message) => {
    expect(() => parseCorpus(line, 'en.jsonl')).toThrow(message);
  });
});

describe('the corpus', () => {
  it('holds at least 300 examples per language, each file of one language', () => {
    for (const [i, language] of (['en', 'hi-Latn', 'hi'] as const).entries()) {
      const inFile = parseCorpus(readFileSync(join(dir, CORPUS_FILES[i]), 'utf8'));
      expect(inFile.length).toBeGreaterThanOrEqual(300);
      expect(new Set(inFile.map((e) => e.language))).toEqual(new Set([language]));
    }
  });

  it('holds out at least 20% of each language for evaluation, with every intent in both splits', () => {
    for (const language of ['en', 'hi-Latn', 'hi'] as const) {
      const ofLanguage = corpus.filter((e) => e.language === language);
      const held = ofLanguage.filter((e) => e.split === 'eval');
      expect(held.length / ofLanguage.length).toBeGreaterThanOrEqual(0.2);
      for (const split of ['train', 'eval'])
        expect(new Set(ofLanguage.filter((e) => e.split === split).map((e) => e.intent))).toEqual(
          new Set(REPLY_INTENTS),
        );
    }
  });

  it('has no near-duplicate across the splits (character-trigram Jaccard ≥ 0.7 on the normalised text)', () => {
    const train = corpus.filter((e) => e.split === 'train').map((e) => [e, trigrams(e.text)] as const);
    const close: [CorpusExample, CorpusExample][] = [];
    for (const held of corpus.filter((e) => e.split === 'eval')) {
      const grams = trigrams(held.text);
      for (const [seen, seenGrams] of train) if (jaccard(grams, seenGrams) >= 0.7) close.push([held, seen]);
    }
    expect(close.map(([a, b]) => `${a.text} ~ ${b.text}`)).toEqual([]);
  });
});
