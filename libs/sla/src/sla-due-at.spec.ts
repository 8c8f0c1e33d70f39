import type { BusinessCalendar } from './business-calendar';
import { slaDueAt } from './sla-due-at';
import type { SlaPolicy } from './sla-policy';

const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
};

describe('slaDueAt', () => {
  it.each<[string, SlaPolicy, string, string]>([
    [
      'wall clock counts the weekend',
      { firstTouchWithinMinutes: 120, clock: 'wall' },
      '2026-03-06T21:00:00.000Z',
      '2026-03-06T23:00:00.000Z',
    ],
    [
      'wall clock ignores a given calendar',
      { firstTouchWithinMinutes: 120, clock: 'wall', calendar: newYork },
      '2026-03-06T21:00:00.000Z',
      '2026-03-06T23:00:00.000Z',
    ],
    [
      'wall clock is DST-neutral (elapsed time)',
      { firstTouchWithinMinutes: 24 * 60, clock: 'wall' },
      '2026-03-07T17:00:00.000Z',
      '2026-03-08T17:00:00.000Z',
    ],
    [
      'business clock skips the DST weekend',
      { firstTouchWithinMinutes: 120, clock: 'business', calendar: newYork },
      '2026-03-06T21:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
    ],
    [
      'business clock starts on Monday for a Saturday entry',
      { firstTouchWithinMinutes: 30, clock: 'business', calendar: newYork },
      '2026-03-07T12:00:00.000Z',
      '2026-03-09T13:30:00.000Z',
    ],
  ])('%s', (_label, policy, enteredAt, expected) => {
    expect(slaDueAt(policy, new Date(enteredAt)).toISOString()).toBe(expected);
  });
});
