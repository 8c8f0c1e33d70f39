import { hhMmSchema } from './hh-mm';
import { minutesOfHhMm } from './minutes-of-hh-mm';

describe('hhMmSchema', () => {
  it.each(['00:00', '09:30', '23:59', '24:00'])('accepts %s', (value) => {
    expect(hhMmSchema.safeParse(value).success).toBe(true);
  });

  it.each(['9:30', '24:01', '12:60', '12-00', '', '12:00:00'])('rejects %j', (value) => {
    expect(hhMmSchema.safeParse(value).success).toBe(false);
  });
});

describe('minutesOfHhMm', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s is %i minutes after midnight', (value, minutes) => {
    expect(minutesOfHhMm(value)).toBe(minutes);
  });
});
