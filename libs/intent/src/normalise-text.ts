/**
 * Folds what varies without changing a reply's meaning, before tokenising: Unicode compatibility forms (NFKC, so
 * full-width and ligature forms match), case, links, email addresses and phone numbers (each becomes one placeholder
 * word), digits (all become 0: "till 15th" and "till 12th" are the same clue), letters stretched for emphasis
 * ("pleeease", "nahiii": three or more of a letter become two) and apostrophes ("don't" → "dont"). Devanagari is
 * kept, with the two marks informal typing drops or swaps folded (nukta dropped, chandrabindu written as anusvara).
 *
 * @example
 * normaliseText("Pleeease call me at +91 98765 43210, I'm free till 5pm!!"); // 'pleease call me at _phone_ , im free till 0pm!!'
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, ' _url_ ')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' _email_ ')
    .replace(/\+?\d[\d -]{8,}\d/g, ' _phone_ ')
    .replace(/\d/g, '0')
    .replace(/(\p{L}|\p{M})\1{2,}/gu, '$1$1')
    .replace(/['’`]/g, '')
    .replace(/\u093c/g, '') // nukta: ज़ and ज are typed interchangeably
    .replace(/\u0901/g, '\u0902') // chandrabindu as anusvara: हाँ and हां
    .replace(/\s+/g, ' ')
    .trim();
}
