import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1764158500000 implements MigrationInterface {
  name = 'CreateOutbox1764158500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('segment_entered', 'segment_left', 'lead_event')),
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The dispatcher scans only undelivered rows, oldest first.
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
  }
}
