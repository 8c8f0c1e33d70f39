import { classifyIntent, INTENT_MAX_TEXT_CHARS } from './classify-intent';

// Replies written for this spec, not taken from the corpus: the committed model on text it has not seen.
describe('classifyIntent', () => {
  it.each([
    ['price kya hai?', 'pricing', 'hi-Latn'],
    ['Please send your rate card for 1000 units', 'pricing', 'en'],
    ['kal subah call karna', 'meeting_request', 'hi-Latn'],
    ['STOP', 'unsubscribe', 'en'],
    ['मुझे मैसेज मत भेजो', 'unsubscribe', 'hi'],
    ['I am on leave till 10th January', 'out_of_office', 'en'],
    ['wrong number, I am not Mahesh', 'wrong_person', 'en'],
    ['nahi chahiye bhai', 'not_interested', 'hi-Latn'],
    ['Does it work with Busy accounting software?', 'question', 'en'],
    ['Diwali ke baad baat karenge', 'later', 'hi-Latn'],
  ])('%s → %s (%s)', (text, intent, language) => {
    expect(classifyIntent(text)).toMatchObject({ intent, language });
  });

  it('reads only the first INTENT_MAX_TEXT_CHARS characters', () => {
    const head = 'Please remove me from your mailing list. ';
    const long = head + 'x'.repeat(INTENT_MAX_TEXT_CHARS) + ' price quotation rate cost';
    expect(classifyIntent(long)).toEqual(classifyIntent(long.slice(0, INTENT_MAX_TEXT_CHARS)));
  });

  it('classifies an empty reply without failing', () => {
    const result = classifyIntent('');
    expect(result.language).toBe('en');
    expect(result.confidence).toBeGreaterThan(0);
  });
});
