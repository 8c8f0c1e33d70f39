import { businessCalendarSchema, type BusinessCalendar } from './business-calendar';

const valid: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:30', end: '18:00' },
  holidays: ['2026-01-26', '2026-08-15'],
};

describe('businessCalendarSchema', () => {
  it('accepts a valid calendar', () => {
    expect(businessCalendarSchema.parse(valid)).toEqual(valid);
  });

  it('accepts an end of 24:00', () => {
    const calendar = { ...valid, workingHours: { ...valid.workingHours, start: '00:00', end: '24:00' } };
    expect(businessCalendarSchema.safeParse(calendar).success).toBe(true);
  });

  it.each([
    ['an unknown time zone', { ...valid, timeZone: 'Asia/Atlantis' }, ['timeZone']],
    [
      'start after end',
      { ...valid, workingHours: { ...valid.workingHours, start: '18:00', end: '09:30' } },
      ['workingHours', 'end'],
    ],
    [
      'start equal to end',
      { ...valid, workingHours: { ...valid.workingHours, end: '09:30' } },
      ['workingHours', 'end'],
    ],
    [
      'a malformed time',
      { ...valid, workingHours: { ...valid.workingHours, start: '9:30' } },
      ['workingHours', 'start'],
    ],
    ['no working days', { ...valid, workingHours: { ...valid.workingHours, days: [] } }, ['workingHours', 'days']],
    ['weekday 0', { ...valid, workingHours: { ...valid.workingHours, days: [0, 1] } }, ['workingHours', 'days', 0]],
    ['weekday 8', { ...valid, workingHours: { ...valid.workingHours, days: [8] } }, ['workingHours', 'days', 0]],
    [
      'a duplicate weekday',
      { ...valid, workingHours: { ...valid.workingHours, days: [1, 1] } },
      ['workingHours', 'days'],
    ],
    ['an impossible holiday', { ...valid, holidays: ['2026-02-30'] }, ['holidays', 0]],
    ['a holiday in another format', { ...valid, holidays: ['26/01/2026'] }, ['holidays', 0]],
  ])('rejects %s, naming the field', (_label, input, path) => {
    const result = businessCalendarSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
