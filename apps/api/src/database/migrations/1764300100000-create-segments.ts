import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segment models (versions with metrics), segments (stable identity across models), each model's centroids,
 * and lead memberships (history kept: a change closes one row and opens another).
 */
export class CreateSegments1764300100000 implements MigrationInterface {
  name = 'CreateSegments1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE segment_models (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL CHECK (status IN ('training', 'candidate', 'active', 'retired', 'discarded', 'failed')),
        params jsonb NOT NULL,
        progress jsonb NOT NULL DEFAULT '{"phase":"queued","fraction":0}',
        standardizer jsonb,
        metrics jsonb,
        diff jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        trained_at timestamptz,
        activated_at timestamptz,
        decided_at timestamptz
      )`);
    // At most one active model: real-time assignment reads it on every flush.
    await q.query(
      `CREATE UNIQUE INDEX segment_models_one_active_idx ON segment_models ((true)) WHERE status = 'active'`,
    );
    await q.query(`CREATE INDEX segment_models_created_idx ON segment_models (created_at DESC)`);
    await q.query(`
      CREATE TABLE segments (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        description text NOT NULL,
        description_edited boolean NOT NULL DEFAULT false,
        colour text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // centroid is standardised (the model's space); raw_centroid is in feature units for people.
    await q.query(`
      CREATE TABLE segment_model_centroids (
        model_id uuid NOT NULL REFERENCES segment_models(id) ON DELETE CASCADE,
        segment_id uuid NOT NULL REFERENCES segments(id),
        position int NOT NULL,
        centroid float8[] NOT NULL,
        raw_centroid float8[] NOT NULL,
        size int NOT NULL,
        generated_description text NOT NULL,
        PRIMARY KEY (model_id, segment_id)
      )`);
    await q.query(`
      CREATE TABLE segment_memberships (
        id uuid PRIMARY KEY,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        segment_id uuid NOT NULL REFERENCES segments(id),
        model_id uuid NOT NULL REFERENCES segment_models(id),
        entered_at timestamptz NOT NULL,
        left_at timestamptz,
        enter_reason text NOT NULL,
        leave_reason text,
        trigger_event_id text
      )`);
    // One open membership per lead; the real-time path finds it through this index.
    await q.query(
      `CREATE UNIQUE INDEX segment_memberships_open_idx ON segment_memberships (lead_id) WHERE left_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX segment_memberships_segment_idx ON segment_memberships (segment_id) WHERE left_at IS NULL`,
    );
    await q.query(`CREATE INDEX segment_memberships_history_idx ON segment_memberships (lead_id, entered_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE segment_memberships`);
    await q.query(`DROP TABLE segment_model_centroids`);
    await q.query(`DROP TABLE segments`);
    await q.query(`DROP TABLE segment_models`);
  }
}
