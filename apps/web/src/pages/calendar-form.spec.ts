import { weeklyHoursSchema } from '@segflow/sla';
import {
  dayRowsOf,
  describeCalendarIssue,
  editableTeamsOf,
  formatHolidayLines,
  localInputToIso,
  parseHolidayLines,
  toWeeklyHours,
} from './calendar-form';

describe('dayRowsOf', () => {
  it("gives seven rows, Monday first, with each day's windows sorted and days off empty", () => {
    const rows = dayRowsOf([
      { day: 2, start: '14:00', end: '18:00' },
      { day: 2, start: '09:00', end: '13:00' },
      { day: 7, start: '10:00', end: '12:00' },
    ]);
    expect(rows.map((r) => r.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]!.windows).toEqual([]);
    expect(rows[1]!.windows).toEqual([
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(rows[6]!.windows).toEqual([{ start: '10:00', end: '12:00' }]);
  });
});

describe('toWeeklyHours', () => {
  it('round-trips with dayRowsOf into hours the shared schema accepts', () => {
    const week = [
      { day: 1, start: '09:30', end: '13:00' },
      { day: 1, start: '14:00', end: '18:30' },
      { day: 5, start: '09:30', end: '15:00' },
    ];
    const hours = toWeeklyHours('Asia/Kolkata', dayRowsOf(week));
    expect(hours).toEqual({ timeZone: 'Asia/Kolkata', week });
    expect(weeklyHoursSchema.safeParse(hours).success).toBe(true);
  });
});

describe('parseHolidayLines / formatHolidayLines', () => {
  it('reads dates with optional names, skipping blank lines, and writes them back sorted', () => {
    const parsed = parseHolidayLines('2026-12-25 Christmas Day\n\n  2026-10-02   Gandhi Jayanti \n2026-11-09');
    expect(parsed).toEqual({
      holidays: [
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2026-10-02', name: 'Gandhi Jayanti' },
        { date: '2026-11-09', name: null },
      ],
      errors: [],
    });
    expect(formatHolidayLines(parsed.holidays)).toBe('2026-10-02 Gandhi Jayanti\n2026-11-09\n2026-12-25 Christmas Day');
    expect(parseHolidayLines(formatHolidayLines(parsed.holidays)).holidays).toHaveLength(3);
  });

  it('names the line that has no leading date', () => {
    expect(parseHolidayLines('2026-10-02\nChristmas 2026-12-25').errors).toEqual([
      'line 2: expected YYYY-MM-DD and an optional name',
    ]);
  });
});

describe('describeCalendarIssue', () => {
  const week = [
    { day: 2, start: '09:00', end: '13:00' },
    { day: 2, start: '12:00', end: '17:00' },
  ];

  it('names the weekday window an API issue points at', () => {
    expect(
      describeCalendarIssue(
        { field: 'workingHours.week.1.start', reason: 'overlaps another window of the same day' },
        week,
        [],
      ),
    ).toBe('Tuesday 12:00–17:00: overlaps another window of the same day');
  });

  it('names the holiday date, and falls back to the field for anything else', () => {
    expect(
      describeCalendarIssue(
        { field: 'holidays.0.date', reason: 'invalid ISO date' },
        [],
        [{ date: '2026-02-30', name: null }],
      ),
    ).toBe('holiday 2026-02-30: invalid ISO date');
    expect(describeCalendarIssue({ field: 'workingHours.timeZone', reason: 'unknown IANA time zone' }, week, [])).toBe(
      'workingHours.timeZone: unknown IANA time zone',
    );
  });
});

describe('editableTeamsOf', () => {
  const teams = [
    { id: 'west', managerId: 'm1' },
    { id: 'east', managerId: 'm2' },
    { id: 'none', managerId: null },
  ];

  it('gives an admin every team, a manager the teams they manage, and others none', () => {
    expect(editableTeamsOf(teams, { id: 'a', role: 'admin' })).toEqual(teams);
    expect(editableTeamsOf(teams, { id: 'm1', role: 'manager' })).toEqual([teams[0]]);
    expect(editableTeamsOf(teams, { id: 'r1', role: 'rep' })).toEqual([]);
    expect(editableTeamsOf(teams, { id: 'o1', role: 'ops' })).toEqual([]);
  });
});

describe('localInputToIso', () => {
  it('turns a datetime-local value into an instant and rejects empty or bad input', () => {
    expect(localInputToIso('2026-10-05T09:30')).toBe(new Date(2026, 9, 5, 9, 30).toISOString());
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('soon')).toBeNull();
  });
});
