import type { WaitCalendar } from '@segflow/playbook';
import { TIME_ZONES, withCurrent } from './time-zones';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Working days, hours, holidays and time zone (or the lead's own zone) of a business-window wait. */
export function BusinessWindowPicker({
  calendar,
  onChange,
}: {
  calendar: WaitCalendar;
  onChange: (calendar: WaitCalendar) => void;
}) {
  const hours = calendar.workingHours;
  const toggleDay = (day: number) => {
    const days = hours.days.includes(day) ? hours.days.filter((d) => d !== day) : [...hours.days, day].sort();
    onChange({ ...calendar, workingHours: { ...hours, days } });
  };
  return (
    <fieldset className="field">
      <legend>Business hours</legend>
      <label className="field">
        Time zone
        <select value={calendar.timeZone} onChange={(e) => onChange({ ...calendar, timeZone: e.target.value })}>
          <option value="lead">the lead's own time zone</option>
          {withCurrent(TIME_ZONES, calendar.timeZone)
            .filter((zone) => zone !== 'lead')
            .map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
        </select>
      </label>
      <div className="weekday-picker" role="group" aria-label="Working days">
        {WEEKDAYS.map((name, index) => (
          <label key={name} className="chip">
            <input type="checkbox" checked={hours.days.includes(index + 1)} onChange={() => toggleDay(index + 1)} />
            {name}
          </label>
        ))}
      </div>
      <div className="field__row">
        <label className="field">
          From
          <input
            type="time"
            value={hours.start}
            onChange={(e) => onChange({ ...calendar, workingHours: { ...hours, start: e.target.value } })}
          />
        </label>
        <label className="field">
          To
          <input
            type="time"
            value={hours.end}
            onChange={(e) => onChange({ ...calendar, workingHours: { ...hours, end: e.target.value } })}
          />
        </label>
      </div>
      <label className="field">
        Holidays
        <input
          placeholder="2026-01-26, 2026-08-15"
          defaultValue={calendar.holidays.join(', ')}
          onBlur={(e) =>
            onChange({
              ...calendar,
              holidays: e.target.value
                .split(',')
                .map((d) => d.trim())
                .filter(Boolean),
            })
          }
        />
      </label>
    </fieldset>
  );
}
