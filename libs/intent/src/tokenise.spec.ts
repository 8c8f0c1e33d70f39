import { canonicalSpellings } from './hinglish-spellings';
import { tokenise } from './tokenise';

describe('tokenise', () => {
  it('splits words, keeps emojis and ? / ! as tokens and drops other punctuation', () => {
    expect(tokenise('Price, please?? 👍')).toEqual(['price', 'please', '?', '?', '👍']);
  });

  it('folds Hinglish spelling variants to one spelling', () => {
    expect(tokenise('abhi budget nhi hai')).toEqual(tokenise('abhi budget nahin hai'));
    expect(tokenise('kyaa chaiye')).toEqual(['kya', 'chahiye']);
    expect(tokenise('haan ji, kal kro')).toEqual(['haan', 'ji', 'kal', 'karo']);
  });

  it('splits a variant written as one word into its two canonical words', () => {
    expect(canonicalSpellings('bhejdo')).toEqual(['bhej', 'do']);
    expect(tokenise('details bhejdo')).toEqual(['details', 'bhej', 'do']);
  });

  it('leaves English words that look like Hindi variants alone', () => {
    expect(tokenise('send me the bad news')).toEqual(['send', 'me', 'the', 'bad', 'news']);
  });

  it('keeps a Devanagari word whole, with its matras and virama', () => {
    expect(tokenise('क्या कीमत है?')).toEqual(['क्या', 'कीमत', 'है', '?']);
  });

  it('gives no token for an empty or punctuation-only text', () => {
    expect(tokenise('')).toEqual([]);
    expect(tokenise(' ... ')).toEqual([]);
  });
});
