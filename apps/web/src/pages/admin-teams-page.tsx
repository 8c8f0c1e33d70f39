import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateTeamRequest, UserSummary } from '@segflow/api-contracts';
import type { FormEvent } from 'react';
import { createTeam, listUsers, updateTeam } from '../api/admin';
import { listTeams } from '../api/calendars';
import { queryKeys } from '../query/keys';

function ManagerOptions({ managers }: { managers: UserSummary[] }) {
  return (
    <>
      <option value="">No manager</option>
      {managers.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </>
  );
}

/**
 * `/admin/teams` (admin): teams, their manager and reps; create one (its id is what route nodes name) or rename it
 * and change its manager. Working hours and holidays are edited on the Calendars page; members on the Users page.
 */
export function AdminTeamsPage() {
  const queryClient = useQueryClient();
  const { data: teams, error: loadError } = useQuery({ queryKey: queryKeys.calendars.teams, queryFn: listTeams });
  const { data: users } = useQuery({ queryKey: queryKeys.users.all, queryFn: () => listUsers() });
  const managers = (users ?? []).filter((u) => u.active && (u.role === 'manager' || u.role === 'admin'));
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.calendars.teams });
  const create = useMutation({ mutationFn: createTeam, onSuccess: refresh });
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateTeamRequest }) => updateTeam(id, changes),
    onSuccess: refresh,
  });
  const error = (create.error ?? update.error ?? loadError)?.message;

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const id = String(form.get('id') ?? '').trim();
    create.mutate({
      ...(id ? { id } : {}),
      name: String(form.get('name')),
      managerId: String(form.get('managerId') ?? '') || null,
    });
    event.currentTarget.reset();
  };

  return (
    <section>
      <h1>Teams</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form className="inline-form" aria-label="New team" onSubmit={onCreate}>
        <input name="name" placeholder="Name" aria-label="Team name" required maxLength={120} />
        <input
          name="id"
          placeholder="id for route rules, e.g. west (optional)"
          aria-label="Team id"
          pattern="[a-z0-9][a-z0-9-]{0,62}"
        />
        <select name="managerId" aria-label="Manager" defaultValue="">
          <ManagerOptions managers={managers} />
        </select>
        <button type="submit" disabled={create.isPending}>
          Create team
        </button>
      </form>
      <table className="table" aria-label="Teams">
        <thead>
          <tr>
            <th>Name</th>
            <th>Id</th>
            <th>Manager</th>
            <th>Reps</th>
          </tr>
        </thead>
        <tbody>
          {(teams ?? []).map((t) => (
            <tr key={t.id}>
              <td>
                <input
                  aria-label={`Name of team ${t.id}`}
                  defaultValue={t.name}
                  onBlur={(e) => {
                    const name = e.target.value.trim();
                    if (name && name !== t.name) update.mutate({ id: t.id, changes: { name } });
                  }}
                />
              </td>
              <td>
                <code>{t.id}</code>
              </td>
              <td>
                <select
                  aria-label={`Manager of team ${t.id}`}
                  value={t.managerId ?? ''}
                  onChange={(e) => update.mutate({ id: t.id, changes: { managerId: e.target.value || null } })}
                >
                  <ManagerOptions managers={managers} />
                </select>
              </td>
              <td>{t.members.map((m) => m.name).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
