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
    city: string | null;
    country: string | null;
  };
  // json_build_object output: timestamps arrive as ISO strings.
  segment: { id: string; name: string; enteredAt: string; enterReason: string } | null;
  step: { playbookId: string; playbookName: string; version: number; nodeId: string | null } | null;
  recentEvents: { type: string; occurredAt: string; data: unknown }[];
}

// The rep's open tasks in one statement: SLA due time first (a lead whose first-touch clock runs out soonest), then
// the lead's score (libs/scoring leadScore), then the task's own due time. Snoozed tasks stay out until their snooze
// ends. $1 = assignee (null: every assignee), $2 = now, $3 = limit.
const INBOX_SQL = `
SELECT t.id, t.title, t.description, t.task_type AS "taskType", t.priority, t.due_at AS "dueAt", t.created_at AS "createdAt",
       t.assignee_id AS "assigneeId", t.run_id AS "runId", t.node_id AS "nodeId", t.touch,
       c.due_at AS "slaDueAt", (c.breached_at IS NOT NULL OR c.due_at < $2) AS "slaBreached",
       COALESCE(f.score, 0)::float8 AS score,
       json_build_object('id', l.id, 'name', l.name, 'company', l.company, 'email', l.email, 'phone', l.phone,
                         'city', l.city, 'country', l.country) AS lead,
       CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'name', s.name, 'enteredAt', m.entered_at,
            'enterReason', m.enter_reason) END AS segment,
       CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('playbookId', r.playbook_id, 'playbookName', p.name,
            'version', r.playbook_version, 'nodeId', t.node_id) END AS step,
       COALESCE(ev.recent, '[]') AS "recentEvents"
  FROM tasks t
  JOIN leads l ON l.id = t.lead_id
  LEFT JOIN lead_features f ON f.lead_id = t.lead_id
  LEFT JOIN segment_memberships m ON m.lead_id = t.lead_id AND m.left_at IS NULL
  LEFT JOIN segments s ON s.id = m.segment_id
  LEFT JOIN sla_clocks c ON c.membership_id = m.id AND c.first_touch_at IS NULL
  LEFT JOIN runs r ON r.id = t.run_id
  LEFT JOIN playbooks p ON p.id = r.playbook_id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('type', e.type, 'occurredAt', e.occurred_at, 'data', e.data) ORDER BY e.occurred_at DESC) AS recent
      FROM (SELECT * FROM events e WHERE e.lead_id = t.lead_id ORDER BY e.occurred_at DESC LIMIT 5) e
  ) ev ON true
 WHERE t.status = 'open' AND ($1::text IS NULL OR t.assignee_id = $1)
   AND (t.snoozed_until IS NULL OR t.snoozed_until <= $2)
 ORDER BY COALESCE(c.due_at, t.due_at) ASC, score DESC, t.due_at ASC, t.id
 LIMIT $3`;

/**
 * The open, unsnoozed tasks of `repId` (null: of every rep) at `now`, most urgent first.
 *
 * @example
 * const items = await inboxOf(manager, 'rep-1', new Date(), 50);
 */
export function inboxOf(q: Queryable, repId: string | null, now: Date, limit: number): Promise<InboxRow[]> {
  return q.query(INBOX_SQL, [repId, now, limit]);
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
