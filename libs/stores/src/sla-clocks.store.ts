import type { Queryable } from './queryable';
import { returnedRows } from './returned-rows';

/**
 * Owner of `sla_clocks`: one first-touch clock per segment entry under a policy, opened, recounted, stopped by the
 * first touch and escalated by the SLA monitor.
 */

// One replica runs a tick at a time; the others skip it.
const SLA_TICK_LOCK = 7_640_000_002;

/**
 * Takes the SLA tick's advisory lock for the caller's transaction; false when another replica holds it.
 *
 * @example
 * if (!(await tryLockSlaTick(tx))) return null;
 */
export async function tryLockSlaTick(q: Queryable): Promise<boolean> {
  const [{ locked }]: Array<{ locked: boolean }> = await q.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
    SLA_TICK_LOCK,
  ]);
  return locked;
}

/** A clock to open: the entry, its policy and run, and the due time counted for `owner_id`. */
export interface NewClock {
  membership_id: string;
  lead_id: string;
  segment_id: string;
  policy_id: string;
  playbook_id: string | null;
  playbook_version: number | null;
  run_id: string | null;
  entered_at: Date | string;
  due_at: string;
  owner_id: string | null;
}

/** Opens the clocks (an entry already clocked keeps its clock). */
export async function insertClocks(q: Queryable, clocks: readonly NewClock[]): Promise<void> {
  await q.query(
    `INSERT INTO sla_clocks (membership_id, lead_id, segment_id, policy_id, playbook_id, playbook_version, run_id, entered_at, due_at, calendar_rep_id)
     SELECT x.membership_id, x.lead_id, x.segment_id, x.policy_id, x.playbook_id, x.playbook_version, x.run_id, x.entered_at, x.due_at, x.owner_id
       FROM jsonb_to_recordset($1::jsonb) AS x(membership_id uuid, lead_id uuid, segment_id uuid, policy_id uuid, playbook_id uuid,
            playbook_version int, run_id uuid, entered_at timestamptz, due_at timestamptz, owner_id text)
     ON CONFLICT (membership_id) DO NOTHING`,
    [JSON.stringify(clocks)],
  );
}

// The two updates below take the rows' ids beside the rows (`= ANY`): Postgres guesses 100 rows for any
// jsonb_to_recordset, and on a table of some thousands of clocks that made it hash-join all of them for a few rows.

/** A recounted due time, counted for `owner_id` as of the owner's calendar epoch. */
export interface RecountedDueTime {
  membership_id: string;
  due_at: string;
  owner_id: string | null;
  calendar_epoch: number;
}

/** Sets the clocks' recounted due times. */
export async function updateDueTimes(q: Queryable, rows: readonly RecountedDueTime[]): Promise<void> {
  await q.query(
    `UPDATE sla_clocks c SET due_at = x.due_at, calendar_rep_id = x.owner_id, counted_epoch = x.calendar_epoch
       FROM jsonb_to_recordset($1::jsonb) AS x(membership_id uuid, due_at timestamptz, owner_id text, calendar_epoch int)
      WHERE c.membership_id = x.membership_id AND c.membership_id = ANY($2::uuid[])`,
    [JSON.stringify(rows), rows.map((row) => row.membership_id)],
  );
}

/** A clock's first touch with its time split (system / human delay) and the run it came from. */
export interface FirstTouch {
  membership_id: string;
  first_touch_at: string | Date;
  kind: string;
  channel?: string | null;
  rep_id?: string | null;
  ttft_ms: number;
  system_delay_ms?: number | null;
  human_delay_ms?: number | null;
  run_id?: string | null;
  playbook_id?: string | null;
  playbook_version?: number | null;
}

/** Stops the clocks at their first touch (a run, playbook or version already on a clock is kept). */
export async function recordFirstTouches(q: Queryable, rows: readonly FirstTouch[]): Promise<void> {
  await q.query(
    `UPDATE sla_clocks c SET first_touch_at = x.first_touch_at, first_touch_kind = x.kind, channel = x.channel, rep_id = x.rep_id,
            ttft_ms = x.ttft_ms, system_delay_ms = x.system_delay_ms, human_delay_ms = x.human_delay_ms,
            run_id = COALESCE(c.run_id, x.run_id), playbook_id = COALESCE(c.playbook_id, x.playbook_id),
            playbook_version = COALESCE(c.playbook_version, x.playbook_version)
       FROM jsonb_to_recordset($1::jsonb) AS x(membership_id uuid, first_touch_at timestamptz, kind text, channel text, rep_id text,
            ttft_ms float8, system_delay_ms float8, human_delay_ms float8, run_id uuid, playbook_id uuid, playbook_version int)
      WHERE c.membership_id = x.membership_id AND c.membership_id = ANY($2::uuid[])`,
    [JSON.stringify(rows), rows.map((row) => row.membership_id)],
  );
}

/** A clock that ran out untouched. */
export interface BreachedClock {
  membership_id: string;
  lead_id: string;
  segment_id: string;
  policy_id: string | null;
  due_at: Date;
}

/** Claims up to 500 clocks that ran out untouched by `now`, once (SKIP LOCKED lets replicas share the work). */
export async function claimBreaches(q: Queryable, now: Date): Promise<BreachedClock[]> {
  return returnedRows(
    await q.query(
      `UPDATE sla_clocks c SET breached_at = $1
       FROM (SELECT membership_id FROM sla_clocks WHERE first_touch_at IS NULL AND breached_at IS NULL AND due_at <= $1
              ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED) due
      WHERE c.membership_id = due.membership_id
     RETURNING c.membership_id, c.lead_id, c.segment_id, c.policy_id, c.due_at`,
      [now],
    ),
  );
}

/** Records that the clock's breach was escalated at `at`. */
export async function markClockEscalated(q: Queryable, membershipId: string, at: Date): Promise<void> {
  await q.query(`UPDATE sla_clocks SET escalated_at = $2 WHERE membership_id = $1`, [membershipId, at]);
}

/**
 * Marks the open business-clock clocks of the leads owned by these reps (or by a team's reps) for a due-time
 * recount at the next SLA check: their owner's calendar changed. Counted by epoch, so an edit during a running
 * check is not lost.
 *
 * @example
 * await markClocksStale(tx, { repIds: ['rep-1'], teamId: null });
 */
export async function markClocksStale(
  q: Queryable,
  owners: { repIds: readonly string[]; teamId: string | null },
): Promise<void> {
  await q.query(
    `UPDATE sla_clocks c SET calendar_epoch = c.calendar_epoch + 1
       FROM leads l
      WHERE l.id = c.lead_id AND c.first_touch_at IS NULL AND c.breached_at IS NULL
        AND (l.owner_id = ANY($1::text[]) OR l.owner_id IN (SELECT r.id FROM reps r WHERE r.team_id = $2))`,
    [owners.repIds, owners.teamId],
  );
}
