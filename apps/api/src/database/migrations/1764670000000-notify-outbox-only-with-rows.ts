import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox notification of migration 1764650000000 fired for every INSERT statement, also one that inserted no
 * row. Since segment changes only write the rows a playbook run may act on, most ingest flushes insert none, and each
 * woke the dispatcher for a pass that found nothing. The trigger now reads the statement's transition table and
 * notifies only when it holds a row.
 */
export class NotifyOutboxOnlyWithRows1764670000000 implements MigrationInterface {
  name = 'NotifyOutboxOnlyWithRows1764670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_notify ON outbox`);
    await q.query(`
      CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM inserted_rows) THEN
          PERFORM pg_notify('segflow_outbox', '');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_notify ON outbox`);
    await q.query(`
      CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('segflow_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }
}
