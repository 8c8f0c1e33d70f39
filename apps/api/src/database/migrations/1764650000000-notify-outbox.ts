import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the outbox dispatcher when outbox rows commit, instead of making it poll. A statement-level trigger, so
 * every writer of the outbox (ingest, model activation, SQL in tests) is covered without knowing about it, with
 * one notification per statement; PostgreSQL folds identical notifications of one transaction into one and
 * delivers it only at commit, so a rolled-back change wakes nobody. The channel is OUTBOX_CHANNEL
 * (apps/api/src/outbox/outbox-channel.ts); a migration keeps its own copy because it must never change.
 */
export class NotifyOutbox1764650000000 implements MigrationInterface {
  name = 'NotifyOutbox1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('segflow_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
  }
}
