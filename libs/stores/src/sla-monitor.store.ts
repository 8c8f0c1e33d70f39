import type { BusinessCalendar } from '@segflow/sla';
import type { Queryable } from './queryable';
import { repCalendarSourcesJoin, type RepCalendarSourcesRow } from './rep-calendars.store';

/**
 * The SLA monitor's reads over `segment_memberships`, `leads`, `runs`, `sla_policies`, `sla_clocks`, `touches`,
 * `tasks`, `reps`, `teams`, `users` and `segments`; its writes go through sla-clocks, tasks and task-activity.
 */

/** A policy's clock columns: how the due time is counted. */
export interface PolicyClock {
  first_touch_minutes: number;
  clock: 'wall' | 'business';
  calendar: BusinessCalendar | null;
}

/** A segment entry that needs a clock, with its policy, run and the calendar sources of the lead's owner. */
export interface UnclockedEntry extends PolicyClock, RepCalendarSourcesRow {
  membership_id: string;
  lead_id: string;
  segment_id: string;
  entered_at: Date;
  run_id: string | null;
  playbook_id: string | null;
  playbook_version: number | null;
  policy_id: string;
  owner_id: string | null;
}

/**
 * Segment entries (last 7 days) that have an SLA policy but no clock yet, with the calendar sources of the lead's
 * owner. A playbook-specific policy of the entry's run wins over the segment's. Entries held out of their playbook
 * get no clock: nobody is meant to touch them (an entry clocked before its holdout run appeared keeps its clock).
 * The segment filter repeats what the policy join implies so the scan starts from the segments that have a policy
 * (none, or a few): this runs every SLA_CHECK_INTERVAL_MS beside ingest, and without it every recent entry was read.
 *
 * @example
 * const entries = await unclockedEntries(tx, new Date());
 */
export function unclockedEntries(q: Queryable, now: Date): Promise<UnclockedEntry[]> {
  return q.query(
    `SELECT m.id AS membership_id, m.lead_id, m.segment_id, m.entered_at, r.id AS run_id, r.playbook_id, r.playbook_version,
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
      LIMIT 1000`,
    [now],
  );
}

/** A running business clock whose due time must be counted again, with the current owner's calendar sources. */
export interface StaleClock extends PolicyClock, RepCalendarSourcesRow {
  membership_id: string;
  entered_at: Date;
  calendar_epoch: number;
  owner_id: string | null;
}

/**
 * Business-clock clocks still running whose due time was counted for another rep than the lead's owner now
 * (reassigned) or before the owner's calendar last changed.
 */
export function staleClocks(q: Queryable): Promise<StaleClock[]> {
  return q.query(
    `SELECT c.membership_id, c.entered_at, c.calendar_epoch, l.owner_id, p.first_touch_minutes, p.clock, p.calendar, rc.*
       FROM sla_clocks c
       JOIN leads l ON l.id = c.lead_id
       JOIN sla_policies p ON p.id = c.policy_id
       ${repCalendarSourcesJoin('l.owner_id', 'c.entered_at')}
      WHERE c.first_touch_at IS NULL AND c.breached_at IS NULL AND p.clock = 'business'
        AND (c.calendar_rep_id IS DISTINCT FROM l.owner_id OR c.counted_epoch <> c.calendar_epoch)
      LIMIT 1000`,
  );
}

/** An open clock's first touch (a sent touch or a completed task) and what splitting its time needs. */
export interface TouchedClock extends RepCalendarSourcesRow {
  membership_id: string;
  entered_at: Date;
  due_at: Date;
  clock: 'wall' | 'business' | null;
  calendar: BusinessCalendar | null;
  kind: 'touch' | 'task';
  touch_at: Date;
  created_at: Date;
  channel: string | null;
  rep_id: string | null;
  run_id: string | null;
  playbook_id: string | null;
  playbook_version: number | null;
  run_started_at: Date | null;
}

/**
 * Open clocks whose lead got its first touch: the earliest sent touch or completed task created after the entry,
 * with the calendar sources of the rep the due time was counted for (business time to first touch uses it too).
 */
export function touchedClocks(q: Queryable): Promise<TouchedClock[]> {
  return q.query(
    `SELECT c.membership_id, c.entered_at, c.due_at, p.clock, p.calendar, rc.*, ft.kind, ft.touch_at, ft.created_at, ft.channel, ft.rep_id,
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
      LIMIT 1000`,
  );
}

/** What a breach notice says and who hears it. */
export interface BreachContext {
  lead_id: string;
  lead_name: string;
  owner_id: string | null;
  owner_name: string | null;
  team_id: string | null;
  segment_name: string | null;
  reassign_on_breach: boolean | null;
  recipients: string[] | null;
}

/** The breach's lead, owner, segment and policy, and its recipients: the owner's team manager, else every manager, else every admin. */
export async function breachContext(
  q: Queryable,
  clock: { lead_id: string; segment_id: string; policy_id: string | null },
): Promise<BreachContext | null> {
  const rows: BreachContext[] = await q.query(
    `SELECT l.id AS lead_id, COALESCE(l.name, l.external_id) AS lead_name, l.owner_id, rep.name AS owner_name, rep.team_id,
            s.name AS segment_name, p.reassign_on_breach,
            COALESCE((SELECT array_agg(tm.manager_id) FROM teams tm WHERE tm.id = rep.team_id AND tm.manager_id IS NOT NULL),
                     (SELECT array_agg(u.id) FROM users u WHERE u.role = 'manager' AND u.active),
                     (SELECT array_agg(u.id) FROM users u WHERE u.role = 'admin' AND u.active)) AS recipients
       FROM leads l
       LEFT JOIN reps rep ON rep.id = l.owner_id
       LEFT JOIN segments s ON s.id = $2
       LEFT JOIN sla_policies p ON p.id = $3
      WHERE l.id = $1`,
    [clock.lead_id, clock.segment_id, clock.policy_id],
  );
  return rows[0] ?? null;
}

/** A rep of a team with their load and calendar sources. */
export interface TeamRepRow extends RepCalendarSourcesRow {
  id: string;
  name: string;
  team_id: string;
  active: boolean;
  capacity: number | null;
  open_tasks: number;
}

/** The team's reps with their open-task counts and calendar sources (out-of-office periods ending after `now`). */
export function teamRepsWithLoad(q: Queryable, teamId: string, now: Date): Promise<TeamRepRow[]> {
  return q.query(
    `SELECT r.id, r.name, r.team_id, r.active, r.capacity,
            (SELECT count(*) FROM tasks k WHERE k.assignee_id = r.id AND k.status = 'open')::int AS open_tasks, rc.*
       FROM reps r
       ${repCalendarSourcesJoin('r.id', '$2')}
      WHERE r.team_id = $1`,
    [teamId, now],
  );
}
