import { repCalendarSourcesJoin } from '@segflow/stores';

// Segment entries (last 7 days) that have an SLA policy but no clock yet, with the calendar sources of the lead's
// owner. A playbook-specific policy of the entry's run wins over the segment's. Entries held out of their playbook
// get no clock: nobody is meant to touch them (an entry clocked before its holdout run appeared keeps its clock).
// The segment filter repeats what the policy join implies so the scan starts from the segments that have a policy
// (none, or a few): this runs every SLA_CHECK_INTERVAL_MS beside ingest, and without it every recent entry was read.
// $1 = now.
export const UNCLOCKED_ENTRIES_SQL = `
SELECT m.id AS membership_id, m.lead_id, m.segment_id, m.entered_at, r.id AS run_id, r.playbook_id, r.playbook_version,
       p.id AS policy_id, p.first_touch_minutes, p.clock, p.calendar, l.owner_id, rc.*
  FROM segment_memberships m
  JOIN leads l ON l.id = m.lead_id
  LEFT JOIN runs r ON r.membership_id = m.id::text AND r.status <> 'heldOut'
  JOIN LATERAL (
    SELECT * FROM sla_policies sp
     WHERE sp.segment_id = m.segment_id AND (sp.playbook_id IS NULL OR sp.playbook_id = r.playbook_id)
     ORDER BY sp.playbook_id NULLS LAST LIMIT 1
  ) p ON true
  ${repCalendarSourcesJoin('l.owner_id', 'm.entered_at')}
 WHERE m.entered_at > $1::timestamptz - interval '7 days'
   AND m.segment_id IN (SELECT segment_id FROM sla_policies)
   AND NOT EXISTS (SELECT 1 FROM sla_clocks c WHERE c.membership_id = m.id)
   AND NOT EXISTS (SELECT 1 FROM runs h WHERE h.membership_id = m.id::text AND h.status = 'heldOut')
 LIMIT 1000`;

export const INSERT_CLOCKS_SQL = `
INSERT INTO sla_clocks (membership_id, lead_id, segment_id, policy_id, playbook_id, playbook_version, run_id, entered_at, due_at, calendar_rep_id)
SELECT x.membership_id, x.lead_id, x.segment_id, x.policy_id, x.playbook_id, x.playbook_version, x.run_id, x.entered_at, x.due_at, x.owner_id
  FROM jsonb_to_recordset($1::jsonb) AS x(membership_id uuid, lead_id uuid, segment_id uuid, policy_id uuid, playbook_id uuid,
       playbook_version int, run_id uuid, entered_at timestamptz, due_at timestamptz, owner_id text)
ON CONFLICT (membership_id) DO NOTHING`;

// Business-clock clocks still running whose due time was counted for another rep than the lead's owner now
// (reassigned) or before the owner's calendar last changed: their due time is counted again.
export const STALE_DUE_TIMES_SQL = `
SELECT c.membership_id, c.entered_at, c.calendar_epoch, l.owner_id, p.first_touch_minutes, p.clock, p.calendar, rc.*
  FROM sla_clocks c
  JOIN leads l ON l.id = c.lead_id
  JOIN sla_policies p ON p.id = c.policy_id
  ${repCalendarSourcesJoin('l.owner_id', 'c.entered_at')}
 WHERE c.first_touch_at IS NULL AND c.breached_at IS NULL AND p.clock = 'business'
   AND (c.calendar_rep_id IS DISTINCT FROM l.owner_id OR c.counted_epoch <> c.calendar_epoch)
 LIMIT 1000`;

// The two updates below take the rows' ids beside the rows ($2, `= ANY`): Postgres guesses 100 rows for any
// jsonb_to_recordset, and on a table of some thousands of clocks that made it hash-join all of them for a few rows.
export const UPDATE_DUE_TIMES_SQL = `
UPDATE sla_clocks c SET due_at = x.due_at, calendar_rep_id = x.owner_id, counted_epoch = x.calendar_epoch
  FROM jsonb_to_recordset($1::jsonb) AS x(membership_id uuid, due_at timestamptz, owner_id text, calendar_epoch int)
 WHERE c.membership_id = x.membership_id AND c.membership_id = ANY($2::uuid[])`;

