import type { Holiday, WeekdayWindow, WeeklyHours } from '@segflow/sla';

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** One weekday of the editor: its windows as `HH:MM` pairs (none = day off). */
export interface DayRow {
  day: number;
  windows: { start: string; end: string }[];
}

/**
 * Seven editor rows (Monday first) from a week of windows. Pages pass the hours in effect when the rep has none of
 * their own, so editing starts from the team's week rather than a blank one.
 *
 * @example
 * dayRowsOf([{ day: 1, start: '09:00', end: '17:00' }])[0]; // { day: 1, windows: [{ start: '09:00', end: '17:00' }] }
 */
export function dayRowsOf(week: WeekdayWindow[]): DayRow[] {
  return WEEKDAY_NAMES.map((_, index) => ({
    day: index + 1,
    windows: week
      .filter((w) => w.day === index + 1)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(({ start, end }) => ({ start, end })),
  }));
}

/**
 * The rows as the API's weekly hours, in row order (the API names a bad window by this index).
 *
 * @example
 * toWeeklyHours('Asia/Kolkata', [{ day: 1, windows: [{ start: '09:30', end: '18:30' }] }]);
 * // { timeZone: 'Asia/Kolkata', week: [{ day: 1, start: '09:30', end: '18:30' }] }
 */
export function toWeeklyHours(timeZone: string, rows: DayRow[]): WeeklyHours {
  return { timeZone, week: rows.flatMap((row) => row.windows.map((w) => ({ day: row.day, ...w }))) };
}

/**
 * Holidays typed one per line as `YYYY-MM-DD name` (the name is optional); blank lines are skipped.
 * A line without a leading date is reported with its line number; dates themselves are checked by the API.
 *
 * @example
 * parseHolidayLines('2026-10-02 Gandhi Jayanti\n\n2026-12-25');
 * // { holidays: [{ date: '2026-10-02', name: 'Gandhi Jayanti' }, { date: '2026-12-25', name: null }], errors: [] }
 */
export function parseHolidayLines(text: string): { holidays: Holiday[]; errors: string[] } {
  const holidays: Holiday[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$/.exec(line);
    if (!match) errors.push(`line ${index + 1}: expected YYYY-MM-DD and an optional name`);
    else holidays.push({ date: match[1]!, name: match[2]?.trim() || null });
  });
  return { holidays, errors };
}

/**
 * The text {@link parseHolidayLines} reads back into the same holidays, sorted by date.
 *
 * @example
 * formatHolidayLines([{ date: '2026-12-25', name: null }, { date: '2026-10-02', name: 'Gandhi Jayanti' }]);
 * // '2026-10-02 Gandhi Jayanti\n2026-12-25'
 */
export function formatHolidayLines(holidays: Holiday[]): string {
  return [...holidays]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((h) => (h.name ? `${h.date} ${h.name}` : h.date))
    .join('\n');
}

/**
 * An API field issue in the editor's words: `workingHours.week.N…` names the N-th window of {@link toWeeklyHours}'s
 * week, which the person knows as "Tuesday 09:00–12:00"; holiday issues name the date.
 *
 * @example
 * describeCalendarIssue({ field: 'workingHours.week.1.start', reason: 'overlaps another window of the same day' },
 *   [{ day: 2, start: '09:00', end: '13:00' }, { day: 2, start: '12:00', end: '17:00' }], []);
 * // 'Tuesday 12:00–17:00: overlaps another window of the same day'
 */
export function describeCalendarIssue(
  issue: { field: string; reason: string },
  week: WeekdayWindow[],
  holidays: Holiday[],
): string {
  const windowMatch = /^workingHours\.week\.(\d+)/.exec(issue.field);
  const window = windowMatch ? week[Number(windowMatch[1])] : undefined;
  if (window) return `${WEEKDAY_NAMES[window.day - 1]} ${window.start}–${window.end}: ${issue.reason}`;
  const holidayMatch = /^holidays\.(\d+)/.exec(issue.field);
  const holiday = holidayMatch ? holidays[Number(holidayMatch[1])] : undefined;
  if (holiday) return `holiday ${holiday.date}: ${issue.reason}`;
  return `${issue.field}: ${issue.reason}`;
}

/**
 * A `datetime-local` input value (the browser's local time) as an ISO instant, or `null` when empty or invalid.
 *
 * @example
 * localInputToIso(''); // null
 */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The teams whose reps' calendars (and holidays) a user may edit: every team for an admin, the teams they manage for
 * a manager, none for others (a rep edits only their own calendar). Mirrors the API's rule, which has the last word.
 *
 * @example
 * editableTeamsOf([{ id: 'west', managerId: 'm1' }, { id: 'east', managerId: 'm2' }], { id: 'm1', role: 'manager' }); // [{ id: 'west', … }]
 */
export function editableTeamsOf<T extends { managerId: string | null }>(
  teams: T[],
  user: { id: string; role: string },
): T[] {
  if (user.role === 'admin') return teams;
  if (user.role === 'manager') return teams.filter((team) => team.managerId === user.id);
  return [];
}
