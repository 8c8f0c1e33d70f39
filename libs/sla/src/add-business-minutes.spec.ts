import fc from 'fast-check';
import { addBusinessMinutes } from './add-business-minutes';
import type { BusinessCalendar } from './business-calendar';
import { businessMinutesBetween } from './business-minutes-between';

const weekdays9to17 = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  workingHours: weekdays9to17,
  holidays: ['2026-11-26'],
};
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', workingHours: weekdays9to17, holidays: ['2026-12-25'] };
const kolkata: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:30', end: '18:30' },
  holidays: [],
};

describe('addBusinessMinutes', () => {
  it.each([
    ['stays within the same window', newYork, '2026-03-05T15:00:00.000Z', 30, '2026-03-05T15:30:00.000Z'],
    [
      'lands on the window end when the minutes fit exactly',
      newYork,
      '2026-03-05T21:00:00.000Z',
      60,
      '2026-03-05T22:00:00.000Z',
    ],
    ['carries the rest to the next morning', newYork, '2026-03-05T21:00:00.000Z', 61, '2026-03-06T14:01:00.000Z'],
    [
      'skips the weekend and the spring-forward jump',
      newYork,
      '2026-03-06T21:00:00.000Z',
      120,
      '2026-03-09T14:00:00.000Z',
    ],
    ['skips the weekend and the fall-back hour', newYork, '2026-10-30T20:00:00.000Z', 120, '2026-11-02T15:00:00.000Z'],
    ['skips a holiday (Thanksgiving)', newYork, '2026-11-25T21:00:00.000Z', 120, '2026-11-27T15:00:00.000Z'],
    ['counts whole days of eight hours', newYork, '2026-03-02T14:00:00.000Z', 3 * 480, '2026-03-04T22:00:00.000Z'],
    [
      'starts counting at the next window when `at` is outside',
      newYork,
      '2026-03-07T12:00:00.000Z',
      15,
      '2026-03-09T13:15:00.000Z',
    ],
    [
      'returns the next window start for zero minutes',
      newYork,
      '2026-03-07T12:00:00.000Z',
      0,
      '2026-03-09T13:00:00.000Z',
    ],
    [
      'returns `at` for zero minutes inside a window',
      newYork,
      '2026-03-05T15:00:00.000Z',
      0,
      '2026-03-05T15:00:00.000Z',
    ],
    ['accepts fractional minutes', newYork, '2026-03-05T15:00:00.000Z', 0.5, '2026-03-05T15:00:30.000Z'],
    ['crosses the Berlin spring-forward weekend', berlin, '2026-03-27T15:00:00.000Z', 90, '2026-03-30T07:30:00.000Z'],
    ['crosses Christmas and a weekend in Berlin', berlin, '2026-12-24T15:30:00.000Z', 60, '2026-12-28T08:30:00.000Z'],
    ['uses the +05:30 Kolkata offset', kolkata, '2026-05-01T12:00:00.000Z', 120, '2026-05-04T05:00:00.000Z'],
  ])('%s', (_label, calendar, at, minutes, expected) => {
    expect(addBusinessMinutes(calendar, new Date(at), minutes).toISOString()).toBe(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws RangeError for %p minutes', (minutes) => {
    expect(() => addBusinessMinutes(newYork, new Date('2026-03-05T15:00:00Z'), minutes)).toThrow(RangeError);
  });

  it('is inverted by businessMinutesBetween', () => {
    const calendars = [newYork, berlin, kolkata];
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 1, max: 10 * 480 }),
        (calendar, epochMs, minutes) => {
          const due = addBusinessMinutes(calendar, new Date(epochMs), minutes);
          expect(businessMinutesBetween(calendar, new Date(epochMs), due)).toBeCloseTo(minutes, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
