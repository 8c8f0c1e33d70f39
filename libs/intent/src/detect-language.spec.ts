import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from './detect-language';
import { CORPUS_FILES, parseCorpus } from './training';

describe('detectLanguage', () => {
  it.each([
    ['कल बात करते हैं', 'hi'],
    ['कीमत क्या है? price list bhi bhejo', 'hi'],
    ['kal call karo', 'hi-Latn'],
    ['abhi budget nahi hai', 'hi-Latn'],
    ['price kya hai?', 'hi-Latn'],
    ['nahi chahiye', 'hi-Latn'],
    ['sir please share quotation', 'en'],
    ['I am out of office till Monday', 'en'],
    ['Send me the main brochure', 'en'],
    ['👍', 'en'],
    ['', 'en'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('tags at least 95% of each corpus language correctly (every split)', () => {
    const dir = join(__dirname, '..', 'corpus');
    const examples = CORPUS_FILES.flatMap((f) => parseCorpus(readFileSync(join(dir, f), 'utf8'), f));
    for (const language of ['en', 'hi-Latn', 'hi'] as const) {
      const ofLanguage = examples.filter((e) => e.language === language);
      const right = ofLanguage.filter((e) => detectLanguage(e.text) === language).length;
      expect(right / ofLanguage.length).toBeGreaterThanOrEqual(0.95);
    }
  });
});
