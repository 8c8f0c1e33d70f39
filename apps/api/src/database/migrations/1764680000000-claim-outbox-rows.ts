import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows are claimed per row with a lease instead of being locked by a dispatcher pass for as long as the
 * pass's slowest delivery: a fresh row is picked up while slower deliveries go on (apps/api/src/outbox/outbox-claims.ts).
 * `claimed_by` is the claiming dispatcher, `claimed_until` its lease (renewed while it delivers; once past, another
 * dispatcher may claim the row), `claimed_at` the latest claim. The index serves the claim's check that no earlier
 * undelivered row of the same lead is held or backing off (an expression index: no rewrite of the outbox).
 */
export class ClaimOutboxRows1764680000000 implements MigrationInterface {
  name = 'ClaimOutboxRows1764680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE outbox ADD COLUMN claimed_by uuid, ADD COLUMN claimed_at timestamptz, ADD COLUMN claimed_until timestamptz`,
    );
    await q.query(
      `CREATE INDEX outbox_pending_lead_idx ON outbox ((payload->>'leadId'), id) WHERE dispatched_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_pending_lead_idx`);
    await q.query(`ALTER TABLE outbox DROP COLUMN claimed_by, DROP COLUMN claimed_at, DROP COLUMN claimed_until`);
  }
}
