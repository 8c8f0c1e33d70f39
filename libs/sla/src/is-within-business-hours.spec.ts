import type { BusinessCalendar } from './business-calendar';
import { isWithinBusinessHours } from './is-within-business-hours';

const weekdays9to17 = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  workingHours: weekdays9to17,
  holidays: ['2026-11-26'],
};
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', workingHours: weekdays9to17, holidays: ['2026-12-25'] };
const kolkata: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingHours: { days: [1, 2, 3, 4, 5, 6], start: '09:30', end: '18:30' },
  holidays: ['2026-08-15'],
};

describe('isWithinBusinessHours', () => {
  it.each([
    ['NY Friday 09:00 EST (start is inclusive)', newYork, '2026-03-06T14:00:00Z', true],
    ['NY Friday 16:59:59 EST', newYork, '2026-03-06T21:59:59Z', true],
    ['NY Friday 17:00 EST (end is exclusive)', newYork, '2026-03-06T22:00:00Z', false],
    ['NY Friday 08:59 EST', newYork, '2026-03-06T13:59:00Z', false],
    ['NY Saturday noon', newYork, '2026-03-07T17:00:00Z', false],
    ['NY Sunday of the DST change', newYork, '2026-03-08T15:00:00Z', false],
    ['NY Monday 09:00 EDT, after spring-forward', newYork, '2026-03-09T13:00:00Z', true],
    ['NY Monday 08:00 EDT (would be 09:00 EST)', newYork, '2026-03-09T12:00:00Z', false],
    ['NY Monday 09:00 EST, after fall-back', newYork, '2026-11-02T14:00:00Z', true],
    ['NY Monday 08:00 EST (would be 09:00 EDT)', newYork, '2026-11-02T13:00:00Z', false],
    ['NY Thanksgiving holiday', newYork, '2026-11-26T16:00:00Z', false],
    ['Berlin Monday 09:00 CEST after spring-forward', berlin, '2026-03-30T07:00:00Z', true],
    ['Berlin Friday 16:30 CET', berlin, '2026-03-27T15:30:00Z', true],
    ['Berlin Christmas', berlin, '2026-12-25T10:00:00Z', false],
    ['Kolkata Saturday 09:30 IST', kolkata, '2026-05-02T04:00:00Z', true],
    ['Kolkata Saturday 09:29 IST', kolkata, '2026-05-02T03:59:00Z', false],
    ['Kolkata 18:29 IST', kolkata, '2026-05-01T12:59:00Z', true],
    ['Kolkata Sunday', kolkata, '2026-05-03T06:00:00Z', false],
    ['Kolkata Independence Day', kolkata, '2026-08-15T06:00:00Z', false],
  ])('%s → %s', (_label, calendar, at, expected) => {
    expect(isWithinBusinessHours(calendar, new Date(at))).toBe(expected);
  });

  it('judges the repeated fall-back hour by instant, not by wall clock', () => {
    const night: BusinessCalendar = {
      timeZone: 'America/New_York',
      workingHours: { days: [7], start: '00:30', end: '01:45' },
      holidays: [],
    };
    expect(isWithinBusinessHours(night, new Date('2026-11-01T05:30:00Z'))).toBe(true); // first 01:30 (EDT)
    expect(isWithinBusinessHours(night, new Date('2026-11-01T06:30:00Z'))).toBe(false); // second 01:30 (EST)
  });
});
