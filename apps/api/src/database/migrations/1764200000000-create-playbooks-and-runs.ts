import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Playbooks (draft + immutable published versions), segment bindings, runs with their steps, and what runs
 * produce (touches, tasks). Minimal `teams` / `reps` tables so the route node has someone to route to until
 * the auth/roles work brings the real user model (it may extend these tables).
 */
export class CreatePlaybooksAndRuns1764200000000 implements MigrationInterface {
  name = 'CreatePlaybooksAndRuns1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE playbooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused')),
        draft jsonb NOT NULL,
        draft_revision int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      )`);
    await q.query(`
      CREATE TABLE playbook_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        playbook_id uuid NOT NULL REFERENCES playbooks(id) ON DELETE CASCADE,
        version int NOT NULL,
        graph jsonb NOT NULL,
        note text,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by text,
        UNIQUE (playbook_id, version)
      )`);
    // One playbook per segment (segments belong to the segments work; no FK so either side can land first).
    await q.query(`
      CREATE TABLE segment_bindings (
        playbook_id uuid PRIMARY KEY REFERENCES playbooks(id) ON DELETE CASCADE,
        segment_id text NOT NULL UNIQUE,
        holdout_percent int NOT NULL DEFAULT 0 CHECK (holdout_percent BETWEEN 0 AND 50),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        playbook_id uuid NOT NULL REFERENCES playbooks(id) ON DELETE CASCADE,
        playbook_version_id uuid NOT NULL REFERENCES playbook_versions(id),
        playbook_version int NOT NULL,
        segment_id text,
        membership_id text UNIQUE,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'converted', 'exited', 'completed', 'heldOut')),
        exit_reason text,
        current_node_id text,
        path jsonb NOT NULL DEFAULT '[]',
        temporal_workflow_id text UNIQUE,
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // DESIGN invariant 1: at most one active run per lead and playbook.
    await q.query(`CREATE UNIQUE INDEX runs_one_active_idx ON runs (lead_id, playbook_id) WHERE status = 'active'`);
    await q.query(`CREATE INDEX runs_lead_idx ON runs (lead_id, started_at DESC)`);
    await q.query(`CREATE INDEX runs_playbook_idx ON runs (playbook_id, playbook_version, status)`);
    await q.query(`
      CREATE TABLE run_steps (
        run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        visit int NOT NULL,
        entered_at timestamptz NOT NULL,
        outcome text,
        note text,
        left_at timestamptz,
        PRIMARY KEY (run_id, node_id, visit)
      )`);
    await q.query(`CREATE INDEX run_steps_node_idx ON run_steps (node_id)`);
    // DESIGN invariant 3: one touch per (run, node, visit); the delivering activity checks this key first.
    await q.query(`
      CREATE TABLE touches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        visit int NOT NULL,
        channel text NOT NULL,
        subject text,
        body text NOT NULL,
        sender jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('sent', 'failed')),
        error text,
        provider_message_id text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (run_id, node_id, visit)
      )`);
    await q.query(`CREATE INDEX touches_lead_idx ON touches (lead_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid REFERENCES runs(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        node_id text,
        visit int,
        task_type text NOT NULL,
        title text NOT NULL,
        description text,
        priority text NOT NULL,
        due_at timestamptz NOT NULL,
        assignee_id text,
        wait_for_completion boolean NOT NULL DEFAULT false,
        touch jsonb,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        outcome text,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        UNIQUE (run_id, node_id, visit)
      )`);
    await q.query(`CREATE INDEX tasks_open_idx ON tasks (assignee_id, due_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_run_idx ON tasks (run_id)`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS teams (
        id text PRIMARY KEY,
        name text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS reps (
        id text PRIMARY KEY,
        name text NOT NULL,
        email text,
        team_id text NOT NULL REFERENCES teams(id),
        active boolean NOT NULL DEFAULT true,
        capacity int,
        calendar jsonb
      )`);
    await q.query(`
      CREATE TABLE routing_cursors (
        team_id text PRIMARY KEY,
        position int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE owner_assignments (
        run_id uuid NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        node_id text NOT NULL,
        visit int NOT NULL,
        lead_id uuid NOT NULL,
        rep_id text,
        team_id text,
        reason text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, node_id, visit)
      )`);
    // The dispatcher backs off a failing row instead of retrying it on every pass.
    await q.query(`ALTER TABLE outbox ADD COLUMN IF NOT EXISTS next_attempt_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN IF EXISTS next_attempt_at`);
    for (const table of [
      'owner_assignments',
      'routing_cursors',
      'reps',
      'teams',
      'tasks',
      'touches',
      'run_steps',
      'runs',
      'segment_bindings',
      'playbook_versions',
      'playbooks',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
