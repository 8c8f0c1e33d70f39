import { isWithinQuietHours } from './is-within-quiet-hours';

const berlinNight = { timeZone: 'Europe/Berlin', start: '21:00', end: '08:00' };
const kolkataNight = { timeZone: 'Asia/Kolkata', start: '21:00', end: '08:00' };
const newYorkLunch = { timeZone: 'America/New_York', start: '12:00', end: '13:00' };

describe('isWithinQuietHours', () => {
  it.each([
    ['Berlin 20:59 CEST', berlinNight, '2026-05-01T18:59:00Z', false],
    ['Berlin 21:00 CEST (start is inclusive)', berlinNight, '2026-05-01T19:00:00Z', true],
    ['Berlin 23:59 CEST', berlinNight, '2026-05-01T21:59:00Z', true],
    ['Berlin 00:00 CEST (after midnight)', berlinNight, '2026-05-01T22:00:00Z', true],
    ['Berlin 07:59 CEST', berlinNight, '2026-05-02T05:59:00Z', true],
    ['Berlin 08:00 CEST (end is exclusive)', berlinNight, '2026-05-02T06:00:00Z', false],
    ['Berlin 03:30 CEST on the spring-forward night', berlinNight, '2026-03-29T01:30:00Z', true],
    ['Berlin 08:00 CEST after the spring-forward night', berlinNight, '2026-03-29T06:00:00Z', false],
    ['Berlin second 02:30 on the fall-back night', berlinNight, '2026-10-25T01:30:00Z', true],
    ['Kolkata 23:30 IST', kolkataNight, '2026-05-01T18:00:00Z', true],
    ['Kolkata 08:30 IST', kolkataNight, '2026-05-01T03:00:00Z', false],
    ['Kolkata 07:59 IST', kolkataNight, '2026-05-01T02:29:00Z', true],
    ['New York 12:30 EDT (non-wrapping)', newYorkLunch, '2026-05-01T16:30:00Z', true],
    ['New York 13:00 EDT (non-wrapping end)', newYorkLunch, '2026-05-01T17:00:00Z', false],
    ['New York 11:59 EDT', newYorkLunch, '2026-05-01T15:59:00Z', false],
  ])('%s → %s', (_label, quiet, at, expected) => {
    expect(isWithinQuietHours(quiet, new Date(at))).toBe(expected);
  });
});
