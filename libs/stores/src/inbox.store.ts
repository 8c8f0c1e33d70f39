import type { Queryable } from './queryable';

/**
 * The rep inbox's read model over `tasks`, `leads`, `lead_features`, `segment_memberships`, `segments`, `sla_clocks`,
 * `runs`, `playbooks`, `events`, `reps` and `teams`. Writes go through the tables' own stores.
 */

/** An open task with everything a rep needs to act on it. */
export interface InboxRow {
  id: string;
  title: string;
  description: string | null;
  taskType: string;
  priority: string;
  dueAt: Date;
  createdAt: Date;
  assigneeId: string | null;
  runId: string | null;
  nodeId: string | null;
  touch: { channel: string; body: string } | null;
  slaDueAt: Date | null;
  slaBreached: boolean;
  score: number;
  lead: {
    id: string;
    name: string | null;
    company: string | null;
    email: string | null;
    phone: string | null;
    linkedinUrl: string | null;
    city: string | null;
    country: string | null;
  };
  // json_build_object output: timestamps arrive as ISO strings.
  segment: { id: string; name: string; enteredAt: string; enterReason: string } | null;
  step: { playbookId: string; playbookName: string; version: number; nodeId: string | null } | null;
  recentEvents: { type: string; occurredAt: string; data: unknown }[];
}

/** What ranking an open task needs (libs/routing rankTask): its priority, deadlines and the lead's likelihood. */
export interface InboxCandidateRow {
  id: string;
  leadId: string;
  priority: string;
  dueAt: Date;
  slaDueAt: Date | null;
  slaBreached: boolean;
  /** The lead's score in [0, 1] ({@link CONVERSION_LIKELIHOOD}): the likelihood when no propensity model answers. */
  likelihood: number;
}

// The inbox's fallback conversion likelihood: the lead's score (libs/scoring leadScore, 0–100) scaled to [0, 1]; the
// API replaces it with the calibrated conversion probability wherever the propensity model gives one.
const CONVERSION_LIKELIHOOD = `LEAST(1, GREATEST(0, COALESCE(f.score, 0) / 100.0))::float8`;

// The lead's open first-touch SLA clock (of its current segment entry) beside each task.
const SLA_CLOCK_JOINS = `
  LEFT JOIN segment_memberships m ON m.lead_id = t.lead_id AND m.left_at IS NULL
  LEFT JOIN sla_clocks c ON c.membership_id = m.id AND c.first_touch_at IS NULL`;
const SLA_BREACHED = `COALESCE(c.breached_at IS NOT NULL OR c.due_at < $2, false)`;

// The open tasks of $1 (null: every assignee) that are not snoozed at $2, with what ranks them: small rows, so a
// rep's whole open list is ranked in TypeScript by the documented rule before the page is read.
const CANDIDATES_SQL = `
SELECT t.id, t.lead_id AS "leadId", t.priority, t.due_at AS "dueAt", c.due_at AS "slaDueAt", ${SLA_BREACHED} AS "slaBreached",
       ${CONVERSION_LIKELIHOOD} AS likelihood
  FROM tasks t
  LEFT JOIN lead_features f ON f.lead_id = t.lead_id ${SLA_CLOCK_JOINS}
 WHERE t.status = 'open' AND ($1::text IS NULL OR t.assignee_id = $1)
   AND (t.snoozed_until IS NULL OR t.snoozed_until <= $2)`;

