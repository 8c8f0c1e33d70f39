import { canonicalSpellings } from './hinglish-spellings';
import { normaliseText } from './normalise-text';

// A word is letters with their combining marks (Devanagari matras and viramas are marks), digits and `_` (the
// placeholders); an emoji or a `?` / `!` is a token of its own, because "👍" and "?" say a lot in a short reply.
const TOKEN = /[\p{L}\p{M}\p{N}_]+|\p{Extended_Pictographic}|[?!]/gu;

/**
 * The words of a reply, normalised (see normaliseText) and with Hinglish spelling variants folded to one spelling.
 *
 * @example
 * tokenise('Abhi budget nhi hai 🙏'); // ['abhi', 'budget', 'nahi', 'hai', '🙏']
 */
export function tokenise(text: string): string[] {
  return (normaliseText(text).match(TOKEN) ?? []).flatMap(canonicalSpellings);
}
