import { isValidTimeZone } from './is-valid-time-zone';

describe('isValidTimeZone', () => {
  it.each(['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Chicago', 'UTC'])(
    'accepts %s',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
    },
  );

  it.each(['', 'Mars/Olympus', 'New York', '+05:30x', 'India/Pune'])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });

  it('gives the same answer from its cache on repeated calls', () => {
    expect([isValidTimeZone('India/Pune'), isValidTimeZone('India/Pune')]).toEqual([false, false]);
    expect([isValidTimeZone('Asia/Kolkata'), isValidTimeZone('Asia/Kolkata')]).toEqual([true, true]);
  });
});
