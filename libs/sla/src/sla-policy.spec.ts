import { slaPolicySchema } from './sla-policy';

const calendar = {
  timeZone: 'Europe/Berlin',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
};

describe('slaPolicySchema', () => {
  it.each([
    ['a wall-clock policy', { firstTouchWithinMinutes: 60, clock: 'wall' }],
    ['a wall-clock policy with an unused calendar', { firstTouchWithinMinutes: 60, clock: 'wall', calendar }],
    ['a business-clock policy', { firstTouchWithinMinutes: 240, clock: 'business', calendar }],
    ['fractional minutes', { firstTouchWithinMinutes: 0.5, clock: 'wall' }],
  ])('accepts %s', (_label, input) => {
    expect(slaPolicySchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['a business clock without calendar', { firstTouchWithinMinutes: 60, clock: 'business' }, ['calendar']],
    ['zero minutes', { firstTouchWithinMinutes: 0, clock: 'wall' }, ['firstTouchWithinMinutes']],
    ['negative minutes', { firstTouchWithinMinutes: -5, clock: 'wall' }, ['firstTouchWithinMinutes']],
    ['an unknown clock', { firstTouchWithinMinutes: 60, clock: 'lunar' }, ['clock']],
    [
      'an invalid calendar',
      { firstTouchWithinMinutes: 60, clock: 'business', calendar: { ...calendar, timeZone: 'Nowhere' } },
      ['calendar', 'timeZone'],
    ],
  ])('rejects %s, naming the field', (_label, input, path) => {
    const result = slaPolicySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
