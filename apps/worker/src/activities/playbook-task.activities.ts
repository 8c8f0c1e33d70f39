import type { CommandResult } from '@segflow/playbook';
import type { CancelOpenTasksInput, CreateTaskInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

/** Rep tasks created by runs; idempotent on (run, node, visit). */
export function createPlaybookTaskActivities({ pool }: { pool: Pool }) {
  return {
    async createTask({ runId, command }: CreateTaskInput): Promise<CommandResult> {
      await pool.query(
        `INSERT INTO tasks (run_id, lead_id, node_id, visit, task_type, title, description, priority, due_at, assignee_id, wait_for_completion, touch)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (run_id, node_id, visit) DO NOTHING`,
        [runId, command.leadId, command.nodeId, command.visit, command.taskType, command.title, command.description,
          command.priority, command.dueAt, command.assigneeId, command.waitForCompletion, command.touch ? JSON.stringify(command.touch) : null],
      );
      return { kind: 'ok' };
    },

    /** Cancels every open task of the run (the run exited); returns how many were cancelled. */
    async cancelOpenTasks({ runId }: CancelOpenTasksInput): Promise<number> {
      const result = await pool.query(
        `UPDATE tasks SET status = 'cancelled', outcome = 'run-ended', closed_at = now() WHERE run_id = $1 AND status = 'open'`,
        [runId],
      );
      return result.rowCount ?? 0;
    },
  };
}
