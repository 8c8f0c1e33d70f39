import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reply intent (issue 19): a reply classified `unsubscribe` opens one rep task asking to confirm the unsubscribe
 * instead of unsubscribing silently. `tasks.reply_event_id` names the reply (its channel is the channel to
 * unsubscribe), and its unique index makes the task once per reply whatever retries the ingest sees.
 */
export class ReplyIntentTasks1764919000000 implements MigrationInterface {
  name = 'ReplyIntentTasks1764919000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN reply_event_id text`);
    await q.query(
      `CREATE UNIQUE INDEX tasks_reply_event_idx ON tasks (reply_event_id) WHERE reply_event_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_reply_event_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN reply_event_id`);
  }
}
