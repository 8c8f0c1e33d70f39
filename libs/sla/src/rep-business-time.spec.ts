import { addBusinessMinutes } from './add-business-minutes';
import { businessMinutesBetween } from './business-minutes-between';
import { isWithinBusinessHours } from './is-within-business-hours';
import { resolveRepCalendar } from './rep-calendar';
import { slaDueAt } from './sla-due-at';
import type { SlaPolicy } from './sla-policy';
import type { WorkingCalendar } from './working-calendar';

// Fixtures with hand-computed answers: business time in a rep's own calendar across DST, holidays and OOO.
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));
const calendar = (timeZone: string, extra: Partial<WorkingCalendar> = {}): WorkingCalendar => ({
  timeZone,
  week: weekdays('09:00', '17:00'),
  holidays: [],
  away: [],
  ...extra,
});
const at = (iso: string) => new Date(iso);

describe('business time in a rep calendar', () => {
  it('Europe/London: Friday 16:00 GMT + 120 min is Monday 10:00 BST across the spring-forward weekend', () => {
    expect(addBusinessMinutes(calendar('Europe/London'), at('2026-03-27T16:00:00Z'), 120)).toEqual(
      at('2026-03-30T09:00:00Z'),
    );
  });

  it('America/New_York: Friday 16:30 EDT + 60 min is Monday 09:30 EST across the fall-back weekend', () => {
    const ny = calendar('America/New_York');
    expect(addBusinessMinutes(ny, at('2026-10-30T20:30:00Z'), 60)).toEqual(at('2026-11-02T14:30:00Z'));
    expect(businessMinutesBetween(ny, at('2026-10-30T20:30:00Z'), at('2026-11-02T14:30:00Z'))).toBe(60);
  });

  it('Asia/Kolkata with a team holiday: Thursday 18:00 IST + 60 min skips Friday and the weekend', () => {
    const rep = resolveRepCalendar({
      rep: {
        workingHours: { timeZone: 'Asia/Kolkata', week: weekdays('09:30', '18:30') },
        holidays: [],
        outOfOffice: [],
      },
      team: { calendar: null, holidays: [{ date: '2026-10-02', name: 'Gandhi Jayanti' }] },
      fallback: null,
    })!.calendar;
    // 30 min on Thursday, then Monday 09:30 + 30 min = 10:00 IST.
    expect(addBusinessMinutes(rep, at('2026-10-01T12:30:00Z'), 60)).toEqual(at('2026-10-05T04:30:00Z'));
    // Without the holiday the same clock runs out on Friday at 10:00 IST.
    expect(addBusinessMinutes({ ...rep, holidays: [] }, at('2026-10-01T12:30:00Z'), 60)).toEqual(
      at('2026-10-02T04:30:00Z'),
    );
  });

  it('an out-of-office period spanning days stops the clock from noon Tuesday to noon Thursday', () => {
    const away = [{ from: at('2026-11-10T17:00:00Z'), to: at('2026-11-12T17:00:00Z') }];
    const ny = calendar('America/New_York', { away });
    // Tuesday 11:00 EST: 60 min until the OOO starts, then Thursday 12:00 + 60 min.
    expect(addBusinessMinutes(ny, at('2026-11-10T16:00:00Z'), 120)).toEqual(at('2026-11-12T18:00:00Z'));
    expect(businessMinutesBetween(ny, at('2026-11-10T14:00:00Z'), at('2026-11-12T22:00:00Z'))).toBe(180 + 300);
    expect(isWithinBusinessHours(ny, at('2026-11-11T15:00:00Z'))).toBe(false);
    expect(isWithinBusinessHours(ny, at('2026-11-12T17:00:00Z'))).toBe(true);
  });

  it('an out-of-office period of three weeks is skipped as a whole', () => {
    const away = [{ from: at('2026-12-01T00:00:00Z'), to: at('2026-12-22T00:00:00Z') }];
    expect(addBusinessMinutes(calendar('Europe/London', { away }), at('2026-12-01T10:00:00Z'), 30)).toEqual(
      at('2026-12-22T09:30:00Z'),
    );
  });

  it('counts only the windows of a split day (lunch break)', () => {
    const split = calendar('Europe/London', {
      week: [
        { day: 1, start: '09:00', end: '12:00' },
        { day: 1, start: '13:00', end: '17:00' },
      ],
    });
    // Monday 11:30 GMT + 60 min: 30 before lunch, 30 after.
    expect(addBusinessMinutes(split, at('2026-11-23T11:30:00Z'), 60)).toEqual(at('2026-11-23T13:30:00Z'));
    expect(isWithinBusinessHours(split, at('2026-11-23T12:30:00Z'))).toBe(false);
    // Next Monday is the next working day: the week has no other windows.
    expect(addBusinessMinutes(split, at('2026-11-23T16:30:00Z'), 60)).toEqual(at('2026-11-30T09:30:00Z'));
  });
});

describe('slaDueAt with an owner calendar', () => {
  const policy: SlaPolicy = {
    firstTouchWithinMinutes: 60,
    clock: 'business',
    calendar: {
      timeZone: 'Europe/London',
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
      holidays: [],
    },
  };

  it("counts a business clock in the owner's calendar instead of the policy's", () => {
    const entered = at('2026-10-01T12:30:00Z');
    expect(slaDueAt(policy, entered)).toEqual(at('2026-10-01T13:30:00Z'));
    expect(slaDueAt(policy, entered, calendar('America/New_York'))).toEqual(at('2026-10-01T14:00:00Z'));
  });

  it('leaves a wall clock alone', () => {
    const wall: SlaPolicy = { firstTouchWithinMinutes: 60, clock: 'wall' };
    expect(slaDueAt(wall, at('2026-10-03T12:00:00Z'), calendar('America/New_York'))).toEqual(
      at('2026-10-03T13:00:00Z'),
    );
  });
});
