import { formatMinutes, toDurationParts, toMinutes } from './duration';

describe('toDurationParts', () => {
  it.each([
    [2880, { value: 2, unit: 'days' }],
    [180, { value: 3, unit: 'hours' }],
    [90, { value: 90, unit: 'minutes' }],
    [0, { value: 0, unit: 'minutes' }],
  ])('%i minutes → %j', (minutes, parts) => expect(toDurationParts(minutes)).toEqual(parts));
});

describe('toMinutes', () => {
  it('converts each unit and rounds', () => {
    expect(toMinutes(2, 'days')).toBe(2880);
    expect(toMinutes(1.5, 'hours')).toBe(90);
    expect(toMinutes(0.26, 'minutes')).toBe(0);
  });

  it('never returns negative minutes', () => expect(toMinutes(-3, 'hours')).toBe(0));

  it('is the inverse of toDurationParts', () => {
    for (const minutes of [1, 59, 60, 1440, 4321, 129600]) {
      const { value, unit } = toDurationParts(minutes);
      expect(toMinutes(value, unit)).toBe(minutes);
    }
  });
});

describe('formatMinutes', () => {
  it('uses singular for one', () => expect(formatMinutes(60)).toBe('1 hour'));
  it('uses plural otherwise', () => expect(formatMinutes(4320)).toBe('3 days'));
});
