import type { BusinessCalendar } from './business-calendar';
import { nextBusinessWindowStart } from './next-business-window-start';

const weekdays9to17 = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  workingHours: weekdays9to17,
  holidays: ['2026-03-09'],
};
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', workingHours: weekdays9to17, holidays: [] };
const kolkata: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:30', end: '18:30' },
  holidays: [],
};

describe('nextBusinessWindowStart', () => {
  it.each([
    ['returns `at` inside a window', newYork, '2026-03-05T15:12:34.567Z', '2026-03-05T15:12:34.567Z'],
    [
      'returns the window start when `at` is exactly on it',
      newYork,
      '2026-03-05T14:00:00.000Z',
      '2026-03-05T14:00:00.000Z',
    ],
    [
      'moves an early-morning `at` to 09:00 the same day',
      newYork,
      '2026-03-05T11:00:00.000Z',
      '2026-03-05T14:00:00.000Z',
    ],
    ['moves a window end to the next morning', newYork, '2026-03-05T22:00:00.000Z', '2026-03-06T14:00:00.000Z'],
    [
      'skips the DST weekend and a Monday holiday to Tuesday 09:00 EDT',
      newYork,
      '2026-03-06T22:30:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ],
    [
      'skips the Berlin spring-forward weekend to Monday 09:00 CEST',
      berlin,
      '2026-03-27T16:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ],
    [
      'skips the Berlin fall-back weekend to Monday 09:00 CET',
      berlin,
      '2026-10-23T16:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ],
    [
      'moves a Kolkata Friday evening to Monday 09:30 IST',
      kolkata,
      '2026-05-01T14:00:00.000Z',
      '2026-05-04T04:00:00.000Z',
    ],
    [
      'moves a Kolkata pre-dawn `at` (previous UTC day) to 09:30 IST',
      kolkata,
      '2026-05-04T19:00:00.000Z',
      '2026-05-05T04:00:00.000Z',
    ],
  ])('%s', (_label, calendar, at, expected) => {
    expect(nextBusinessWindowStart(calendar, new Date(at)).toISOString()).toBe(expected);
  });

  it('skips a run of consecutive holidays', () => {
    const holidays = ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'];
    const calendar: BusinessCalendar = { ...berlin, holidays };
    expect(nextBusinessWindowStart(calendar, new Date('2026-12-23T17:00:00Z')).toISOString()).toBe(
      '2027-01-04T08:00:00.000Z',
    );
  });

  it('starts a window whose start falls in the spring-forward gap an hour later', () => {
    const sundayNights: BusinessCalendar = {
      timeZone: 'America/New_York',
      workingHours: { days: [7], start: '02:30', end: '06:00' },
      holidays: [],
    };
    expect(nextBusinessWindowStart(sundayNights, new Date('2026-03-08T05:00:00Z')).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('throws for a calendar without working days (rejected by the schema)', () => {
    const never: BusinessCalendar = { ...newYork, workingHours: { ...weekdays9to17, days: [] } };
    expect(() => nextBusinessWindowStart(never, new Date('2026-03-05T15:00:00Z'))).toThrow(/no working day/);
  });
});
