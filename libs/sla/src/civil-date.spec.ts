import { addCivilDays, formatCivilDate, isoWeekdayOf } from './civil-date';

describe('addCivilDays', () => {
  it.each([
    [{ year: 2026, month: 2, day: 28 }, 1, { year: 2026, month: 3, day: 1 }],
    [{ year: 2028, month: 2, day: 28 }, 1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2026, month: 12, day: 31 }, 1, { year: 2027, month: 1, day: 1 }],
    [{ year: 2026, month: 3, day: 1 }, -1, { year: 2026, month: 2, day: 28 }],
  ])('adds %o + %i days', (date, days, expected) => {
    expect(addCivilDays(date, days)).toEqual(expected);
  });

  it('is unaffected by DST dates', () => {
    expect(addCivilDays({ year: 2026, month: 3, day: 7 }, 2)).toEqual({ year: 2026, month: 3, day: 9 });
  });
});

describe('isoWeekdayOf', () => {
  it.each([
    ['2026-03-08', { year: 2026, month: 3, day: 8 }, 7],
    ['2026-03-09', { year: 2026, month: 3, day: 9 }, 1],
    ['2026-11-07', { year: 2026, month: 11, day: 7 }, 6],
  ])('%s has the expected ISO weekday', (_label, date, expected) => {
    expect(isoWeekdayOf(date)).toBe(expected);
  });
});

describe('formatCivilDate', () => {
  it('zero-pads month and day', () => {
    expect(formatCivilDate({ year: 2026, month: 3, day: 8 })).toBe('2026-03-08');
  });
});
