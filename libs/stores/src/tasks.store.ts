import type { CreateTaskInput } from '@segflow/workflow-contracts';
import type { Queryable } from './queryable';
import { returnedRows } from './returned-rows';

/** Owner of `tasks`: rep tasks created by runs (keyed by run, node, visit), closed by a rep or cancelled with their run. */

export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface TaskRow {
  id: string;
  runId: string | null;
  leadId: string;
  nodeId: string | null;
  visit: number | null;
  taskType: string;
  title: string;
  description: string | null;
  priority: string;
  dueAt: Date;
  assigneeId: string | null;
  waitForCompletion: boolean;
  touch: { channel: string; body: string } | null;
  status: TaskStatus;
  outcome: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

const TASK_COLUMNS = `id, run_id AS "runId", lead_id AS "leadId", node_id AS "nodeId", visit, task_type AS "taskType", title, description,
  priority, due_at AS "dueAt", assignee_id AS "assigneeId", wait_for_completion AS "waitForCompletion", touch, status, outcome,
  created_at AS "createdAt", closed_at AS "closedAt"`;

/**
 * Creates the run's task for the command's (node, visit) once: a repeat of the same key is dropped.
 *
 * @example
 * await insertRunTask(rowsOf(pool), { runId, command });
 */
export async function insertRunTask(q: Queryable, { runId, command }: CreateTaskInput): Promise<void> {
  await q.query(
    `INSERT INTO tasks (run_id, lead_id, node_id, visit, task_type, title, description, priority, due_at, assignee_id, wait_for_completion, touch)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (run_id, node_id, visit) DO NOTHING`,
    [
      runId,
      command.leadId,
      command.nodeId,
      command.visit,
      command.taskType,
      command.title,
      command.description,
      command.priority,
      command.dueAt,
      command.assigneeId,
      command.waitForCompletion,
      command.touch ? JSON.stringify(command.touch) : null,
    ],
  );
}

/** Cancels every open task of the run (the run exited); returns how many were cancelled. */
export async function cancelOpenTasksOfRun(q: Queryable, runId: string): Promise<number> {
  const rows = returnedRows(
    await q.query(
      `UPDATE tasks SET status = 'cancelled', outcome = 'run-ended', closed_at = now() WHERE run_id = $1 AND status = 'open' RETURNING id`,
      [runId],
    ),
  );
  return rows.length;
}

/** The task with this id, or null. */
export async function findTask(q: Queryable, id: string): Promise<TaskRow | null> {
  const rows: TaskRow[] = await q.query(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The run's tasks, oldest first. */
export function tasksOfRun(q: Queryable, runId: string): Promise<TaskRow[]> {
  return q.query(`SELECT ${TASK_COLUMNS} FROM tasks WHERE run_id = $1 ORDER BY created_at ASC`, [runId]);
}

/** Closes the task as done with the outcome, at `closedAt`. */
export async function closeTask(q: Queryable, id: string, outcome: string, closedAt: Date): Promise<void> {
  await q.query(`UPDATE tasks SET status = 'done', outcome = $2, closed_at = $3 WHERE id = $1`, [
    id,
    outcome,
    closedAt,
  ]);
}

/** Records which user completes the task (before it is closed). */
export async function setTaskCompletedBy(q: Queryable, id: string, userId: string): Promise<void> {
  await q.query(`UPDATE tasks SET completed_by = $2 WHERE id = $1`, [id, userId]);
}

/** Hides an open task from the inbox until `until`. */
export async function snoozeTask(q: Queryable, id: string, until: Date): Promise<void> {
  await q.query(`UPDATE tasks SET snoozed_until = $2 WHERE id = $1 AND status = 'open'`, [id, until]);
}

/** Gives the task to another rep. */
export async function assignTask(q: Queryable, id: string, repId: string): Promise<void> {
  await q.query(`UPDATE tasks SET assignee_id = $2 WHERE id = $1`, [id, repId]);
}

/** Gives every open task of the lead to the rep; returns the ids of the moved tasks. */
export async function assignOpenTasksOfLead(q: Queryable, leadId: string, repId: string): Promise<string[]> {
  const rows = returnedRows<{ id: string }>(
    await q.query(`UPDATE tasks SET assignee_id = $2 WHERE lead_id = $1 AND status = 'open' RETURNING id`, [
      leadId,
      repId,
    ]),
  );
  return rows.map((r) => r.id);
}

/**
 * Clears the texts of the lead's tasks (titles and descriptions are rendered with the lead's name, drafts hold
 * messages); type, priority, status and times stay for the SLA figures.
 * @example await eraseTaskContentOfLead(manager, leadId);
 */
export async function eraseTaskContentOfLead(db: Queryable, leadId: string): Promise<void> {
  await db.query(`UPDATE tasks SET title = '[erased]', description = NULL, touch = NULL WHERE lead_id = $1`, [leadId]);
}
