import { zonedParts } from './zoned-parts';

describe('zonedParts', () => {
  it('reads New York wall time just before and after the spring-forward gap', () => {
    expect(zonedParts(new Date('2026-03-08T06:59:59Z'), 'America/New_York')).toMatchObject({
      hour: 1,
      minute: 59,
      second: 59,
    });
    expect(zonedParts(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toMatchObject({ hour: 3, minute: 0 });
  });

  it('reads both 01:30s of the New York fall-back night', () => {
    expect(zonedParts(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toMatchObject({
      day: 1,
      hour: 1,
      minute: 30,
    });
    expect(zonedParts(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toMatchObject({
      day: 1,
      hour: 1,
      minute: 30,
    });
  });

  it('applies the +05:30 Kolkata offset, crossing the date line at 18:30Z', () => {
    expect(zonedParts(new Date('2026-05-01T18:29:00Z'), 'Asia/Kolkata')).toMatchObject({
      day: 1,
      hour: 23,
      minute: 59,
    });
    expect(zonedParts(new Date('2026-05-01T18:30:00Z'), 'Asia/Kolkata')).toMatchObject({
      day: 2,
      hour: 0,
      minute: 0,
      weekday: 6,
    });
  });

  it('reports midnight as hour 0, not 24', () => {
    expect(zonedParts(new Date('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 3,
      day: 30,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
      weekday: 1,
    });
  });

  it('keeps milliseconds', () => {
    expect(zonedParts(new Date('2026-01-01T00:00:00.123Z'), 'UTC').millisecond).toBe(123);
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => zonedParts(new Date(0), 'Mars/Olympus')).toThrow(RangeError);
  });
});
