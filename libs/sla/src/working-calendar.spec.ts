import { weeklyHoursSchema } from './weekly-hours-schema';
import { toWorkingCalendar, type WeeklyHours } from './working-calendar';

const valid: WeeklyHours = {
  timeZone: 'Asia/Kolkata',
  week: [
    { day: 1, start: '09:30', end: '13:00' },
    { day: 1, start: '14:00', end: '18:30' },
    { day: 2, start: '09:30', end: '18:30' },
  ],
};

describe('weeklyHoursSchema', () => {
  it('accepts several windows on one day', () => {
    expect(weeklyHoursSchema.parse(valid)).toEqual(valid);
  });

  it('accepts windows that touch without overlapping', () => {
    const week = [
      { day: 3, start: '09:00', end: '12:00' },
      { day: 3, start: '12:00', end: '17:00' },
    ];
    expect(weeklyHoursSchema.safeParse({ ...valid, week }).success).toBe(true);
  });

  it.each([
    ['an unknown time zone', { ...valid, timeZone: 'Asia/Atlantis' }, ['timeZone']],
    ['no window at all', { ...valid, week: [] }, ['week']],
    ['start after end', { ...valid, week: [{ day: 1, start: '18:00', end: '09:00' }] }, ['week', 0, 'end']],
    ['weekday 8', { ...valid, week: [{ day: 8, start: '09:00', end: '17:00' }] }, ['week', 0, 'day']],
    ['a malformed time', { ...valid, week: [{ day: 1, start: '9:00', end: '17:00' }] }, ['week', 0, 'start']],
    [
      'overlapping windows on one day',
      {
        ...valid,
        week: [
          { day: 2, start: '13:00', end: '18:00' },
          { day: 1, start: '09:00', end: '17:00' },
          { day: 2, start: '09:00', end: '14:00' },
        ],
      },
      ['week', 0, 'start'],
    ],
  ])('rejects %s, naming the field', (_label, input, path) => {
    const result = weeklyHoursSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});

describe('toWorkingCalendar', () => {
  it('turns a business calendar into one window per working day', () => {
    const calendar = {
      timeZone: 'Europe/London',
      workingHours: { days: [1, 5], start: '09:00', end: '17:00' },
      holidays: ['2026-12-25'],
    };
    expect(toWorkingCalendar(calendar)).toEqual({
      timeZone: 'Europe/London',
      week: [
        { day: 1, start: '09:00', end: '17:00' },
        { day: 5, start: '09:00', end: '17:00' },
      ],
      holidays: ['2026-12-25'],
      away: [],
    });
  });

  it('returns a working calendar unchanged', () => {
    const working = { ...valid, holidays: [], away: [] };
    expect(toWorkingCalendar(working)).toBe(working);
  });
});
