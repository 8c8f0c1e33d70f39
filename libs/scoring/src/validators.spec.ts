import { isCountryCode, isCurrencyCode } from './validators';

describe('isCountryCode', () => {
  it('accepts assigned upper-case codes only', () => {
    expect(isCountryCode('IN')).toBe(true);
    expect(isCountryCode('GB')).toBe(true);
    expect(isCountryCode('in')).toBe(false);
    expect(isCountryCode('IND')).toBe(false);
    expect(isCountryCode('AA')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
  });
});

describe('isCurrencyCode', () => {
  it('accepts ISO 4217 codes', () => {
    expect(isCurrencyCode('INR')).toBe(true);
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
  });
});
