/**
 * Whole-message opt-out phrases, normalised (lower case, punctuation and extra spaces removed). English as Meta and
 * carriers use them; Hindi in Devanagari and in the Hinglish spellings Indian leads type ("band karo", "mat bhejo").
 * Only the whole message counts, so "don't stop sending offers" is not an opt-out.
 */
export const OPT_OUT_PHRASES = [
  'stop',
  'stop all',
  'stopall',
  'unsubscribe',
  'opt out',
  'optout',
  'band karo',
  'band kro',
  'band kar do',
  'band kardo',
  'mat bhejo',
  'mat bhejna',
  'message mat bhejo',
  'msg mat bhejo',
  'बंद करो',
  'बंद करें',
  'बंद कर दो',
  'रोकें',
  'रोको',
  'मत भेजो',
  'मत भेजें',
  'संदेश मत भेजो',
] as const;

/** Longest text checked: an opt-out is a short message; a long one quoting "stop" is a conversation. */
export const OPT_OUT_MAX_LENGTH = 40;

/**
 * The text as compared with {@link OPT_OUT_PHRASES}: lower case, Unicode-normalised, punctuation and emoji dropped,
 * whitespace collapsed. Devanagari vowel signs are kept (they are marks, not punctuation).
 *
 * @example
 * normalizeOptOutText('  STOP!! '); // 'stop'
 */
export function normalizeOptOutText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether an inbound message asks to stop messages on the channel it came on.
 *
 * @example
 * isOptOutMessage('Stop'); // true
 * isOptOutMessage('band karo'); // true
 * isOptOutMessage('बंद करो।'); // true
 * isOptOutMessage('Please stop by our stall tomorrow'); // false
 */
export function isOptOutMessage(text: string): boolean {
  if (text.length > OPT_OUT_MAX_LENGTH) return false;
  return (OPT_OUT_PHRASES as readonly string[]).includes(normalizeOptOutText(text));
}