// The inbox rows of the tasks $1 at $2, in no particular order (the caller ranked them).
const INBOX_ROWS_SQL = `
SELECT t.id, t.title, t.description, t.task_type AS "taskType", t.priority, t.due_at AS "dueAt", t.created_at AS "createdAt",
       t.assignee_id AS "assigneeId", t.run_id AS "runId", t.node_id AS "nodeId", t.touch,
       c.due_at AS "slaDueAt", ${SLA_BREACHED} AS "slaBreached",
       COALESCE(f.score, 0)::float8 AS score,
       json_build_object('id', l.id, 'name', l.name, 'company', l.company, 'email', l.email, 'phone', l.phone,
                         'linkedinUrl', l.linkedin_url, 'city', l.city, 'country', l.country) AS lead,
       CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'name', s.name, 'enteredAt', m.entered_at,
            'enterReason', m.enter_reason) END AS segment,
       CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('playbookId', r.playbook_id, 'playbookName', p.name,
            'version', r.playbook_version, 'nodeId', t.node_id) END AS step,
       COALESCE(ev.recent, '[]') AS "recentEvents"
  FROM tasks t
  JOIN leads l ON l.id = t.lead_id
  LEFT JOIN lead_features f ON f.lead_id = t.lead_id ${SLA_CLOCK_JOINS}
  LEFT JOIN segments s ON s.id = m.segment_id
  LEFT JOIN runs r ON r.id = t.run_id
  LEFT JOIN playbooks p ON p.id = r.playbook_id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('type', e.type, 'occurredAt', e.occurred_at, 'data', e.data) ORDER BY e.occurred_at DESC) AS recent
      FROM (SELECT * FROM events e WHERE e.lead_id = t.lead_id ORDER BY e.occurred_at DESC LIMIT 5) e
  ) ev ON true
 WHERE t.id = ANY($1::uuid[]) AND t.status = 'open'`;

/**
 * The open tasks of `repId` (null: of every rep) that are not snoozed at `now`, with what ranks them.
 *
 * @example
 * const ranked = rankInboxTasks(await inboxCandidatesOf(manager, 'rep-1', now), now);
 */
export function inboxCandidatesOf(q: Queryable, repId: string | null, now: Date): Promise<InboxCandidateRow[]> {
  return q.query(CANDIDATES_SQL, [repId, now]);
}

/**
 * The inbox rows of `taskIds` at `now`, in the order of `taskIds` (a task closed meanwhile is left out).
 *
 * @example
 * const rows = await inboxRowsOf(manager, ranked.slice(0, 50).map((t) => t.id), now);
 */
export async function inboxRowsOf(q: Queryable, taskIds: readonly string[], now: Date): Promise<InboxRow[]> {
  if (!taskIds.length) return [];
  const rows: InboxRow[] = await q.query(INBOX_ROWS_SQL, [taskIds, now]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return taskIds.flatMap((id) => byId.get(id) ?? []);
}

/** A task with what deciding who may act on it needs: its lead, assignee, status and the assignee's team manager. */
export interface ActionableTask {
  id: string;
  lead_id: string;
  assignee_id: string | null;
  status: string;
  manager_id: string | null;
}

/** The task with its assignee's team manager, or null. */
export async function findActionableTask(q: Queryable, taskId: string): Promise<ActionableTask | null> {
  const rows: ActionableTask[] = await q.query(
    `SELECT t.id, t.lead_id, t.assignee_id, t.status, tm.manager_id
       FROM tasks t LEFT JOIN reps r ON r.id = t.assignee_id LEFT JOIN teams tm ON tm.id = r.team_id
      WHERE t.id = $1`,
    [taskId],
  );
  return rows[0] ?? null;
}

/** The active rep with this id and their team's manager, or null (a task may only be given to an active rep). */
export async function findActiveRepWithManager(
  q: Queryable,
  repId: string,
): Promise<{ id: string; manager_id: string | null } | null> {
  const rows: Array<{ id: string; manager_id: string | null }> = await q.query(
    `SELECT r.id, t.manager_id FROM reps r JOIN teams t ON t.id = r.team_id WHERE r.id = $1 AND r.active`,
    [repId],
  );
  return rows[0] ?? null;
}

/** Which of `repIds` are reps of a team the manager leads (a manager's inbox stream follows their tasks). */
export async function repsManagedBy(q: Queryable, managerId: string, repIds: readonly string[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await q.query(
    `SELECT r.id FROM reps r JOIN teams t ON t.id = r.team_id WHERE t.manager_id = $1 AND r.id = ANY($2::text[])`,
    [managerId, repIds],
  );
  return rows.map((r) => r.id);
}
