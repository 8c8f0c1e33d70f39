import { isReentryAllowed } from './reentry';

const ended = new Date('2026-01-01T00:00:00Z');
describe('isReentryAllowed', () => {
  it.each([
    [{ policy: 'never' as const }, null, true],
    [{ policy: 'never' as const }, ended, false],
    [{ policy: 'always' as const }, ended, true],
    [{ policy: 'afterDays' as const, days: 30 }, ended, false],
  ])('%j after %s → %s', (reentry, last, expected) =>
    expect(isReentryAllowed(reentry, last, new Date('2026-01-20T00:00:00Z'))).toBe(expected),
  );
  it('afterDays opens exactly after the days', () => {
    expect(isReentryAllowed({ policy: 'afterDays', days: 30 }, ended, new Date('2026-01-31T00:00:00Z'))).toBe(true);
  });
});
