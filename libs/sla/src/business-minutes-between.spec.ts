import type { BusinessCalendar } from './business-calendar';
import { businessMinutesBetween } from './business-minutes-between';

const weekdays9to17 = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  workingHours: weekdays9to17,
  holidays: ['2026-11-26'],
};
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', workingHours: weekdays9to17, holidays: [] };
const kolkata: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:30', end: '18:30' },
  holidays: [],
};
const allDayEveryDay = (timeZone: string): BusinessCalendar => ({
  timeZone,
  workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' },
  holidays: [],
});

describe('businessMinutesBetween', () => {
  it.each([
    ['zero for equal instants', newYork, '2026-03-05T15:00:00Z', '2026-03-05T15:00:00Z', 0],
    ['inside one window', newYork, '2026-03-05T15:00:00Z', '2026-03-05T15:45:00Z', 45],
    ['clips both ends to the window', newYork, '2026-03-05T12:00:00Z', '2026-03-05T23:00:00Z', 480],
    ['zero over a weekend', newYork, '2026-03-07T12:00:00Z', '2026-03-08T20:00:00Z', 0],
    ['across the weekend of the spring-forward change', newYork, '2026-03-06T21:00:00Z', '2026-03-09T14:00:00Z', 120],
    ['across the weekend of the fall-back change', newYork, '2026-10-30T20:00:00Z', '2026-11-02T15:00:00Z', 120],
    ['skips Thanksgiving', newYork, '2026-11-25T21:00:00Z', '2026-11-27T15:00:00Z', 120],
    ['a full working week', newYork, '2026-03-02T05:00:00Z', '2026-03-09T04:00:00Z', 5 * 480],
    ['across the Berlin spring-forward weekend', berlin, '2026-03-27T15:00:00Z', '2026-03-30T07:30:00Z', 90],
    ['a Kolkata day at +05:30', kolkata, '2026-05-04T00:00:00Z', '2026-05-04T23:59:00Z', 540],
    ['negative when `to` precedes `from`', newYork, '2026-03-05T15:45:00Z', '2026-03-05T15:00:00Z', -45],
    ['fractional for sub-minute spans', newYork, '2026-03-05T15:00:00Z', '2026-03-05T15:00:30Z', 0.5],
  ])('%s', (_label, calendar, from, to, expected) => {
    expect(businessMinutesBetween(calendar, new Date(from), new Date(to))).toBe(expected);
  });

  it.each([
    [
      '23 hours on the New York spring-forward day',
      'America/New_York',
      '2026-03-08T05:00:00Z',
      '2026-03-09T04:00:00Z',
      23 * 60,
    ],
    [
      '25 hours on the New York fall-back day',
      'America/New_York',
      '2026-11-01T04:00:00Z',
      '2026-11-02T05:00:00Z',
      25 * 60,
    ],
    [
      '23 hours on the Berlin spring-forward day',
      'Europe/Berlin',
      '2026-03-28T23:00:00Z',
      '2026-03-29T22:00:00Z',
      23 * 60,
    ],
    ['25 hours on the Berlin fall-back day', 'Europe/Berlin', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25 * 60],
  ])('counts %s with a 24/7 calendar', (_label, zone, from, to, expected) => {
    expect(businessMinutesBetween(allDayEveryDay(zone), new Date(from), new Date(to))).toBe(expected);
  });
});
