import type { TeamSummary } from '@segflow/api-contracts';
import { useEffect, useState } from 'react';
import { setTeamHolidays } from '../api/calendars';
import { ApiError } from '../api/http';
import { describeCalendarIssue, formatHolidayLines, parseHolidayLines } from './calendar-form';

/** The team's holidays, which every member inherits on top of their own days off. */
export function TeamHolidaysEditor({ team, onSaved }: { team: TeamSummary; onSaved: (team: TeamSummary) => void }) {
  const [text, setText] = useState(formatHolidayLines(team.holidays));
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(formatHolidayLines(team.holidays)), [team]);

  const save = async () => {
    setSaved(false);
    const parsed = parseHolidayLines(text);
    if (parsed.errors.length) return setMessages(parsed.errors);
    try {
      onSaved(await setTeamHolidays(team.id, parsed.holidays));
      setMessages([]);
      setSaved(true);
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues : [];
      setMessages(
        issues.length
          ? issues.map((issue) => describeCalendarIssue(issue, [], parsed.holidays))
          : [(e as Error).message],
      );
    }
  };

  return (
    <div className="card" aria-label="Team holidays">
      <h2>{team.name}: team holidays</h2>
      <p className="muted">
        Every member of the team has these days off. One per line: <code>YYYY-MM-DD name</code>.
      </p>
      <textarea
        aria-label="Team holiday dates"
        rows={5}
        cols={40}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="button-row">
        <button type="button" onClick={() => void save()}>
          Save team holidays
        </button>
        {saved && <span role="status">Saved.</span>}
      </div>
      {messages.map((m) => (
        <p key={m} className="error">
          {m}
        </p>
      ))}
    </div>
  );
}
