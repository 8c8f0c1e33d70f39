import { base64UrlToHex, decodeBase64Url, encodeBase64Url } from './base64url';

describe('base64url', () => {
  it.each(['', 'a', 'ab', 'abc', 'hé', 'नमस्ते', 'https://x.in/?a=1&b=2'])(
    'matches Node for %j and round-trips',
    (text) => {
      expect(encodeBase64Url(text)).toBe(Buffer.from(text, 'utf8').toString('base64url'));
      expect(decodeBase64Url(encodeBase64Url(text))).toBe(text);
    },
  );

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(decodeBase64Url('a+b/')).toBeNull();
    expect(decodeBase64Url('abcde')).toBeNull();
  });

  it('packs 6 bits a character into hex', () => {
    expect(base64UrlToHex('AP__')).toBe('00ffff');
  });
});
