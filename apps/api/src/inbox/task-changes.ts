import type { SessionUser } from '../auth/principal';

/** The Postgres channel the task triggers notify on (migration 1764630000000); the outbox uses its own. */
export const TASKS_CHANNEL = 'segflow_tasks';

/**
 * A change to tasks: the assignees before and after (null: unassigned), or `everyone` when listeners may have
 * missed changes (the database connection was re-established) and every inbox should refetch.
 */
export type TaskChange = { kind: 'tasks'; taskId: string | null; assignees: (string | null)[] } | { kind: 'everyone' };

/** Reads a `segflow_tasks` payload; a payload it cannot read means "refetch", never a lost change. */
export function parseTaskChange(payload: string | undefined): TaskChange {
  try {
    const parsed = JSON.parse(payload ?? '');
    if (!Array.isArray(parsed.assignees)) return { kind: 'everyone' };
    return {
      kind: 'tasks',
      taskId: typeof parsed.taskId === 'string' ? parsed.taskId : null,
      assignees: parsed.assignees,
    };
  } catch {
    return { kind: 'everyone' };
  }
}

/**
 * Whether `user`'s inbox shows tasks this change touched: reps hear of their own tasks, managers of their teams'
 * reps and of unassigned tasks (`teamRepIds` are the manager's reps), admins of all — the inbox's own access rule.
 */
export function isTaskChangeFor(user: SessionUser, change: TaskChange, teamRepIds: readonly string[] = []): boolean {
  if (change.kind === 'everyone' || user.role === 'admin') return true;
  if (user.role === 'rep') return change.assignees.includes(user.id);
  if (user.role === 'manager') return change.assignees.some((a) => a === null || teamRepIds.includes(a));
  return false;
}
