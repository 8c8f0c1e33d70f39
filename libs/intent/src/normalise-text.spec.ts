import { normaliseText } from './normalise-text';

describe('normaliseText', () => {
  it('lower-cases, folds digits, stretched letters and apostrophes', () => {
    expect(normaliseText("Pleeease CALL me, I'm free till 15th!!")).toBe('pleease call me, im free till 00th!!');
    expect(normaliseText('nahiiiii')).toBe('nahii');
  });

  it('replaces links, email addresses and phone numbers by placeholders', () => {
    expect(normaliseText('See https://x.in/a?b=1 or mail ravi.k@shop.co.in')).toBe('see _url_ or mail _email_');
    expect(normaliseText('call +91 98765 43210 now')).toBe('call _phone_ now');
  });

  it('keeps Devanagari, matras included, and folds compatibility forms', () => {
    expect(normaliseText('कीमत  क्या है?')).toBe('कीमत क्या है?');
    expect(normaliseText('ＰＲＩＣＥ')).toBe('price');
    expect(normaliseText('ज़रूरत नहीं, हाँ')).toBe(normaliseText('जरूरत नहीं, हां'));
  });
});
