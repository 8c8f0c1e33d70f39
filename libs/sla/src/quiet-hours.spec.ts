import { quietPeriodAt } from './quiet-hours';
import { quietHoursSchema } from './quiet-hours-schema';

describe('quietHoursSchema', () => {
  it('accepts wrapping quiet hours', () => {
    expect(quietHoursSchema.safeParse({ timeZone: 'Europe/Berlin', start: '21:00', end: '08:00' }).success).toBe(true);
  });

  it.each([
    ['equal start and end', { timeZone: 'Europe/Berlin', start: '08:00', end: '08:00' }],
    ['an unknown zone', { timeZone: 'Europe/Gondor', start: '21:00', end: '08:00' }],
    ['a malformed time', { timeZone: 'Europe/Berlin', start: '9pm', end: '08:00' }],
  ])('rejects %s', (_label, input) => {
    expect(quietHoursSchema.safeParse(input).success).toBe(false);
  });
});

describe('quietPeriodAt', () => {
  const wrapping = { timeZone: 'UTC', start: '21:00', end: '08:00' };

  it('returns the period that started the previous evening', () => {
    expect(quietPeriodAt(wrapping, new Date('2026-05-02T03:00:00Z'))).toEqual({
      start: new Date('2026-05-01T21:00:00Z'),
      end: new Date('2026-05-02T08:00:00Z'),
    });
  });

  it('returns null outside quiet hours', () => {
    expect(quietPeriodAt(wrapping, new Date('2026-05-02T12:00:00Z'))).toBeNull();
  });

  it('makes the period one hour shorter on the New York spring-forward night', () => {
    const period = quietPeriodAt({ ...wrapping, timeZone: 'America/New_York' }, new Date('2026-03-08T06:00:00Z'));
    expect(period).not.toBeNull();
    expect((period!.end.getTime() - period!.start.getTime()) / 3_600_000).toBe(10);
  });
});
