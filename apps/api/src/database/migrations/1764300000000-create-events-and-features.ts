import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ingested events (stored once per eventId) and each lead's incremental feature state. */
export class CreateEventsAndFeatures1764300000000 implements MigrationInterface {
  name = 'CreateEventsAndFeatures1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // event_id is the caller's idempotency key: a repeat hits the primary key and is acknowledged, not stored.
    await q.query(`
      CREATE TABLE events (
        event_id text PRIMARY KEY,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX events_lead_idx ON events (lead_id, occurred_at DESC)`);
    // state is libs/scoring's FeatureState (decayed accumulators), updated in O(1) per event.
    await q.query(`
      CREATE TABLE lead_features (
        lead_id uuid PRIMARY KEY REFERENCES leads(id) ON DELETE CASCADE,
        state jsonb NOT NULL,
        event_count int NOT NULL DEFAULT 0,
        last_event_at timestamptz,
        converted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lead_features`);
    await q.query(`DROP TABLE events`);
  }
}
