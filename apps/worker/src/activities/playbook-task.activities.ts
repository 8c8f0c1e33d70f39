import type { CommandResult } from '@segflow/playbook';
import { cancelOpenTasksOfRun, insertRunTask, rowsOf } from '@segflow/stores';
import type { CancelOpenTasksInput, CreateTaskInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';

/** Rep tasks created by runs; idempotent on (run, node, visit). */
export function createPlaybookTaskActivities({ pool }: { pool: Pool }) {
  return {
    async createTask(input: CreateTaskInput): Promise<CommandResult> {
      await insertRunTask(rowsOf(pool), input);
      return { kind: 'ok' };
    },

    /** Cancels every open task of the run (the run exited); returns how many were cancelled. */
    async cancelOpenTasks({ runId }: CancelOpenTasksInput): Promise<number> {
      return cancelOpenTasksOfRun(rowsOf(pool), runId);
    },
  };
}
