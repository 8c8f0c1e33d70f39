import { nextTimeOutsideQuietHours } from './next-time-outside-quiet-hours';

const berlinNight = { timeZone: 'Europe/Berlin', start: '21:00', end: '08:00' };
const newYorkNight = { timeZone: 'America/New_York', start: '21:00', end: '08:00' };
const kolkataNight = { timeZone: 'Asia/Kolkata', start: '22:00', end: '07:30' };
const newYorkLunch = { timeZone: 'America/New_York', start: '12:00', end: '13:00' };

describe('nextTimeOutsideQuietHours', () => {
  it.each([
    ['returns `at` outside quiet hours', berlinNight, '2026-05-01T12:34:56.789Z', '2026-05-01T12:34:56.789Z'],
    ['returns `at` at the exclusive end', berlinNight, '2026-05-02T06:00:00.000Z', '2026-05-02T06:00:00.000Z'],
    [
      'defers an evening time to 08:00 the next day',
      berlinNight,
      '2026-05-01T20:00:00.000Z',
      '2026-05-02T06:00:00.000Z',
    ],
    [
      'defers an early-morning time to 08:00 the same day',
      berlinNight,
      '2026-05-02T01:00:00.000Z',
      '2026-05-02T06:00:00.000Z',
    ],
    [
      'defers across the Berlin spring-forward night to 08:00 CEST',
      berlinNight,
      '2026-03-28T22:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
    ],
    [
      'defers across the Berlin fall-back night to 08:00 CET',
      berlinNight,
      '2026-10-24T20:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
    ],
    [
      'defers across the New York spring-forward night to 08:00 EDT',
      newYorkNight,
      '2026-03-08T03:00:00.000Z',
      '2026-03-08T12:00:00.000Z',
    ],
    [
      'defers across the New York fall-back night to 08:00 EST',
      newYorkNight,
      '2026-11-01T02:00:00.000Z',
      '2026-11-01T13:00:00.000Z',
    ],
    ['defers a Kolkata night to 07:30 IST', kolkataNight, '2026-05-01T17:00:00.000Z', '2026-05-02T02:00:00.000Z'],
    ['defers within non-wrapping quiet hours', newYorkLunch, '2026-05-01T16:15:00.000Z', '2026-05-01T17:00:00.000Z'],
  ])('%s', (_label, quiet, at, expected) => {
    expect(nextTimeOutsideQuietHours(quiet, new Date(at)).toISOString()).toBe(expected);
  });

  it('never returns a time inside quiet hours or before `at`', () => {
    for (let hour = 0; hour < 48; hour += 0.25) {
      const at = new Date(Date.UTC(2026, 9, 24) + hour * 3_600_000);
      const next = nextTimeOutsideQuietHours(berlinNight, at);
      expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
      expect(nextTimeOutsideQuietHours(berlinNight, next)).toEqual(next);
    }
  });
});
