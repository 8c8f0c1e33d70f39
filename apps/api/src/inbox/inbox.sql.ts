// The rep's open tasks with everything a rep needs to act, in one statement: SLA due time first (a lead whose
// first-touch clock runs out soonest), then the lead's score (libs/scoring leadScore), then the task's own due time.
// Snoozed tasks stay out until their snooze ends. $1 = assignee (null: every assignee), $2 = now, $3 = limit.
export const INBOX_SQL = `
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
