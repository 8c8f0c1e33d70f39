import fc from 'fast-check';
import { zonedParts } from './zoned-parts';
import { zonedTimeToUtc } from './zoned-time-to-utc';

const iso = (local: Parameters<typeof zonedTimeToUtc>[0], zone: string): string =>
  zonedTimeToUtc(local, zone).toISOString();

describe('zonedTimeToUtc', () => {
  it.each([
    ['New York winter', { year: 2026, month: 1, day: 15, hour: 9 }, 'America/New_York', '2026-01-15T14:00:00.000Z'],
    ['New York summer', { year: 2026, month: 7, day: 15, hour: 9 }, 'America/New_York', '2026-07-15T13:00:00.000Z'],
    ['Berlin winter', { year: 2026, month: 1, day: 15, hour: 9 }, 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
    ['Berlin summer', { year: 2026, month: 7, day: 15, hour: 9 }, 'Europe/Berlin', '2026-07-15T07:00:00.000Z'],
    [
      'Kolkata (+05:30, no DST)',
      { year: 2026, month: 3, day: 8, hour: 9, minute: 30 },
      'Asia/Kolkata',
      '2026-03-08T04:00:00.000Z',
    ],
    [
      'UTC',
      { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 5, millisecond: 7 },
      'UTC',
      '2026-03-08T02:30:05.007Z',
    ],
  ])('converts %s', (_label, local, zone, expected) => {
    expect(iso(local, zone)).toBe(expected);
  });

  it('moves a New York spring-forward gap time forward by the gap (02:30 → 03:30 EDT)', () => {
    expect(iso({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('moves a Berlin spring-forward gap time forward (02:30 → 03:30 CEST)', () => {
    expect(iso({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('picks the earlier instant for an ambiguous New York fall-back time (01:30 EDT)', () => {
    expect(iso({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('picks the earlier instant for an ambiguous Berlin fall-back time (02:30 CEST)', () => {
    expect(iso({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('rolls 24:00 over to midnight of the next day', () => {
    expect(iso({ year: 2026, month: 3, day: 7, hour: 24 }, 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
  });

  it('round-trips zonedParts to the same or an earlier instant with the same wall time', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...zones),
        (epochMs, zone) => {
          const wall = zonedParts(new Date(epochMs), zone);
          const back = zonedTimeToUtc(wall, zone);
          expect(back.getTime()).toBeLessThanOrEqual(epochMs);
          expect(zonedParts(back, zone)).toEqual(wall);
        },
      ),
      { numRuns: 500 },
    );
  });
});