// Open clocks whose lead got its first touch: the earliest sent touch or completed task created after the entry,
// with the calendar sources of the rep the due time was counted for (business time to first touch uses it too).
export const FIRST_TOUCHES_SQL = `
SELECT c.membership_id, c.entered_at, c.due_at, p.clock, p.calendar, rc.*, ft.kind, ft.touch_at, ft.created_at, ft.channel, ft.rep_id,
       COALESCE(c.run_id, ft.run_id) AS run_id, r.playbook_id, r.playbook_version, r.started_at AS run_started_at
  FROM sla_clocks c
  LEFT JOIN sla_policies p ON p.id = c.policy_id
  CROSS JOIN LATERAL (
    SELECT * FROM (
      SELECT 'touch' AS kind, t.created_at AS touch_at, t.created_at, t.channel, t.sender->>'ownerId' AS rep_id, t.run_id
        FROM touches t WHERE t.lead_id = c.lead_id AND t.status = 'sent' AND t.created_at >= c.entered_at
      UNION ALL
      SELECT 'task', k.closed_at, k.created_at, k.task_type, k.assignee_id, k.run_id
        FROM tasks k WHERE k.lead_id = c.lead_id AND k.status = 'done' AND k.created_at >= c.entered_at
    ) x ORDER BY touch_at LIMIT 1
  ) ft
  LEFT JOIN runs r ON r.id = COALESCE(c.run_id, ft.run_id)
  ${repCalendarSourcesJoin('c.calendar_rep_id', 'c.entered_at')}
 WHERE c.first_touch_at IS NULL
 LIMIT 1000`;

export const RECORD_FIRST_TOUCHES_SQL = `
UPDATE sla_clocks c SET first_touch_at = x.first_touch_at, first_touch_kind = x.kind, channel = x.channel, rep_id = x.rep_id,
       ttft_ms = x.ttft_ms, system_delay_ms = x.system_delay_ms, human_delay_ms = x.human_delay_ms,
       run_id = COALESCE(c.run_id, x.run_id), playbook_id = COALESCE(c.playbook_id, x.playbook_id),
       playbook_version = COALESCE(c.playbook_version, x.playbook_version)
  FROM jsonb_to_recordset($1::jsonb) AS x(membership_id uuid, first_touch_at timestamptz, kind text, channel text, rep_id text,
       ttft_ms float8, system_delay_ms float8, human_delay_ms float8, run_id uuid, playbook_id uuid, playbook_version int)
 WHERE c.membership_id = x.membership_id AND c.membership_id = ANY($2::uuid[])`;

// Clocks that ran out untouched, claimed once (SKIP LOCKED lets replicas share the work). $1 = now.
export const CLAIM_BREACHES_SQL = `
UPDATE sla_clocks c SET breached_at = $1
  FROM (SELECT membership_id FROM sla_clocks WHERE first_touch_at IS NULL AND breached_at IS NULL AND due_at <= $1
         ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED) due
 WHERE c.membership_id = due.membership_id
RETURNING c.membership_id, c.lead_id, c.segment_id, c.policy_id, c.due_at`;

// Who hears about a breach: the manager of the lead owner's team, else every manager, else every admin.
export const BREACH_CONTEXT_SQL = `
SELECT l.id AS lead_id, COALESCE(l.name, l.external_id) AS lead_name, l.owner_id, rep.name AS owner_name, rep.team_id,
       s.name AS segment_name, p.reassign_on_breach,
       COALESCE((SELECT array_agg(tm.manager_id) FROM teams tm WHERE tm.id = rep.team_id AND tm.manager_id IS NOT NULL),
                (SELECT array_agg(u.id) FROM users u WHERE u.role = 'manager' AND u.active),
                (SELECT array_agg(u.id) FROM users u WHERE u.role = 'admin' AND u.active)) AS recipients
  FROM leads l
  LEFT JOIN reps rep ON rep.id = l.owner_id
  LEFT JOIN segments s ON s.id = $2
  LEFT JOIN sla_policies p ON p.id = $3
 WHERE l.id = $1`;

// A team's reps with their load and calendar sources. $1 = team, $2 = now.
export const TEAM_REPS_SQL = `
SELECT r.id, r.name, r.team_id, r.active, r.capacity,
       (SELECT count(*) FROM tasks k WHERE k.assignee_id = r.id AND k.status = 'open')::int AS open_tasks, rc.*
  FROM reps r
  ${repCalendarSourcesJoin('r.id', '$2')}
 WHERE r.team_id = $1`;
