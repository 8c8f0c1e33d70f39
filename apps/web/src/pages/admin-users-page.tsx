import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamSummary, UpdateUserRequest, UserRole, UserSummary } from '@segflow/api-contracts';
import { useState, type FormEvent } from 'react';
import { createUser, listUsers, updateUser } from '../api/admin';
import { listTeams } from '../api/calendars';
import { queryKeys } from '../query/keys';
import { oneTimePassword } from './one-time-password';

const ROLES: readonly UserRole[] = ['rep', 'manager', 'ops', 'admin'];

function TeamOptions({ teams }: { teams: TeamSummary[] | undefined }) {
  return (
    <>
      <option value="">No team</option>
      {(teams ?? []).map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </>
  );
}

/** A password the admin must hand over now: it is not shown again. */
interface HandOver {
  email: string;
  password: string;
  why: 'created' | 'reset';
}

/**
 * `/admin/users` (admin): every user with their role and team; create one (with a one-time password to hand over),
 * change a role or team, reset a password or deactivate — the last two end the user's sessions at once.
 */
export function AdminUsersPage() {
  const queryClient = useQueryClient();
  const { data: users, error: loadError } = useQuery({ queryKey: queryKeys.users.all, queryFn: () => listUsers() });
  const { data: teams } = useQuery({ queryKey: queryKeys.calendars.teams, queryFn: listTeams });
  const [handOver, setHandOver] = useState<HandOver | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all });

  const create = useMutation({
    mutationFn: createUser,
    onSuccess: (user, body) => {
      setHandOver({ email: user.email, password: body.password, why: 'created' });
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserRequest }) => updateUser(id, changes),
    onSuccess: (user, { changes }) => {
      if (changes.password) setHandOver({ email: user.email, password: changes.password, why: 'reset' });
      void refresh();
    },
  });
  const error = (create.error ?? update.error ?? loadError)?.message;

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const teamId = String(form.get('teamId') ?? '');
    create.mutate({
      name: String(form.get('name')),
      email: String(form.get('email')),
      role: String(form.get('role')) as UserRole,
      teamId: teamId || null,
      password: oneTimePassword(),
    });
    event.currentTarget.reset();
  };
  const change = (user: UserSummary, changes: UpdateUserRequest) => update.mutate({ id: user.id, changes });

  return (
    <section>
      <h1>Users</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {handOver && (
        <div role="status" className="notice" aria-label="One-time password">
          <p>
            {handOver.why === 'created' ? 'Created' : 'Password reset for'} <strong>{handOver.email}</strong>. Their
            password, shown only now — hand it over; they can change it under Account:
          </p>
          <code data-testid="one-time-password">{handOver.password}</code>{' '}
          <button type="button" onClick={() => setHandOver(null)}>
            Done
          </button>
        </div>
      )}
      <form className="inline-form" aria-label="New user" onSubmit={onCreate}>
        <input name="name" placeholder="Name" aria-label="Name" required maxLength={200} />
        <input name="email" type="email" placeholder="Email" aria-label="Email" required />
        <select name="role" aria-label="Role" defaultValue="rep">
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <select name="teamId" aria-label="Team" defaultValue="">
          <TeamOptions teams={teams} />
        </select>
        <button type="submit" disabled={create.isPending}>
          Create user
        </button>
      </form>
      <table className="table" aria-label="Users">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Team</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'muted'}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role}
                  onChange={(e) => change(u, { role: e.target.value as UserRole })}
                >
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={`Team of ${u.email}`}
                  value={u.teamId ?? ''}
                  onChange={(e) => change(u, { teamId: e.target.value || null })}
                >
                  <TeamOptions teams={teams} />
                </select>
              </td>
              <td>{u.active ? 'active' : 'deactivated'}</td>
              <td>
                <button type="button" onClick={() => change(u, { password: oneTimePassword() })}>
                  Reset password
                </button>{' '}
                <button type="button" onClick={() => change(u, { active: !u.active })}>
                  {u.active ? 'Deactivate' : 'Activate'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
