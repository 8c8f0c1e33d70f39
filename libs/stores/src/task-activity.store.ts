import type { Queryable } from './queryable';

/** Owner of `task_activity`: the history of a task (notes, snoozes, completion, reassignments). */

export type TaskActivityKind = 'note' | 'snoozed' | 'completed' | 'reassigned';

export interface TaskActivityRow {
  kind: TaskActivityKind;
  actorId: string | null;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Appends an entry to the task's history; `actorId` null for the system (an SLA escalation).
 *
 * @example
 * await addTaskActivity(manager, { taskId, kind: 'note', actorId: 'u1', body: 'Called, no answer', data: {} });
 */
export async function addTaskActivity(
  q: Queryable,
  entry: { taskId: string; kind: TaskActivityKind; actorId: string | null; body: string | null; data: object },
): Promise<void> {
  await q.query(`INSERT INTO task_activity (task_id, kind, actor_id, body, data) VALUES ($1, $2, $3, $4, $5)`, [
    entry.taskId,
    entry.kind,
    entry.actorId,
    entry.body,
    entry.data,
  ]);
}

/** The task's history, oldest first. */
export function taskActivityOf(q: Queryable, taskId: string): Promise<TaskActivityRow[]> {
  return q.query(
    `SELECT kind, actor_id AS "actorId", body, data, created_at AS "createdAt" FROM task_activity WHERE task_id = $1 ORDER BY id`,
    [taskId],
  );
}

/**
 * Clears the notes and reasons written on the lead's tasks (free text that may name the lead); who did what, when stays.
 * @example await eraseTaskActivityOfLead(manager, leadId);
 */
export async function eraseTaskActivityOfLead(db: Queryable, leadId: string): Promise<void> {
  await db.query(
    `UPDATE task_activity a SET body = NULL FROM tasks t WHERE t.id = a.task_id AND t.lead_id = $1 AND a.body IS NOT NULL`,
    [leadId],
  );
}
