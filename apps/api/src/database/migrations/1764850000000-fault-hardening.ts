import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Faults lose nothing and stall nothing (issue 17):
 * - `outbox.dead_lettered_at`: a row that failed OUTBOX_MAX_ATTEMPTS times stops holding its lead's later rows back
 *   and waits for ops (GET /api/outbox/dead-letters); the partial index serves that list.
 * - `outbox.kind` `run_start` / `lead_intake`: a run start made by a request (manual or segment-member enrolment) and
 *   a new lead's intake workflow start go through the outbox, so they happen once Temporal is reachable instead of
 *   being lost with the request.
 * - `segment_models.training_until`: the lease of a training, renewed while it runs; a training whose lease ran out
 *   (its API was killed) is marked failed, so it no longer blocks every later retrain. Rows training now get a fresh
 *   lease: their API, if still alive, renews it.
 */
export class FaultHardening1764850000000 implements MigrationInterface {
  name = 'FaultHardening1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN dead_lettered_at timestamptz`);
    await q.query(
      `CREATE INDEX outbox_dead_letters_idx ON outbox (id) WHERE dead_lettered_at IS NOT NULL AND dispatched_at IS NULL`,
    );
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('segment_entered', 'segment_left', 'lead_event', 'run_start', 'lead_intake'))`,
    );
    await q.query(`ALTER TABLE segment_models ADD COLUMN training_until timestamptz`);
    await q.query(`UPDATE segment_models SET training_until = now() + interval '2 minutes' WHERE status = 'training'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE segment_models DROP COLUMN training_until`);
    await q.query(`DELETE FROM outbox WHERE kind IN ('run_start', 'lead_intake')`);
    await q.query(`ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check`);
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('segment_entered', 'segment_left', 'lead_event'))`,
    );
    await q.query(`DROP INDEX outbox_dead_letters_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN dead_lettered_at`);
  }
}
