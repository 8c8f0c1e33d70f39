import type { PathEntry, RunState } from '@segflow/playbook';
import type { Queryable } from './queryable';

/**
 * Owner of `runs` and of `run_steps`, the per-visit mirror of a run's path: the two are written together (a run's
 * first steps with its row, every later change of state with its steps), so one module keeps both.
 */

/** `heldOut`: the lead fell in the binding's holdout (control) group; no workflow runs. */
export type RunRowStatus = 'active' | 'converted' | 'exited' | 'completed' | 'heldOut';

/** One run of a lead through a published playbook version; mirrored from the workflow by {@link recordRunState}. */
export interface RunRow {
  id: string;
  leadId: string;
  playbookId: string;
  playbookVersionId: string;
  playbookVersion: number;
  segmentId: string | null;
  membershipId: string | null;
  status: RunRowStatus;
  exitReason: string | null;
  currentNodeId: string | null;
  path: PathEntry[];
  temporalWorkflowId: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

const RUN_COLUMNS = `id, lead_id AS "leadId", playbook_id AS "playbookId", playbook_version_id AS "playbookVersionId",
  playbook_version AS "playbookVersion", segment_id AS "segmentId", membership_id AS "membershipId", status,
  exit_reason AS "exitReason", current_node_id AS "currentNodeId", path, temporal_workflow_id AS "temporalWorkflowId",
  started_at AS "startedAt", ended_at AS "endedAt"`;

/**
 * Mirrors a path into `run_steps` (one row per node visit; a repeated step updates its outcome); $1 the run id, $2
 * the path as JSON. The API writes a run's starting path with it, the worker every later change.
 */
const UPSERT_RUN_STEPS_SQL = `
  INSERT INTO run_steps (run_id, node_id, visit, entered_at, outcome, note, left_at)
  SELECT $1, s."nodeId", s.visit, s."enteredAt", s.outcome, s.note, s."leftAt"
  FROM jsonb_to_recordset($2::jsonb) AS s("nodeId" text, visit int, "enteredAt" timestamptz, outcome text, note text, "leftAt" timestamptz)
  ON CONFLICT (run_id, node_id, visit) DO UPDATE SET outcome = EXCLUDED.outcome, note = EXCLUDED.note, left_at = EXCLUDED.left_at`;

/** A run's row and its first steps in one round trip (a launch is on the path of every run start). */
const INSERT_STARTED_RUN_SQL = `
WITH run AS (
  INSERT INTO runs (id, path, lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, membership_id, status,
                    exit_reason, current_node_id, temporal_workflow_id, started_at, ended_at)
  VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
)
${UPSERT_RUN_STEPS_SQL}`;

const runParams = (run: RunRow) => [
  run.id,
  JSON.stringify(run.path),
  run.leadId,
  run.playbookId,
  run.playbookVersionId,
  run.playbookVersion,
  run.segmentId,
  run.membershipId,
  run.status,
  run.exitReason,
  run.currentNodeId,
  run.temporalWorkflowId,
  run.startedAt,
  run.endedAt,
];

/**
 * Inserts a started run with the steps of its path (the worker upserts later steps the same way).
 *
 * @example
 * await insertStartedRun(manager, run);
 */
export async function insertStartedRun(q: Queryable, run: RunRow): Promise<void> {
  await q.query(INSERT_STARTED_RUN_SQL, runParams(run));
}

/** Inserts a run that never starts (held out: ended at once, no path, no workflow). */
export async function insertHeldOutRun(q: Queryable, run: RunRow): Promise<void> {
  await q.query(
    `INSERT INTO runs (id, path, lead_id, playbook_id, playbook_version_id, playbook_version, segment_id, membership_id, status,
                       exit_reason, current_node_id, temporal_workflow_id, started_at, ended_at)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    runParams(run),
  );
}

/**
 * Mirrors the interpreter's state of a run into its row and `run_steps` in one statement (it runs inside a workflow
 * task as a local activity, so its round trips are the task's latency). Never backwards: a local activity runs again
 * when its workflow task is retried, so a state older than the stored one can arrive after it; ended runs stay ended
 * and an active run's path only grows (a stale 'active' would revive an exited run beside the lead's next one). An
 * ended state always lands on an active run: a discarded task attempt may have stored a longer path than the retried
 * task, which heard an exit first, ends the run with.
 */
export async function recordRunProgress(q: Queryable, runId: string, state: RunState): Promise<void> {
  await q.query(
    `WITH run AS (
       UPDATE runs SET status = $3, exit_reason = $4, current_node_id = $5, path = $2::jsonb, ended_at = $6, updated_at = now()
        WHERE id = $1 AND status = 'active'
          AND ($3 <> 'active' OR jsonb_array_length(path) <= jsonb_array_length($2::jsonb))
       RETURNING id
     )
     INSERT INTO run_steps (run_id, node_id, visit, entered_at, outcome, note, left_at)
     SELECT run.id, s."nodeId", s.visit, s."enteredAt", s.outcome, s.note, s."leftAt"
       FROM run, jsonb_to_recordset($2::jsonb) AS s("nodeId" text, visit int, "enteredAt" timestamptz, outcome text, note text, "leftAt" timestamptz)
     ON CONFLICT (run_id, node_id, visit) DO UPDATE SET outcome = EXCLUDED.outcome, note = EXCLUDED.note, left_at = EXCLUDED.left_at`,
    [runId, JSON.stringify(state.path), state.status, state.reason ?? null, state.currentNodeId, state.endedAt ?? null],
  );
}

/** The run with this id, or null. */
export async function findRun(q: Queryable, id: string): Promise<RunRow | null> {
  const rows: RunRow[] = await q.query(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Runs filtered by lead, playbook and status (each optional), newest first. */
export interface RunFilter {
  leadId?: string;
  playbookId?: string;
  status?: RunRowStatus;
  limit: number;
}

/** The newest runs matching `filter`. */
export function listRuns(q: Queryable, filter: RunFilter): Promise<RunRow[]> {
  return q.query(
    `SELECT ${RUN_COLUMNS} FROM runs
      WHERE ($1::uuid IS NULL OR lead_id = $1) AND ($2::uuid IS NULL OR playbook_id = $2) AND ($3::text IS NULL OR status = $3)
      ORDER BY started_at DESC LIMIT $4`,
    [filter.leadId ?? null, filter.playbookId ?? null, filter.status ?? null, filter.limit],
  );
}

/** The workflow ids of the playbook's active runs (to signal a pause or resume to). */
export async function activeRunWorkflowIds(q: Queryable, playbookId: string): Promise<string[]> {
  const rows: Array<{ temporal_workflow_id: string }> = await q.query(
    `SELECT temporal_workflow_id FROM runs WHERE playbook_id = $1 AND status = 'active' AND temporal_workflow_id IS NOT NULL`,
    [playbookId],
  );
  return rows.map((r) => r.temporal_workflow_id);
}

/** How many runs of a version reached a node, wait there, exited there, and converted after passing it. */
export interface NodeReach {
  nodeId: string;
  reached: number;
  waiting: number;
  exited: number;
  converted: number;
}

/** Per-node reach of the playbook's version (held-out runs excluded); nodes no run reached are absent. */
export function nodeReachOf(q: Queryable, playbookId: string, version: number): Promise<NodeReach[]> {
  return q.query(
    `WITH version_runs AS (SELECT id, status, current_node_id FROM runs WHERE playbook_id = $1 AND playbook_version = $2 AND status <> 'heldOut')
     SELECT s.node_id AS "nodeId",
            count(DISTINCT s.run_id)::int AS reached,
            count(DISTINCT s.run_id) FILTER (WHERE r.status = 'active' AND r.current_node_id = s.node_id)::int AS waiting,
            count(DISTINCT s.run_id) FILTER (WHERE r.status = 'exited' AND r.current_node_id = s.node_id)::int AS exited,
            count(DISTINCT s.run_id) FILTER (WHERE r.status = 'converted')::int AS converted
     FROM run_steps s JOIN version_runs r ON r.id = s.run_id
     GROUP BY s.node_id`,
    [playbookId, version],
  );
}

/** A run of a lead and its workflow, for an erasure. */
export interface LeadRunWorkflow {
  id: string;
  status: RunRowStatus;
  workflowId: string | null;
}

/**
 * Every run of the lead with its workflow id (held-out runs have none).
 * @example const runs = await runWorkflowsOfLead(manager, leadId);
 */
export function runWorkflowsOfLead(q: Queryable, leadId: string): Promise<LeadRunWorkflow[]> {
  return q.query(
    `SELECT id, status, temporal_workflow_id AS "workflowId" FROM runs WHERE lead_id = $1 ORDER BY started_at`,
    [leadId],
  );
}

/**
 * Ends the lead's runs still active (their workflow did not stop in time and is being deleted) as exited `erased`.
 * @example await endActiveRunsOfErasedLead(manager, leadId, now);
 */
export async function endActiveRunsOfErasedLead(q: Queryable, leadId: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE runs SET status = 'exited', exit_reason = 'erased', ended_at = $2, updated_at = $2
      WHERE lead_id = $1 AND status = 'active'`,
    [leadId, at],
  );
}
