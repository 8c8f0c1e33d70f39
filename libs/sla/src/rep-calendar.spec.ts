import type { BusinessCalendar } from './business-calendar';
import { holidaysSchema, resolveRepCalendar } from './rep-calendar';

const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: ['2026-07-03'],
};
const london: BusinessCalendar = {
  timeZone: 'Europe/London',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: ['2026-12-28'],
};
const kolkataHours = { timeZone: 'Asia/Kolkata', week: [{ day: 1, start: '09:30', end: '18:30' }] };
const away = [{ from: new Date('2026-10-05T00:00:00Z'), to: new Date('2026-10-07T00:00:00Z') }];

describe('resolveRepCalendar', () => {
  it("uses the rep's own working hours first, with team and rep holidays and the rep's out-of-office", () => {
    const resolved = resolveRepCalendar({
      rep: { workingHours: kolkataHours, holidays: [{ date: '2026-10-20', name: 'Diwali' }], outOfOffice: away },
      team: { calendar: newYork, holidays: [{ date: '2026-10-02', name: 'Gandhi Jayanti' }] },
      fallback: london,
    });
    expect(resolved?.source).toBe('rep');
    expect(resolved?.calendar).toEqual({
      timeZone: 'Asia/Kolkata',
      week: kolkataHours.week,
      holidays: ['2026-07-03', '2026-10-02', '2026-10-20'],
      away,
    });
  });

  it('falls back to the team calendar when the rep has no own hours', () => {
    const resolved = resolveRepCalendar({
      rep: { workingHours: null, holidays: [{ date: '2026-10-20', name: null }], outOfOffice: [] },
      team: { calendar: newYork, holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] },
      fallback: london,
    });
    expect(resolved?.source).toBe('team');
    expect(resolved?.calendar.timeZone).toBe('America/New_York');
    expect(resolved?.calendar.holidays.sort()).toEqual(['2026-07-03', '2026-10-20', '2026-11-26']);
  });

  it('falls back to the policy calendar (and its holidays) when neither rep nor team has hours, keeping team holidays', () => {
    const resolved = resolveRepCalendar({
      rep: { workingHours: null, holidays: [], outOfOffice: away },
      team: { calendar: null, holidays: [{ date: '2026-12-24', name: null }] },
      fallback: london,
    });
    expect(resolved?.source).toBe('fallback');
    expect(resolved?.calendar).toMatchObject({
      timeZone: 'Europe/London',
      holidays: ['2026-12-28', '2026-12-24'],
      away,
    });
  });

  it('is null when no one set working hours', () => {
    expect(resolveRepCalendar({ rep: null, team: null, fallback: null })).toBeNull();
  });
});

describe('holidaysSchema', () => {
  it('defaults a missing name to null', () => {
    expect(holidaysSchema.parse([{ date: '2026-10-02' }])).toEqual([{ date: '2026-10-02', name: null }]);
  });

  it.each([
    ['an impossible date', [{ date: '2026-02-30', name: null }], [0, 'date']],
    [
      'a date listed twice',
      [
        { date: '2026-10-02', name: 'a' },
        { date: '2026-10-02', name: 'b' },
      ],
      [1, 'date'],
    ],
    ['a name too long', [{ date: '2026-10-02', name: 'x'.repeat(121) }], [0, 'name']],
  ])('rejects %s, naming the item and field', (_label, input, path) => {
    const result = holidaysSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});
