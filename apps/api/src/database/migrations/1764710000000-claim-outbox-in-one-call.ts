import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox claim as one function call instead of a transaction of four round trips (BEGIN, the advisory lock, the
 * claim, COMMIT): a claim is on the path of every run start. In a volatile plpgsql function each statement takes a
 * new snapshot under READ COMMITTED, so the claim still sees every row the previous claim took, as it did when the
 * lock was a statement of its own; the lock is held until the calling statement's transaction ends.
 * What the claim takes and in which order: see CLAIM_SQL in apps/api/src/outbox/outbox-claims.ts.
 */
export class ClaimOutboxInOneCall1764710000000 implements MigrationInterface {
  name = 'ClaimOutboxInOneCall1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION claim_outbox_rows(owner uuid, lease_seconds int, max_rows int)
      RETURNS TABLE (id bigint, kind text, payload jsonb) LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('segflow_outbox_claim'));
        RETURN QUERY
        UPDATE outbox o SET claimed_by = owner, claimed_at = now(), claimed_until = now() + lease_seconds * interval '1 second'
        FROM (
          SELECT c.id FROM outbox c
          WHERE c.dispatched_at IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM outbox b
              WHERE b.dispatched_at IS NULL AND b.payload->>'leadId' = c.payload->>'leadId' AND b.id <= c.id
                AND (b.claimed_until > now() OR b.next_attempt_at > now()))
          ORDER BY EXISTS (
              SELECT 1 FROM outbox u
              WHERE u.dispatched_at IS NULL AND u.payload->>'leadId' = c.payload->>'leadId' AND u.kind <> 'lead_event') DESC,
            c.id
          LIMIT max_rows
        ) picked
        WHERE o.id = picked.id AND o.dispatched_at IS NULL AND (o.claimed_until IS NULL OR o.claimed_until <= now())
        RETURNING o.id, o.kind, o.payload;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION claim_outbox_rows(uuid, int, int)`);
  }
}
