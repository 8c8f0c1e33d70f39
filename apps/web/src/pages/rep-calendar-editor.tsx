import type { RepCalendar } from '@segflow/api-contracts';
import { useEffect, useState } from 'react';
import { getRepCalendar, setRepCalendar } from '../api/calendars';
import { ApiError } from '../api/http';
import { TIME_ZONES, withCurrent } from '../editor/time-zones';
import {
  dayRowsOf,
  describeCalendarIssue,
  formatHolidayLines,
  parseHolidayLines,
  toWeeklyHours,
  WEEKDAY_NAMES,
  type DayRow,
} from './calendar-form';
import { OutOfOfficeList } from './out-of-office-list';

const DEFAULT_WEEK = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
const SOURCE_LABEL = {
  rep: 'their own hours',
  team: "the team's calendar",
  fallback: "the SLA policy's calendar",
} as const;

/** Working hours per weekday (own, or the team's), own holidays and out-of-office periods of one rep. */
export function RepCalendarEditor({ repId, onLoaded }: { repId: string; onLoaded?: (calendar: RepCalendar) => void }) {
  const [calendar, setCalendar] = useState<RepCalendar | null>(null);
  const [ownHours, setOwnHours] = useState(false);
  const [timeZone, setTimeZone] = useState('UTC');
  const [rows, setRows] = useState<DayRow[]>(dayRowsOf(DEFAULT_WEEK));
  const [holidayText, setHolidayText] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const load = (next: RepCalendar) => {
    setCalendar(next);
    onLoaded?.(next);
    setOwnHours(next.workingHours !== null);
    setTimeZone(
      next.workingHours?.timeZone ?? next.effective?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    setRows(dayRowsOf(next.workingHours?.week ?? next.effective?.week ?? DEFAULT_WEEK));
    setHolidayText(formatHolidayLines(next.holidays));
  };
  useEffect(() => {
    setMessages([]);
    getRepCalendar(repId).then(load, (e: Error) => setMessages([e.message]));
  }, [repId]);

  const updateWindow = (day: number, index: number, field: 'start' | 'end', value: string) =>
    setRows(
      rows.map((row) =>
        row.day !== day
          ? row
          : { ...row, windows: row.windows.map((w, i) => (i === index ? { ...w, [field]: value } : w)) },
      ),
    );
  const addWindow = (day: number) =>
    setRows(
      rows.map((row) =>
        row.day !== day
          ? row
          : { ...row, windows: [...row.windows, { start: row.windows.at(-1)?.end ?? '09:00', end: '17:00' }] },
      ),
    );
  const removeWindow = (day: number, index: number) =>
    setRows(
      rows.map((row) => (row.day !== day ? row : { ...row, windows: row.windows.filter((_, i) => i !== index) })),
    );

  const save = async () => {
    setSaved(false);
    const parsed = parseHolidayLines(holidayText);
    if (parsed.errors.length) return setMessages(parsed.errors);
    const workingHours = ownHours ? toWeeklyHours(timeZone, rows) : null;
    try {
      load(await setRepCalendar(repId, { workingHours, holidays: parsed.holidays }));
      setMessages([]);
      setSaved(true);
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues : [];
      setMessages(
        issues.length
          ? issues.map((issue) => describeCalendarIssue(issue, workingHours?.week ?? [], parsed.holidays))
          : [(e as Error).message],
      );
    }
  };

  if (!calendar) return messages.length ? <p className="error">{messages[0]}</p> : <p className="muted">Loading…</p>;
  return (
    <>
      <div className="card" aria-label="Working hours">
        <h2>Working hours</h2>
        <p className="muted">
          SLA clocks on this rep's leads count{' '}
          {calendar.effective ? SOURCE_LABEL[calendar.effective.source] : "the SLA policy's calendar"}
          {calendar.effective ? ` (${calendar.effective.timeZone})` : ''}.
        </p>
        <label className="calendar-check">
          <input type="checkbox" checked={ownHours} onChange={(e) => setOwnHours(e.target.checked)} /> Own working hours
          (else the team's)
        </label>
        <fieldset className="calendar-week" disabled={!ownHours}>
          <label className="inline-label">
            Time zone
            <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {withCurrent(TIME_ZONES, timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
          {rows.map((row) => (
            <div key={row.day} className="calendar-day" data-testid={`day-${row.day}`}>
              <span className="calendar-day__name">{WEEKDAY_NAMES[row.day - 1]}</span>
              {row.windows.length === 0 && <span className="muted">day off</span>}
              {row.windows.map((w, index) => (
                <span key={index} className="calendar-window">
                  <input
                    type="time"
                    aria-label={`${WEEKDAY_NAMES[row.day - 1]} start ${index + 1}`}
                    value={w.start}
                    onChange={(e) => updateWindow(row.day, index, 'start', e.target.value)}
                  />
                  –
                  <input
                    type="time"
                    aria-label={`${WEEKDAY_NAMES[row.day - 1]} end ${index + 1}`}
                    value={w.end}
                    onChange={(e) => updateWindow(row.day, index, 'end', e.target.value)}
                  />
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Remove ${WEEKDAY_NAMES[row.day - 1]} window ${index + 1}`}
                    onClick={() => removeWindow(row.day, index)}
                  >
                    ×
                  </button>
                </span>
              ))}
              <button type="button" className="secondary" onClick={() => addWindow(row.day)}>
                + window
              </button>
            </div>
          ))}
        </fieldset>
        <h3>Own days off</h3>
        <p className="muted">
          One per line: <code>YYYY-MM-DD name</code>. Team holidays apply as well
          {calendar.teamHolidays.length ? `: ${calendar.teamHolidays.map((h) => h.name ?? h.date).join(', ')}` : ''}.
        </p>
        <textarea
          aria-label="Own holidays"
          rows={4}
          cols={40}
          value={holidayText}
          onChange={(e) => setHolidayText(e.target.value)}
        />
        <div className="button-row">
          <button type="button" onClick={() => void save()}>
            Save hours and days off
          </button>
          {saved && <span role="status">Saved.</span>}
        </div>
        {messages.map((m) => (
          <p key={m} className="error">
            {m}
          </p>
        ))}
      </div>
      <OutOfOfficeList
        repId={repId}
        periods={calendar.outOfOffice}
        onChanged={() => getRepCalendar(repId).then(load, (e: Error) => setMessages([e.message]))}
      />
    </>
  );
}
