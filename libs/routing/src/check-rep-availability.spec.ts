import { resolveRepCalendar, type BusinessCalendar, type WorkingCalendar } from '@segflow/sla';
import { checkRepAvailability, describeUnavailability, type RepUnavailability } from './check-rep-availability';
import type { Rep } from './rep';

const kolkata: BusinessCalendar = {
  timeZone: 'Asia/Kolkata',
  workingHours: { days: [1, 2, 3, 4, 5], start: '09:30', end: '18:30' },
  holidays: [],
};
const monday1130Ist = new Date('2026-05-04T06:00:00Z');
const base: Rep = { id: 'r1', name: 'Asha', teamId: 'pune', active: true, openTasks: 3 };
const leave = { from: new Date('2026-05-04T00:00:00Z'), to: new Date('2026-05-05T00:00:00Z') };
// The calendar the SLA clocks use: the rep's split day, plus the team's holiday on Tuesday 2026-05-05.
const ashaCalendar: WorkingCalendar = resolveRepCalendar({
  rep: {
    workingHours: {
      timeZone: 'Asia/Kolkata',
      week: [1, 2, 3, 4, 5].flatMap((day) => [
        { day, start: '09:30', end: '13:00' },
        { day, start: '14:00', end: '18:30' },
      ]),
    },
    holidays: [],
    outOfOffice: [],
  },
  team: { calendar: null, holidays: [{ date: '2026-05-05', name: null }] },
  fallback: null,
})!.calendar;

describe('checkRepAvailability', () => {
  it.each<[string, Rep, Date, number | undefined, RepUnavailability | null]>([
    ['available rep', base, monday1130Ist, undefined, null],
    ['inactive', { ...base, active: false }, monday1130Ist, undefined, { kind: 'inactive' }],
    [
      'inactive wins over out of office',
      { ...base, active: false, outOfOffice: [leave] },
      monday1130Ist,
      undefined,
      { kind: 'inactive' },
    ],
    [
      'out of office',
      { ...base, outOfOffice: [leave] },
      monday1130Ist,
      undefined,
      { kind: 'outOfOffice', until: leave.to },
    ],
    [
      'out of office from its first instant',
      { ...base, outOfOffice: [leave] },
      leave.from,
      undefined,
      { kind: 'outOfOffice', until: leave.to },
    ],
    ['back at the end of the period', { ...base, outOfOffice: [leave] }, leave.to, undefined, null],
    ['inside working hours', { ...base, calendar: kolkata }, monday1130Ist, undefined, null],
    [
      'outside working hours (20:00 IST)',
      { ...base, calendar: kolkata },
      new Date('2026-05-04T14:30:00Z'),
      undefined,
      { kind: 'outsideWorkingHours' },
    ],
    [
      'on a weekend',
      { ...base, calendar: kolkata },
      new Date('2026-05-02T06:00:00Z'),
      undefined,
      { kind: 'outsideWorkingHours' },
    ],
    ["inside the rep's own split hours", { ...base, calendar: ashaCalendar }, monday1130Ist, undefined, null],
    [
      "in the rep's lunch break (13:30 IST)",
      { ...base, calendar: ashaCalendar },
      new Date('2026-05-04T08:00:00Z'),
      undefined,
      { kind: 'outsideWorkingHours' },
    ],
    [
      'on a team holiday',
      { ...base, calendar: ashaCalendar },
      new Date('2026-05-05T06:00:00Z'),
      undefined,
      { kind: 'outsideWorkingHours' },
    ],
    [
      'at own capacity',
      { ...base, capacity: 3 },
      monday1130Ist,
      undefined,
      { kind: 'atCapacity', openTasks: 3, capacity: 3 },
    ],
    [
      'over own capacity',
      { ...base, capacity: 2 },
      monday1130Ist,
      undefined,
      { kind: 'atCapacity', openTasks: 3, capacity: 2 },
    ],
    ['below own capacity', { ...base, capacity: 4 }, monday1130Ist, undefined, null],
    ['at the rule cap', { ...base, capacity: 10 }, monday1130Ist, 3, { kind: 'atCapacity', openTasks: 3, capacity: 3 }],
    ['below the rule cap', base, monday1130Ist, 4, null],
  ])('%s', (_label, rep, now, capacityCap, expected) => {
    expect(checkRepAvailability(rep, now, capacityCap)).toEqual(expected);
  });
});

describe('describeUnavailability', () => {
  it.each<[RepUnavailability, string]>([
    [{ kind: 'inactive' }, 'inactive'],
    [{ kind: 'outOfOffice', until: new Date('2026-05-05T00:00:00Z') }, 'out of office until 2026-05-05T00:00:00.000Z'],
    [{ kind: 'outsideWorkingHours' }, 'outside working hours'],
    [{ kind: 'atCapacity', openTasks: 5, capacity: 5 }, 'at capacity (5/5 open tasks)'],
  ])('%o → %s', (why, text) => {
    expect(describeUnavailability(why)).toBe(text);
  });
});
