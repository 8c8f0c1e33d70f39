import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rep inbox (snooze, notes and reassignment history on tasks), SLA policies per segment (optionally per
 * playbook), one SLA clock per segment entry with its first touch and delay split, and manager notifications.
 * Indexes serve the breach check (open clocks by due time) and the dashboards (clocks by entry time).
 */
export class CreateInboxAndSla1764400100000 implements MigrationInterface {
  name = 'CreateInboxAndSla1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN snoozed_until timestamptz, ADD COLUMN completed_by text`);
    await q.query(`CREATE INDEX tasks_lead_idx ON tasks (lead_id, created_at)`);
    await q.query(`
      CREATE TABLE task_activity (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('note', 'snoozed', 'reassigned', 'completed')),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX task_activity_task_idx ON task_activity (task_id, created_at)`);
    await q.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        segment_id uuid NOT NULL,
        playbook_id uuid,
        first_touch_minutes double precision NOT NULL CHECK (first_touch_minutes > 0),
        clock text NOT NULL CHECK (clock IN ('wall', 'business')),
        calendar jsonb,
        reassign_on_breach boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (clock = 'wall' OR calendar IS NOT NULL)
      )`);
    // One policy per segment, plus at most one per (segment, playbook) that wins over it.
    await q.query(
      `CREATE UNIQUE INDEX sla_policies_segment_idx ON sla_policies (segment_id) WHERE playbook_id IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX sla_policies_segment_playbook_idx ON sla_policies (segment_id, playbook_id) WHERE playbook_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE sla_clocks (
        membership_id uuid PRIMARY KEY,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        segment_id uuid NOT NULL,
        policy_id uuid REFERENCES sla_policies(id) ON DELETE SET NULL,
        playbook_id uuid,
        playbook_version int,
        run_id uuid,
        entered_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        first_touch_at timestamptz,
        first_touch_kind text CHECK (first_touch_kind IN ('touch', 'task')),
        channel text,
        rep_id text,
        ttft_ms double precision,
        system_delay_ms double precision,
        human_delay_ms double precision,
        breached_at timestamptz,
        escalated_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX sla_clocks_open_idx ON sla_clocks (due_at) WHERE first_touch_at IS NULL AND breached_at IS NULL`,
    );
    await q.query(`CREATE INDEX sla_clocks_untouched_idx ON sla_clocks (lead_id) WHERE first_touch_at IS NULL`);
    await q.query(
      `CREATE INDEX sla_clocks_entered_idx ON sla_clocks (entered_at) INCLUDE (segment_id, playbook_id, rep_id, channel, ttft_ms, due_at, first_touch_at)`,
    );
    await q.query(`CREATE INDEX sla_clocks_lead_idx ON sla_clocks (lead_id)`);
    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        dedupe_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    // Dashboards aggregate touches and events by time; these keep the range scans index-only where possible.
    await q.query(
      `CREATE INDEX touches_created_idx ON touches (created_at) INCLUDE (run_id, lead_id, channel, status)`,
    );
    await q.query(`CREATE INDEX events_type_occurred_idx ON events (type, occurred_at) INCLUDE (lead_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX events_type_occurred_idx`);
    await q.query(`DROP INDEX touches_created_idx`);
    for (const table of ['notifications', 'sla_clocks', 'sla_policies', 'task_activity'])
      await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP INDEX tasks_lead_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN snoozed_until, DROP COLUMN completed_by`);
  }
}
