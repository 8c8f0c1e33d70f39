/**
 * The statement that mirrors a run's path into `run_steps` (one row per node visit; a repeated step updates its
 * outcome), with `$1` the run id and `$2` the path (`RunState['path']`) as JSON. The API writes a run's starting
 * path with it in the transaction that creates the run, the worker's `recordProgress` every later change, so both
 * write a step the same way.
 *
 * @example
 * await client.query(UPSERT_RUN_STEPS_SQL, [runId, JSON.stringify(state.path)]);
 */
export const UPSERT_RUN_STEPS_SQL = `
  INSERT INTO run_steps (run_id, node_id, visit, entered_at, outcome, note, left_at)
  SELECT $1, s."nodeId", s.visit, s."enteredAt", s.outcome, s.note, s."leftAt"
  FROM jsonb_to_recordset($2::jsonb) AS s("nodeId" text, visit int, "enteredAt" timestamptz, outcome text, note text, "leftAt" timestamptz)
  ON CONFLICT (run_id, node_id, visit) DO UPDATE SET outcome = EXCLUDED.outcome, note = EXCLUDED.note, left_at = EXCLUDED.left_at`;
