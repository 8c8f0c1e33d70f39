import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lookalike lists (issue 19): non-customers ranked by similarity to converted leads, saved so ops can enrol them
 * into a playbook. A list is a snapshot: its members and scores are what was computed when it was created.
 * - `lookalike_lists`: the request (name, size, segment and owner filters) and what it found (converted leads
 *   compared against, candidates scored).
 * - `lookalike_members`: one row per ranked lead; a deleted lead (or list) takes its rows with it.
 */
export class LookalikeLists1764985000000 implements MigrationInterface {
  name = 'LookalikeLists1764985000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lookalike_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        segment_id uuid REFERENCES segments(id) ON DELETE SET NULL,
        exclude_owned_by text,
        goal_event_type text NOT NULL,
        converted_count integer NOT NULL,
        candidate_count integer NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lookalike_lists_created_idx ON lookalike_lists (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE lookalike_members (
        list_id uuid NOT NULL REFERENCES lookalike_lists(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        rank integer NOT NULL CHECK (rank > 0),
        score double precision NOT NULL,
        PRIMARY KEY (list_id, rank),
        UNIQUE (list_id, lead_id)
      )`);
    await q.query(`CREATE INDEX lookalike_members_lead_idx ON lookalike_members (lead_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lookalike_members`);
    await q.query(`DROP TABLE lookalike_lists`);
  }
}
