import { tokenise } from './tokenise';

/** Character n-grams from 2 to 5 characters, taken inside each word padded with a space at either end. */
const CHAR_GRAM_SIZES = [2, 3, 4, 5] as const;

/** A reply as a sparse vector: feature name → weight; the weights have unit Euclidean length. */
export type FeatureVector = ReadonlyMap<string, number>;

/**
 * The features the model reads off a reply: word unigrams (`w:`), word bigrams (`b:`, with `^`/`$` marking the
 * reply's start and end, so "no" alone differs from "no … later") and character n-grams within words (`c:`, which
 * carry misspellings, inflections and Devanagari matras the word list has never seen). Each count is damped
 * (1 + ln count) and the vector scaled to unit length, so a long email weighs no more than a one-word WhatsApp reply.
 *
 * @example
 * extractFeatures('price?').get('w:price'); // 1/√26 ≈ 0.196: 2 words, 3 bigrams and 21 character n-grams, each once
 */
export function extractFeatures(text: string): FeatureVector {
  const words = tokenise(text);
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const bounded = ['^', ...words, '$'];
  for (let i = 0; i < bounded.length - 1; i += 1) add(`b:${bounded[i]} ${bounded[i + 1]}`);
  for (const word of words) {
    add(`w:${word}`);
    const padded = [...` ${word} `];
    for (const n of CHAR_GRAM_SIZES)
      for (let start = 0; start + n <= padded.length; start += 1) add(`c:${padded.slice(start, start + n).join('')}`);
  }
  const damped = [...counts].map(([feature, count]) => [feature, 1 + Math.log(count)] as const);
  const length = Math.hypot(...damped.map(([, weight]) => weight));
  return new Map(damped.map(([feature, weight]) => [feature, weight / length]));
}
