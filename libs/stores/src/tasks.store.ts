import type { CreateTaskInput } from '@segflow/workflow-contracts';
import type { Queryable } from './queryable';
import { returnedRows } from './returned-rows';

/**
 * Owner of `tasks`: rep tasks created by runs (keyed by run, node, visit) or by a lead's reply (keyed by its event), closed by
 * a rep or cancelled with their run.
 */

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

/** A task opened by a lead's reply (not by a run), for {@link insertReplyTasks}. */
export interface ReplyTaskRow {
  lead_id: string;
  reply_event_id: string;
  task_type: string;
  title: string;
  description: string;
  priority: string;
  due_at: string;
}

/**
 * Opens each task for the lead's owner (unassigned when the lead has none), at most once per reply: a reply that
 * already has its task (a replayed or retried event) opens nothing. In the ingest flush's transaction.
 *
 * @example
 * await insertReplyTasks(manager, [{ lead_id, reply_event_id: 'wa:wamid.1', task_type: 'confirm_unsubscribe', title, description, priority: 'high', due_at }]);
 */
export async function insertReplyTasks(q: Queryable, rows: readonly ReplyTaskRow[]): Promise<void> {
  if (!rows.length) return;
  const column = <K extends keyof ReplyTaskRow>(key: K) => rows.map((row) => row[key]);
  await q.query(
    `INSERT INTO tasks (lead_id, reply_event_id, task_type, title, description, priority, due_at, assignee_id)
     SELECT r.lead_id, r.reply_event_id, r.task_type, r.title, r.description, r.priority, r.due_at, l.owner_id
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
            AS r(lead_id, reply_event_id, task_type, title, description, priority, due_at)
       JOIN leads l ON l.id = r.lead_id
     ON CONFLICT (reply_event_id) WHERE reply_event_id IS NOT NULL DO NOTHING`,
    [
      column('lead_id'),
      column('reply_event_id'),
      column('task_type'),
      column('title'),
      column('description'),
      column('priority'),
      column('due_at'),
    ],
  );
}

/** A task opened by a reply, with that reply's event type and the lead's external id. */
export interface ReplyTask {
  id: string;
  status: TaskStatus;
  taskType: string;
  leadExternalId: string;
  replyEventId: string;
  replyType: string;
}

/** The task with this id if a reply opened it (null for run tasks and unknown ids). */
export async function findReplyTask(q: Queryable, id: string): Promise<ReplyTask | null> {
  const rows: ReplyTask[] = await q.query(
    `SELECT t.id, t.status, t.task_type AS "taskType", l.external_id AS "leadExternalId",
            t.reply_event_id AS "replyEventId", e.type AS "replyType"
       FROM tasks t JOIN leads l ON l.id = t.lead_id JOIN events e ON e.event_id = t.reply_event_id
      WHERE t.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
