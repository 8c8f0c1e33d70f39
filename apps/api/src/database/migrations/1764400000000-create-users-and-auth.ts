import { MigrationInterface, QueryRunner } from 'typeorm';

// Users (ops/rep/manager/admin), team managers and calendars, rep ↔ user link, out-of-office periods,
// sessions (only a SHA-256 of the token is stored) and ingest API keys (hashed the same way).
export class CreateUsersAndAuth1764400000000 implements MigrationInterface {
  name = 'CreateUsersAndAuth1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // The playbook work (1764200000000) made minimal `teams` / `reps` for the route node; these statements are
    // the same definitions, so this migration also runs where that one is absent. Reps stay the routing view of
    // a rep (id = the user's id as text, so tasks.assignee_id and leads.owner_id are user ids).
    await q.query(`CREATE TABLE IF NOT EXISTS teams (id text PRIMARY KEY, name text NOT NULL)`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS reps (
        id text PRIMARY KEY, name text NOT NULL, email text, team_id text NOT NULL REFERENCES teams(id),
        active boolean NOT NULL DEFAULT true, capacity int, calendar jsonb
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ops', 'rep', 'manager', 'admin')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `ALTER TABLE teams ADD COLUMN manager_id uuid REFERENCES users(id) ON DELETE SET NULL, ADD COLUMN calendar jsonb`,
    );
    await q.query(`CREATE INDEX teams_manager_idx ON teams (manager_id)`);
    await q.query(`ALTER TABLE reps ADD COLUMN user_id uuid UNIQUE REFERENCES users(id) ON DELETE CASCADE`);
    await q.query(`CREATE INDEX reps_team_idx ON reps (team_id)`);
    await q.query(`
      CREATE TABLE out_of_office (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rep_id text NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        note text,
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX out_of_office_rep_idx ON out_of_office (rep_id, ends_at)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL DEFAULT '{ingest}',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE out_of_office`);
    await q.query(`ALTER TABLE reps DROP COLUMN user_id`);
    await q.query(`ALTER TABLE teams DROP COLUMN manager_id, DROP COLUMN calendar`);
    await q.query(`DROP TABLE users`);
  }
}
