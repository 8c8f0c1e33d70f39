import { isCountryCode, isCurrencyCode, isIanaTimeZone } from './validators';

describe('isIanaTimeZone', () => {
  it('accepts canonical zones, aliases and UTC', () => {
    for (const zone of ['Asia/Kolkata', 'Asia/Calcutta', 'Europe/London', 'America/Chicago', 'UTC']) {
      expect(isIanaTimeZone(zone)).toBe(true);
    }
  });

  it('rejects unknown zones and is stable on repeated calls (cache)', () => {
    expect(isIanaTimeZone('India/Pune')).toBe(false);
    expect(isIanaTimeZone('India/Pune')).toBe(false);
    expect(isIanaTimeZone('')).toBe(false);
  });
});

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
