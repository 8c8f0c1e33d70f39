import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team-ready privacy (issue 20):
 * - `audit_log`: who (user, API key or the system) did what to which entity, when, with before/after. Append-only in
 *   the database: a trigger refuses UPDATE, DELETE and TRUNCATE, so no code path (nor a stray psql session of the app
 *   role) can rewrite history. Entries never carry a lead's personal data, so an erasure need not touch them.
 * - `suppressions.address` holds the SHA-256 (hex) of the normalised address (lower-cased email, E.164 phone), never
 *   the address: an erased lead's suppression keeps matching a re-imported address without keeping it readable.
 *   Reason `erasure`: the address of a lead erased on request, never contacted again.
 * - `leads.erased_at`: when the lead's personal data was erased (the row stays, anonymised, so counts stay right).
 */
export class AuditLogAndErasure1764940000000 implements MigrationInterface {
  name = 'AuditLogAndErasure1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'apiKey', 'system')),
        actor_id text,
        actor_label text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    // Pages list newest first by id (the cursor), filtered by one of these; each index keeps that order.
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC)`);
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
                   FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                   FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);

    await q.query(`UPDATE suppressions SET address = encode(sha256(convert_to(address, 'UTF8')), 'hex')`);
    await q.query(`ALTER TABLE suppressions DROP CONSTRAINT suppressions_reason_check`);
    await q.query(`ALTER TABLE suppressions ADD CONSTRAINT suppressions_reason_check
                   CHECK (reason IN ('unsubscribe', 'hard_bounce', 'complaint', 'manual', 'erasure'))`);
    await q.query(`ALTER TABLE leads ADD COLUMN erased_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads DROP COLUMN erased_at`);
    // Hashes cannot be turned back into addresses: code before this migration compares plain addresses, so after a
    // rollback the suppressions no longer match until they are re-created (unsubscribes are kept in consent_changes).
    await q.query(`DELETE FROM suppressions WHERE reason = 'erasure'`);
    await q.query(`ALTER TABLE suppressions DROP CONSTRAINT suppressions_reason_check`);
    await q.query(`ALTER TABLE suppressions ADD CONSTRAINT suppressions_reason_check
                   CHECK (reason IN ('unsubscribe', 'hard_bounce', 'complaint', 'manual'))`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
