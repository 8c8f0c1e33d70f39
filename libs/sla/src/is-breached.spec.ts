import type { BusinessCalendar } from './business-calendar';
import { isBreached } from './is-breached';
import type { SlaPolicy } from './sla-policy';

const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
};
const wallHour: SlaPolicy = { firstTouchWithinMinutes: 60, clock: 'wall' };
const businessTwoHours: SlaPolicy = { firstTouchWithinMinutes: 120, clock: 'business', calendar: newYork };
const friday16 = '2026-03-06T21:00:00Z'; // Friday 16:00 EST; business due Monday 10:00 EDT = 14:00Z

describe('isBreached', () => {
  it.each<[string, SlaPolicy, string, string | null, string, boolean]>([
    ['untouched before due', wallHour, '2026-03-05T15:00:00Z', null, '2026-03-05T15:59:59Z', false],
    ['untouched exactly at due', wallHour, '2026-03-05T15:00:00Z', null, '2026-03-05T16:00:00Z', false],
    ['untouched after due', wallHour, '2026-03-05T15:00:00Z', null, '2026-03-05T16:00:01Z', true],
    [
      'touched on time, checked much later',
      wallHour,
      '2026-03-05T15:00:00Z',
      '2026-03-05T15:30:00Z',
      '2026-03-10T00:00:00Z',
      false,
    ],
    ['touched exactly at due', wallHour, '2026-03-05T15:00:00Z', '2026-03-05T16:00:00Z', '2026-03-10T00:00:00Z', false],
    ['touched late', wallHour, '2026-03-05T15:00:00Z', '2026-03-05T16:05:00Z', '2026-03-10T00:00:00Z', true],
    [
      'business: untouched over the weekend is not breached',
      businessTwoHours,
      friday16,
      null,
      '2026-03-08T23:00:00Z',
      false,
    ],
    [
      'business: wall clock would have breached on Friday night',
      wallHour,
      friday16,
      null,
      '2026-03-06T23:00:00Z',
      true,
    ],
    [
      'business: touched Monday 09:59 EDT is on time',
      businessTwoHours,
      friday16,
      '2026-03-09T13:59:00Z',
      '2026-03-09T20:00:00Z',
      false,
    ],
    [
      'business: untouched at Monday 10:01 EDT is breached',
      businessTwoHours,
      friday16,
      null,
      '2026-03-09T14:01:00Z',
      true,
    ],
  ])('%s', (_label, policy, enteredAt, firstTouchAt, now, expected) => {
    const touch = firstTouchAt === null ? null : new Date(firstTouchAt);
    expect(isBreached(policy, new Date(enteredAt), touch, new Date(now))).toBe(expected);
  });
});
