import type { TeamSummary } from '@segflow/api-contracts';
import './pages.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listTeams } from '../api/calendars';
import { useCurrentUser } from '../auth/session';
import { queryKeys } from '../query/keys';
import { editableTeamsOf } from './calendar-form';
import { RepCalendarEditor } from './rep-calendar-editor';
import { TeamHolidaysEditor } from './team-holidays-editor';

/**
 * Working hours, holidays and out-of-office of a rep: a rep edits their own; a manager the reps of the teams they
 * manage, and those teams' holidays; an admin everyone's. SLA business clocks count in the calendar shown here.
 */
export function CalendarPage() {
  const user = useCurrentUser();
  const [picked, setRepId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const keepsTeams = user?.role === 'admin' || user?.role === 'manager';
  const teamsQuery = useQuery({ queryKey: queryKeys.calendars.teams, queryFn: listTeams, enabled: keepsTeams });
  const teams = teamsQuery.data ?? [];
  const error = teamsQuery.error?.message;
  const queryClient = useQueryClient();
  const onTeamSaved = (saved: TeamSummary) =>
    queryClient.setQueryData(
      queryKeys.calendars.teams,
      teams.map((t) => (t.id === saved.id ? saved : t)),
    );
  // A rep keeps only their own calendar.
  const repId = user?.role === 'rep' ? user.id : picked;

  if (!user) return <p className="muted">Loading…</p>;
  const editable = editableTeamsOf(teams, user);
  const reps = editable.flatMap((team) => team.members.map((member) => ({ ...member, teamName: team.name })));
  const team = editable.find((t) => t.id === teamId);

  return (
    <section>
      <h1>Calendars</h1>
      {error && <p className="error">{error}</p>}
      {user.role !== 'rep' && (
        <div className="inline-form card">
          <label>
            Rep
            <select aria-label="Rep" value={repId ?? ''} onChange={(e) => setRepId(e.target.value || null)}>
              <option value="">Choose a rep…</option>
              {reps.map((rep) => (
                <option key={rep.id} value={rep.id}>
                  {rep.name} ({rep.teamName})
                </option>
              ))}
            </select>
          </label>
          {user.role === 'ops' && (
            <span className="muted">Calendars are kept by each rep, their manager or an admin.</span>
          )}
        </div>
      )}
      {repId && <RepCalendarEditor repId={repId} onLoaded={(calendar) => setTeamId(calendar.teamId)} />}
      {team && <TeamHolidaysEditor team={team} onSaved={onTeamSaved} />}
    </section>
  );
}
